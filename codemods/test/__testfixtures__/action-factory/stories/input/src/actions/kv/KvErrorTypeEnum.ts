import { createErrorEnumForAction as errorsFor } from 'quidproquo-core';

import { KvActionType } from './KvActionType';

export const KvGetErrorTypeEnum = errorsFor(KvActionType.Get, ['NotFound']);

// A local look-alike is not the framework's.
function createErrorEnumForAction(type: string, names: string[]) {
  return { type, names };
}

export const KvListErrors = createErrorEnumForAction(KvActionType.List, ['Ignored']);
