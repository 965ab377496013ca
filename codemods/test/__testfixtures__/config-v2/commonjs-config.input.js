const { defineApplicationModule, defineBuildPath, defineQueue } = require('quidproquo-core');

module.exports = [
  defineApplicationModule('app', 'svc', 'prod', __dirname, 'us-east-1'),
  defineBuildPath('../dist'),
  defineQueue('q', '../dist', { 'a/b': '/q::onB' }),
];
