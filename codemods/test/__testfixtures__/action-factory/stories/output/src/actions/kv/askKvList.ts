import { AskResponse, createActionRequester } from 'quidproquo-core';

import { KvActionType } from './KvActionType';
import { KvItem } from './KvListActionTypes';

export const askKvListBase = createActionRequester<KvItem[]>()({
  actionType: KvActionType.List,
  getPayload: (prefix: string, limit = 10) => ({ prefix, limit }),
});

// Lists the items under a prefix; an empty prefix lists nothing.
export function* askKvList<T extends KvItem>(prefix: string, limit = 10): AskResponse<T[]> {
  if (prefix === '') return [];
  return (yield* askKvListBase(prefix, limit)) as T[];
}
