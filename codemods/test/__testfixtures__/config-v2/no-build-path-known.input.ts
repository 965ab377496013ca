import { defineApplicationModule, QPQConfig } from 'quidproquo-core';

declare const __dirname: string;

export const base: QPQConfig = [
  defineApplicationModule('shop', 'search', 'staging', __dirname, 'eu-west-1'),
];
