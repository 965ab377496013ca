import { EventBusQPQConfigSetting, QueueQPQConfigSetting } from 'quidproquo-core';

export const bus: EventBusQPQConfigSetting = { configSettingType: '@quidproquo-core/config/EventBus', uniqueKey: 'events', name: 'events', deprecated: false };

export const queues: QueueQPQConfigSetting[] = [
  {
    configSettingType: '@quidproquo-core/config/Queue',
    uniqueKey: 'jobs',
    name: 'jobs',
    batchSize: 10,
    batchWindowInSeconds: 5,
    concurrency: 1,
    eventBusSubscriptions: [],
    qpqQueueProcessors: {},
    maxTries: 3,
    ttRetryInSeconds: 60,
    hasDeadLetterQueue: true,
  },
];
