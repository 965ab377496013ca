// Mentions of quidproquo-core that are not module names stay as they are.
export const packageName = 'quidproquo-core';
export const docs = 'https://github.com/joe-coady/quidproquo';
export const message = `install quidproquo-webserver first`;

export function describeImport(name = 'quidproquo-core') {
  return { from: name };
}
