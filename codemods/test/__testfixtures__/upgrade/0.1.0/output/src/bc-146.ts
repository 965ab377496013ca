import { AuthDirectoryOAuth, defineUserDirectory } from 'quidproquo-core';

const oAuth: AuthDirectoryOAuth = { callbacks: [] };

export const users = defineUserDirectory('users', { oAuth, selfSignUpEnabled: true });
