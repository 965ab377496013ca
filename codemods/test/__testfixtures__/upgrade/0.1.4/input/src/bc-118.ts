import { defineApplicationModule, QPQConfig } from 'quidproquo-core';
import { adminUserDirectoryResourceName, defineAdminSettings, defineAdminUserDirectory, defineRoute, QPQConfigAdvancedLogSettings } from 'quidproquo-webserver';

const logs: QPQConfigAdvancedLogSettings = { logRetentionDays: 30 };

export const config: QPQConfig = [
  defineApplicationModule('todo', 'api', 'production', __dirname, '../dist'),
  defineAdminSettings('logs', 'example.com', logs),
  defineAdminUserDirectory(),
  defineRoute('GET', '/todos', '/controllers/todo::getTodos', { routeAuthSettings: { userDirectoryName: adminUserDirectoryResourceName } }),
];
