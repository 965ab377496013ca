import { defineQueue } from 'quidproquo-core';

export default [
  defineQueue('one-line', { 'a/b': '/queues/a::onB' }, { batchSize: 10, batchWindowInSeconds: 5 }),
  defineQueue('empty', { 'a/b': '/queues/a::onB' }, { batchWindowInSeconds: 5 }),
  defineQueue('multi-line', { 'a/b': '/queues/a::onB' }, {
    batchSize: 10,
    concurrency: 2, // at most two at once
    batchWindowInSeconds: 5,
  }),
  defineQueue('no-trailing-comma', { 'a/b': '/queues/a::onB' }, {
    batchSize: 10,
    batchWindowInSeconds: 5
  }),
  defineQueue('undefined-options', { 'a/b': '/queues/a::onB' }, { batchWindowInSeconds: 5 }),
];
