import { defineQueue } from 'quidproquo-core';

const windowed = { batchWindowInSeconds: 2 } as const;

// Queues that choose their batch window keep it; an explicit 0 is reported, not changed.
export default [
  defineQueue('set', { 'a/b': '/queues/a::onB' }, { batchWindowInSeconds: 20 }),
  defineQueue('quoted', { 'a/b': '/queues/a::onB' }, { 'batchWindowInSeconds': 1 }),
  defineQueue('zero', { 'a/b': '/queues/a::onB' }, { batchSize: 10, batchWindowInSeconds: 0 }),
  defineQueue('typed', { 'a/b': '/queues/a::onB' }, windowed),
];
