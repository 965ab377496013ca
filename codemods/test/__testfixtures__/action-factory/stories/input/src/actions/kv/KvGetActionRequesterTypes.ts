import { Action, ActionProcessor, ActionRequester } from 'quidproquo-core';

import { KvActionType } from './KvActionType';

export interface KvGetActionPayload {
  key: string;
}

export interface KvGetAction extends Action<KvGetActionPayload> {
  type: KvActionType.Get;
  payload: KvGetActionPayload;
}

export type KvGetActionProcessor = ActionProcessor<KvGetAction, unknown>;
export type KvGetActionRequester<T> = ActionRequester<KvGetAction, T>;
