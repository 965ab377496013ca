import { AskResponse } from 'quidproquo-core';

import { askKvClear, askKvGet, askKvList } from '../actions/kv';
import { askKvGetBase } from '../actions/kv/askKvGet';

export interface Note {
  key: string;
  text: string;
}

export function* askReadNotes(prefix: string): AskResponse<Note[]> {
  const first = yield* askKvGet<Note>(`${prefix}/first`);
  const rest = yield* askKvList<Note>(prefix);
  yield* askKvClear();
  return [first, ...rest];
}

export const notFound = askKvGetBase.errorType.NotFound;
