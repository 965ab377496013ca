import { defineQueue, QPQConfig } from 'quidproquo-core';

const buildPath = '../build';

export const queues: QPQConfig = [
  // old (name, buildPath, processors): the build path goes
  defineQueue('orders', buildPath, { 'order/placed': '/queues/orders::onOrderPlaced' }),
  // old (name, buildPath, processors, options)
  defineQueue('emails', '../build', { 'email/send': '/queues/emails::onSend' }, { batchSize: 10 }),
  // already (name, processors, options): left as it is
  defineQueue('audit', { 'audit/log': '/queues/audit::onLog' }, { batchWindowInSeconds: 0 }),
  defineQueue('reports', { 'report/build': '/queues/reports::onBuild' }),
];
