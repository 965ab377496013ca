import { defineAwsServiceAccountInfo } from 'quidproquo-config-aws';
import { defineApplicationModule, defineBuildPath } from 'quidproquo-core';

declare const __dirname: string;

export default [
  defineApplicationModule('shop', 'billing', 'production', __dirname, 'us-east-1', 'blue'),
  defineBuildPath('../dist'),
  defineAwsServiceAccountInfo('123456789012', 'us-east-1'),
];
