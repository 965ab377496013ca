import { defineRecurringSchedule, makeQueue } from './_qpq';

export default [
  makeQueue('through-barrel', '../build', { 'a/b': '/queues/a::onB' }),
  defineRecurringSchedule('0 1 * * *', '/schedules/a::onA', '../build'),
];
