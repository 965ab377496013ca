import { ActionRequester } from 'quidproquo-core';

import { KvActionType } from './KvActionType';
import { KvItem, KvListAction } from './KvListActionTypes';

// Lists the items under a prefix; an empty prefix lists nothing.
export function* askKvList<T extends KvItem>(prefix: string, limit = 10): ActionRequester<KvListAction, T[]> {
  if (prefix === '') return [];
  return yield { type: KvActionType.List, payload: { prefix, limit } };
}
