import { defineQueue, defineRecurringSchedule } from 'quidproquo-core';

const buildPath = '../build';

export default [
  defineQueue(
    // the queue's name
    'comments',
    /* old build path */ buildPath,
    { 'a/b': '/queues/a::onB' }, // processors
  ),
  defineRecurringSchedule(
    '0 1 * * *',
    '/schedules/a::onA',
    // the build path argument, about to go
    buildPath
  ),
  defineQueue('inline', /* gone */ buildPath /* too */, { 'a/c': '/queues/a::onC' }),
];
