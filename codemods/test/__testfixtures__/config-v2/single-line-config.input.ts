import { defineApplicationModule, defineBuildPath, defineDeployEvent } from 'quidproquo-core';

declare const __dirname: string;

export default [defineApplicationModule('shop', 'tiny', 'dev', __dirname, 'us-west-2'), defineBuildPath('./dist'), defineDeployEvent('./dist', 'seed', '/deploy::onSeed')];
