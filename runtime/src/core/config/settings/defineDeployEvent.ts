import { assertRuntime, type QPQConfigSetting, QPQCoreConfigSettingType, type QpqFunctionRuntime } from '../QPQConfig.js';

export interface DeployEventQPQConfigSetting extends QPQConfigSetting {
  name: string;
  runtime: QpqFunctionRuntime;
}

/** A story run on each deploy. */
export function defineDeployEvent(name: string, runtime: QpqFunctionRuntime): DeployEventQPQConfigSetting {
  assertRuntime(runtime, `defineDeployEvent('${name}')`);
  return { configSettingType: QPQCoreConfigSettingType.deployEvent, uniqueKey: name, name, runtime };
}
