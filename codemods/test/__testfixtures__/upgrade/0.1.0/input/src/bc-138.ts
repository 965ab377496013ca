import { defineApplicationModule } from 'quidproquo-core';
import { defineLogs } from 'quidproquo-webserver';

export const logService = [
  defineApplicationModule('todo', 'logs', 'production', __dirname, '../dist'),
  defineLogs('example.com', ['todo', 'auth'], { logRetentionDays: 30 }),
  defineLogs('example.com', ['billing']),
];
