import { defineQueue } from 'quidproquo-core';

const buildPath = '../build';

// Not migrated by config-v2 yet: the options are the fourth argument.
export default [
  defineQueue('old-three', buildPath, { 'a/b': '/queues/a::onB' }),
  defineQueue('old-four', buildPath, { 'a/b': '/queues/a::onB' }, { batchSize: 3 }),
];
