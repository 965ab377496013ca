import { defineAwsServiceAccountInfo } from 'quidproquo-config-aws';
import { defineApplicationModule, defineDeployEvent } from 'quidproquo-core';

declare const __dirname: string;

export default [defineApplicationModule('shop', 'tiny', 'dev', __dirname, './dist'), defineAwsServiceAccountInfo(/* TODO(qpq-codemod): AWS account id */ 'TODO-aws-account-id', 'us-west-2'), defineDeployEvent('seed', '/deploy::onSeed')];
