import * as core from 'quidproquo-core';
import { defineDeployEvent as deployEvent, defineQueue as queue } from 'quidproquo-core';

const { defineRecurringSchedule: schedule } = require('quidproquo-core');

export default [
  queue('aliased', { 'a/b': '/queues/a::onB' }),
  core.defineQueue('namespaced', { 'a/c': '/queues/a::onC' }),
  schedule('0 1 * * *', '/schedules/a::onA'),
  deployEvent('seed', '/deploy/seed::onSeed'),
];

declare function require(name: string): any;
