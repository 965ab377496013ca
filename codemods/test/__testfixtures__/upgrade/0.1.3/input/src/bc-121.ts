import { BootstrapCloudTrailQPQConfigSetting, defineBootstrapCloudTrail, qpqConfigAwsUtils } from 'quidproquo-config-aws';
import { QpqBootstrapConfigCloudTrailConstruct } from 'quidproquo-deploy-awscdk';

export const trail: BootstrapCloudTrailQPQConfigSetting = defineBootstrapCloudTrail('audit', { retentionDays: 365 });
export const trails = (config: never) => qpqConfigAwsUtils.getBootstrapCloudTrailConfigs(config);
export const construct = QpqBootstrapConfigCloudTrailConstruct;
