import { defineUserDirectory } from 'quidproquo-core';

export const directories = [defineUserDirectory('users'), defineUserDirectory('admins', { phoneRequired: true }), defineUserDirectory('staff', { selfSignUpEnabled: false })];
