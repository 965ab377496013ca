import { defineAwsServiceAccountInfo } from 'quidproquo-config-aws';
import { defineApplicationModule } from 'quidproquo-core';

declare const __dirname: string;

export default [
  defineApplicationModule('shop', 'billing', 'production', __dirname, '../dist', 'blue'),
  defineAwsServiceAccountInfo('123456789012', 'us-east-1'),
];
