import { AccountCloudTrailQPQConfigSetting, defineAccountCloudTrail, qpqConfigAwsUtils } from 'quidproquo-config-aws';
import { QpqBootstrapConfigCloudTrailConstruct } from 'quidproquo-deploy-awscdk';

export const trail: AccountCloudTrailQPQConfigSetting = defineAccountCloudTrail('audit', { retentionDays: 365 });
export const trails = (config: never) => qpqConfigAwsUtils.getAccountCloudTrailConfigs(config);
export const construct = QpqBootstrapConfigCloudTrailConstruct;
