import { defineApplicationModule } from 'quidproquo-core';

declare const __dirname: string;

export default [
  defineApplicationModule('shop', 'catalog', 'production', __dirname, '../../dist/catalog'),
];
