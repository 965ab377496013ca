import { StorageDriveQPQConfigSetting } from 'quidproquo-core';

export const uploads: StorageDriveQPQConfigSetting = { configSettingType: '@quidproquo-core/config/StorageDrive', uniqueKey: 'uploads', storageDrive: 'uploads' };
