import { createActionRequester } from '../types/utils/createActionRequester.js';

export enum KeyValueStoreActionType {
  Get = '@quidproquo-core/KeyValueStore/Get',
  Upsert = '@quidproquo-core/KeyValueStore/Upsert',
  Query = '@quidproquo-core/KeyValueStore/Query',
}

export interface KvsQueryOptions {
  limit?: number | undefined;
  nextPageKey?: string | undefined;
}

export interface QpqPagedData<T> {
  items: T[];
  nextPageKey?: string | undefined;
}

export const askKeyValueStoreGet = createActionRequester<any>()({
  actionType: KeyValueStoreActionType.Get,
  errorTypes: ['ResourceNotFound'],
  getPayload: (keyValueStoreName: string, key: string) => ({ keyValueStoreName, key }),
});

export const askKeyValueStoreUpsert = createActionRequester<void>()({
  actionType: KeyValueStoreActionType.Upsert,
  getPayload: (keyValueStoreName: string, item: unknown) => ({ keyValueStoreName, item }),
});

export const askKeyValueStoreQuery = createActionRequester<QpqPagedData<any>>()({
  actionType: KeyValueStoreActionType.Query,
  getPayload: (keyValueStoreName: string, keyCondition: unknown, options?: KvsQueryOptions) => ({
    keyValueStoreName,
    keyCondition,
    options,
  }),
});
