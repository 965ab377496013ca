import { Action, ActionProcessor } from 'quidproquo-core';

import { KvActionType } from './KvActionType';

export interface KvItem {
  key: string;
}

export interface KvListAction extends Action<{ prefix: string; limit: number }> {
  type: KvActionType.List;
  payload: { prefix: string; limit: number };
}

export type KvListActionProcessor = ActionProcessor<KvListAction, KvItem[]>;
