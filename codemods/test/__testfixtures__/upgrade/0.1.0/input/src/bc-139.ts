import { defineExposeAdminAdvancedSettings } from 'quidproquo-webserver';

export const admin = defineExposeAdminAdvancedSettings('logs', 'example.com');
