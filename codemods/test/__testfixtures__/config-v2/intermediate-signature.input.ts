import { defineApplicationModule } from 'quidproquo-core';

declare const __dirname: string;

// The short-lived (app, module, env, configRoot, apiBuildPath, deployRegion, feature) signature.
export default [
  defineApplicationModule('shop', 'mid', 'production', __dirname, '../dist', 'ap-southeast-2', 'green'),
];
