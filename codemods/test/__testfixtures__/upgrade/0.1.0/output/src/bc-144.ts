import { defineUserDirectory } from 'quidproquo-core';

export const directories = [defineUserDirectory('users', { selfSignUpEnabled: true }), defineUserDirectory('admins', { phoneRequired: true, selfSignUpEnabled: true }), defineUserDirectory('staff', { selfSignUpEnabled: false })];
