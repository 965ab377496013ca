import { defineAwsServiceAccountInfo } from 'quidproquo-config-aws';
import { defineApplication, defineModule } from 'quidproquo-core';

declare const __dirname: string;

export default [
  defineApplication('shop', 'production', __dirname, 'feature-x'),
  // TODO(qpq-codemod): the AWS account id this service deploys to
  defineAwsServiceAccountInfo('TODO-aws-account-id', 'ca-central-1'),
  defineModule('payments'),
];
