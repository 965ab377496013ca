import { defineQueue } from 'quidproquo-core';

export default [
  defineQueue('one-line', { 'a/b': '/queues/a::onB' }, { batchSize: 10 }),
  defineQueue('empty', { 'a/b': '/queues/a::onB' }, {}),
  defineQueue('multi-line', { 'a/b': '/queues/a::onB' }, {
    batchSize: 10,
    concurrency: 2, // at most two at once
  }),
  defineQueue('no-trailing-comma', { 'a/b': '/queues/a::onB' }, {
    batchSize: 10
  }),
  defineQueue('undefined-options', { 'a/b': '/queues/a::onB' }, undefined),
];
