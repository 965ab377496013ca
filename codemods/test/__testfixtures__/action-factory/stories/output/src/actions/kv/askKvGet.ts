import { AskResponse, createActionRequester } from 'quidproquo-core';

import { KvActionType } from './KvActionType';

export const askKvGetBase = createActionRequester<unknown>()({
  actionType: KvActionType.Get,
  errorTypes: ['NotFound'],
  getPayload: (key: string) => ({ key }),
});

export function* askKvGet<T>(key: string): AskResponse<T> {
  return (yield* askKvGetBase(key)) as T;
}
