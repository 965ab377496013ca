import { defineApplicationModule } from 'quidproquo-core';
import { defineAdminSettings } from 'quidproquo-webserver';

export const logService = [
  defineApplicationModule('todo', 'logs', 'production', __dirname, '../dist'),
  defineAdminSettings('logs', 'example.com', { logRetentionDays: 30, services: ['todo', 'auth'] }),
  defineAdminSettings('logs', 'example.com', { services: ['billing'] }),
];
