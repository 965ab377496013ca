import { defineApplication, defineModule } from 'quidproquo-core';

declare const __dirname: string;

export default [
  defineApplication('shop', 'production', __dirname, 'ca-central-1', 'feature-x'),
  defineModule('payments'),
];
