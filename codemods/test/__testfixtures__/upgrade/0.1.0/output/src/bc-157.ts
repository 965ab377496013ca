import { defineKeyValueStore, KeyValueStoreQPQConfigSetting } from 'quidproquo-core';

export const stores = [
  defineKeyValueStore('todos', 'id', [], { ttlAttribute: 'expiresAt' }),
  defineKeyValueStore('sessions', 'id', []),
];

export const legacy: KeyValueStoreQPQConfigSetting = {
  configSettingType: '@quidproquo-core/config/KeyValueStore',
  uniqueKey: 'legacy',
  keyValueStoreName: 'legacy',
  partitionKey: { key: 'id', type: 'string' },
  sortKeys: [],
  indexes: [],
  encryption: false,
  disablePointInTimeRecovery: false,
};
