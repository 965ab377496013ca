/** One setting of a service's config, built by a define* function. */
export interface QPQConfigSetting {
  configSettingType: string;
  uniqueKey: string;
}

export type QPQConfigItem = QPQConfigSetting | QPQConfigItem[];
export type QPQConfig = QPQConfigItem[];

/** A story named by path: resolved as basePath + relativePath, export functionName. */
export interface QpqFunctionRuntimeAbsolutePath {
  basePath: string;
  relativePath: string;
  functionName: string;
}

/** `'/relative/path/to/module::exportName'` from the config root, or an absolute reference. */
export type QpqFunctionRuntime = string | QpqFunctionRuntimeAbsolutePath;

export enum QPQCoreConfigSettingType {
  appName = '@quidproquo-core/config/appName',
  queue = '@quidproquo-core/config/queue',
  recurringSchedule = '@quidproquo-core/config/recurringSchedule',
  deployEvent = '@quidproquo-core/config/deployEvent',
}

/** A string runtime without `::` names no export: the framework rejects it when the config is built. */
export function assertRuntime(runtime: QpqFunctionRuntime, settingName: string): void {
  if (typeof runtime === 'string' && !runtime.includes('::')) {
    throw new Error(`${settingName}: runtime '${runtime}' must be '/path/to/module::exportName'`);
  }
}
