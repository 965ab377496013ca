import { defineQueue } from 'quidproquo-core';

const defaults = { batchSize: 10 };
declare function optionsFor(name: string): { batchSize?: number };

export default [
  defineQueue('spread', { 'a/b': '/queues/a::onB' }, { ...defaults, concurrency: 1 }),
  defineQueue('variable', { 'a/b': '/queues/a::onB' }, defaults),
  defineQueue('call', { 'a/b': '/queues/a::onB' }, optionsFor('call')),
];
