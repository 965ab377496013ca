import { Action } from 'quidproquo-core';

import { KvActionType } from './KvActionType';

export function* askKvClear(): Generator<Action<{}>, number, number> {
  return yield { type: KvActionType.Clear, payload: {} };
}
