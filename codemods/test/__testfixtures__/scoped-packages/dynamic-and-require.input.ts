import core = require('quidproquo-core');

export async function load() {
  const webserver = await import('quidproquo-webserver');
  const aws = require("quidproquo-config-aws");
  const where = require.resolve('quidproquo-core/package.json');
  const template = await import(`quidproquo-core`);
  return { core, webserver, aws, where, template };
}

declare function require(name: string): any;
declare namespace require {
  function resolve(name: string): string;
}
