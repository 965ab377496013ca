import { UserDirectoryMfaMode, UserDirectoryQPQConfigSetting } from 'quidproquo-core';

export const users: UserDirectoryQPQConfigSetting = {
  configSettingType: '@quidproquo-core/config/UserDirectory',
  uniqueKey: 'users',
  name: 'users',
  phoneRequired: false,
  selfSignUpEnabled: true,
  emailTemplates: {},
  mfa: { mode: UserDirectoryMfaMode.off },
};
