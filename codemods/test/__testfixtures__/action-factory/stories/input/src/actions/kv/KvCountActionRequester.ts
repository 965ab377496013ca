import { Action, ActionRequester } from 'quidproquo-core';

import { KvActionType } from './KvActionType';

export interface KvCountAction extends Action<{ prefix: string }> {
  type: KvActionType.Count;
}

export function* askKvCount(prefix: string): ActionRequester<KvCountAction, number> {
  return (yield { type: KvActionType.Count, payload: { prefix } }) as number;
}
