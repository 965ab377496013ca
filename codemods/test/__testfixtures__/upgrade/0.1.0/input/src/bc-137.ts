import { defineEnvironmentSettings, QPQConfig } from 'quidproquo-core';

const stage = process.env.STAGE ?? 'dev';
const production: QPQConfig = [];

export const environments = [defineEnvironmentSettings('production', production), defineEnvironmentSettings(stage, [])];
