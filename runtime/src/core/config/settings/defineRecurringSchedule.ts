import { assertRuntime, type QPQConfigSetting, QPQCoreConfigSettingType, type QpqFunctionRuntime } from '../QPQConfig.js';

export interface RecurringScheduleOptions {
  metadata?: Record<string, unknown> | undefined;
}

export interface RecurringScheduleQPQConfigSetting extends QPQConfigSetting {
  cronExpression: string;
  runtime: QpqFunctionRuntime;
  metadata: Record<string, unknown>;
}

export function defineRecurringSchedule(
  cronExpression: string,
  runtime: QpqFunctionRuntime,
  options: RecurringScheduleOptions = {},
): RecurringScheduleQPQConfigSetting {
  assertRuntime(runtime, 'defineRecurringSchedule');
  return {
    configSettingType: QPQCoreConfigSettingType.recurringSchedule,
    uniqueKey: `${cronExpression} ${typeof runtime === 'string' ? runtime : runtime.functionName}`,
    cronExpression,
    runtime,
    metadata: options.metadata ?? {},
  };
}
