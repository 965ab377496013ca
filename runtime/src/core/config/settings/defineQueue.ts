import { assertRuntime, type QPQConfigSetting, QPQCoreConfigSettingType, type QpqFunctionRuntime } from '../QPQConfig.js';

export interface QueueOptions {
  batchSize?: number | undefined;
  /** Seconds to gather a batch; 0 by default since 0.1.14 (it was 5). */
  batchWindowInSeconds?: number | undefined;
  concurrency?: number | undefined;
  maxTries?: number | undefined;
}

/** Maps each message type to the story that handles it. */
export type QpqQueueProcessors = Record<string, QpqFunctionRuntime>;

export interface QueueQPQConfigSetting extends QPQConfigSetting, Required<Omit<QueueOptions, 'concurrency'>> {
  name: string;
  qpqQueueProcessors: QpqQueueProcessors;
  concurrency?: number | undefined;
}

export function defineQueue(name: string, qpqQueueProcessors: QpqQueueProcessors, options: QueueOptions = {}): QueueQPQConfigSetting {
  for (const runtime of Object.values(qpqQueueProcessors)) assertRuntime(runtime, `defineQueue('${name}')`);
  return {
    configSettingType: QPQCoreConfigSettingType.queue,
    uniqueKey: name,
    name,
    qpqQueueProcessors,
    batchSize: options.batchSize ?? 10,
    batchWindowInSeconds: options.batchWindowInSeconds ?? 0,
    concurrency: options.concurrency,
    maxTries: options.maxTries ?? 3,
  };
}
