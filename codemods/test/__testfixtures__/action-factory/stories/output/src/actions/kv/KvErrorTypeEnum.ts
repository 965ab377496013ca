import { KvActionType } from './KvActionType';

// A local look-alike is not the framework's.
function createErrorEnumForAction(type: string, names: string[]) {
  return { type, names };
}

export const KvListErrors = createErrorEnumForAction(KvActionType.List, ['Ignored']);
