import { defineAwsServiceAccountInfo } from 'quidproquo-config-aws';
import { defineApplicationModule, QPQConfig } from 'quidproquo-core';

declare const __dirname: string;

export const base: QPQConfig = [
  defineApplicationModule('shop', 'search', 'staging', __dirname, /* TODO(qpq-codemod): the api build path */ ''),
  // TODO(qpq-codemod): the AWS account id this service deploys to
  defineAwsServiceAccountInfo('TODO-aws-account-id', 'eu-west-1'),
];
