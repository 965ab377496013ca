import { type QPQConfigSetting, QPQCoreConfigSettingType } from '../QPQConfig.js';

export interface ApplicationModuleQPQConfigSetting extends QPQConfigSetting {
  applicationName: string;
  moduleName: string;
  environment: string;
  configRoot: string;
  apiBuildPath: string;
  feature?: string | undefined;
}

/** Names the service; runtime strings in the config resolve against `configRoot`. */
export function defineApplicationModule(
  application: string,
  module: string,
  environment: string,
  configRoot: string,
  apiBuildPath: string,
  feature?: string,
): ApplicationModuleQPQConfigSetting[] {
  return [
    {
      configSettingType: QPQCoreConfigSettingType.appName,
      uniqueKey: 'appName',
      applicationName: application,
      moduleName: module,
      environment,
      configRoot,
      apiBuildPath,
      feature,
    },
  ];
}
