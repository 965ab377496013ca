import { defineAdminSettings } from 'quidproquo-webserver';

export const admin = defineAdminSettings('logs', 'example.com');
