import { KvActionType } from './KvActionType';
import { KvGetActionRequester } from './KvGetActionRequesterTypes';

export function* askKvGet<T>(key: string): KvGetActionRequester<T> {
  return yield { type: KvActionType.Get, payload: { key } };
}
