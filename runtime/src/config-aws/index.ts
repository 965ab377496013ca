import type { QPQConfigSetting } from '../core/index.js';

/** Where one service of the application deploys, for calls between services. */
export interface ServiceAccountInfo {
  moduleName: string;
  applicationName?: string | undefined;
  environment?: string | undefined;
  feature?: string | undefined;
  awsAccountId: string;
  awsRegion: string;
}

/** A Lambda layer the service's functions run with. */
export interface ApiLayer {
  name: string;
  buildPath?: string | undefined;
  layerArn?: string | undefined;
  /** Packages the layer provides at run time. */
  modules?: string[] | undefined;
}

export interface QPQConfigAdvancedAwsServiceAccountInfoSettings {
  apiLayers?: ApiLayer[] | undefined;
  lambdaMaxMemoryInMiB?: number | undefined;
  logServiceName?: string | undefined;
  disableLogs?: boolean | undefined;
  disableLambdaWarming?: boolean | undefined;
  disableReservedConcurrency?: boolean | undefined;
  disableTracing?: boolean | undefined;
  instantLogs?: boolean | undefined;
}

export interface AwsServiceAccountInfoQPQConfigSetting extends QPQConfigSetting {
  deployAccountId: string;
  deployRegion: string;
  logServiceName: string | undefined;
  serviceInfoMap: ServiceAccountInfo[];
  apiLayers: ApiLayer[];
  lambdaMaxMemoryInMiB: number;
  disableLogs: boolean;
  disableLambdaWarming: boolean;
  disableReservedConcurrency: boolean;
  disableTracing: boolean;
  instantLogs: boolean;
}

export const AWS_SERVICE_ACCOUNT_INFO_SETTING_TYPE = '@quidproquo-aws/config/AwsServiceAccountInfo';

/** Where the service deploys: the AWS account and region (the region moved here in Oct 2024). */
export function defineAwsServiceAccountInfo(
  deployAccountId: string,
  deployRegion: string,
  serviceInfoMap: ServiceAccountInfo[] = [],
  options: QPQConfigAdvancedAwsServiceAccountInfoSettings = {},
): AwsServiceAccountInfoQPQConfigSetting {
  return {
    configSettingType: AWS_SERVICE_ACCOUNT_INFO_SETTING_TYPE,
    uniqueKey: 'AwsServiceAccountInfo',
    deployAccountId,
    deployRegion,
    logServiceName: options.logServiceName,
    serviceInfoMap,
    apiLayers: options.apiLayers ?? [],
    lambdaMaxMemoryInMiB: options.lambdaMaxMemoryInMiB || 1024,
    disableLogs: options.disableLogs === true,
    disableLambdaWarming: options.disableLambdaWarming === true,
    disableReservedConcurrency: options.disableReservedConcurrency === true,
    disableTracing: options.disableTracing === true,
    instantLogs: options.instantLogs === true,
  };
}
