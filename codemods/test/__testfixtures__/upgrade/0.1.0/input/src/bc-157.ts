import { defineKeyValueStore, KeyValueStoreQPQConfigSetting } from 'quidproquo-core';

export const stores = [
  defineKeyValueStore('todos', 'id', [], { enableMonthlyRollingBackups: true, ttlAttribute: 'expiresAt' }),
  defineKeyValueStore('sessions', 'id', [], { enableMonthlyRollingBackups: false }),
];

export const legacy: KeyValueStoreQPQConfigSetting = {
  configSettingType: '@quidproquo-core/config/KeyValueStore',
  uniqueKey: 'legacy',
  keyValueStoreName: 'legacy',
  partitionKey: { key: 'id', type: 'string' },
  sortKeys: [],
  indexes: [],
  enableMonthlyRollingBackups: false,
};
