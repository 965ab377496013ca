import * as qpq from 'quidproquo-core';
import { defineQueue as queue } from 'quidproquo-core';

export default [
  queue('aliased', { 'a/b': '/queues/a::onB' }, { batchWindowInSeconds: 5 }),
  qpq.defineQueue('namespaced', { 'a/b': '/queues/a::onB' }, { batchSize: 1, batchWindowInSeconds: 5 }),
];
