import type { QPQConfigSetting } from '../core/index.js';

export interface AwsServiceAccountInfo {
  awsAccountId: string;
  awsRegion: string;
}

export interface AwsServiceAccountInfoQPQConfigSetting extends QPQConfigSetting {
  deployAccountId: string;
  deployRegion: string;
  serviceInfoMap: Record<string, AwsServiceAccountInfo>;
  options: AwsServiceAccountInfoOptions;
}

export interface AwsServiceAccountInfoOptions {
  featureAccountIds?: Record<string, string> | undefined;
}

export const AWS_SERVICE_ACCOUNT_INFO_SETTING_TYPE = '@quidproquo-config-aws/config/awsServiceAccountInfo';

/** Where the service deploys: the AWS account and region (the region moved here in Oct 2024). */
export function defineAwsServiceAccountInfo(
  deployAccountId: string,
  deployRegion: string,
  serviceInfoMap: Record<string, AwsServiceAccountInfo> = {},
  options: AwsServiceAccountInfoOptions = {},
): AwsServiceAccountInfoQPQConfigSetting {
  return {
    configSettingType: AWS_SERVICE_ACCOUNT_INFO_SETTING_TYPE,
    uniqueKey: 'awsServiceAccountInfo',
    deployAccountId,
    deployRegion,
    serviceInfoMap,
    options,
  };
}
