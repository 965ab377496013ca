import { defineQueue } from 'quidproquo-core';

export const queues = [defineQueue('jobs', { 'job/run': '/queues/jobs::onRun' }, { batchWindowInSeconds: 5 }), defineQueue('fast', { 'job/run': '/queues/fast::onRun' }, { batchWindowInSeconds: 0 })];
