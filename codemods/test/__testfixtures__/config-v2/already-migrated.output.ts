import { defineAwsServiceAccountInfo } from 'quidproquo-config-aws';
import { defineApplicationModule, defineDeployEvent, defineQueue, defineRecurringSchedule } from 'quidproquo-core';

declare const __dirname: string;

const buildPath = '../dist';

export default [
  defineApplicationModule('shop', 'done', 'production', __dirname, buildPath),
  defineAwsServiceAccountInfo('123456789012', 'ap-southeast-2'),
  defineQueue('q', { 'a/b': '/queues/a::onB' }, { batchSize: 2 }),
  defineRecurringSchedule('0 1 * * *', '/schedules/a::onA'),
  defineDeployEvent('seed', '/deploy/seed::onSeed'),
];
