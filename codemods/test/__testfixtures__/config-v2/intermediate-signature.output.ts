import { defineAwsServiceAccountInfo } from 'quidproquo-config-aws';
import { defineApplicationModule } from 'quidproquo-core';

declare const __dirname: string;

// The short-lived (app, module, env, configRoot, apiBuildPath, deployRegion, feature) signature.
export default [
  defineApplicationModule('shop', 'mid', 'production', __dirname, '../dist', 'green'),
  // TODO(qpq-codemod): the AWS account id this service deploys to
  defineAwsServiceAccountInfo('TODO-aws-account-id', 'ap-southeast-2'),
];
