import { defineQueue, defineRecurringSchedule } from 'quidproquo-core';

const buildPath = '../build';

export default [
  defineQueue(
    // the queue's name
    'comments',
    { 'a/b': '/queues/a::onB' }, // processors
  ),
  defineRecurringSchedule(
    '0 1 * * *',
    '/schedules/a::onA'
  ),
  defineQueue('inline', { 'a/c': '/queues/a::onC' }),
];
