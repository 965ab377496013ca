import { AskResponse } from 'quidproquo-core';

import { askKvClear, askKvGet, askKvList, KvGetErrorTypeEnum } from '../actions/kv';

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

export const notFound = KvGetErrorTypeEnum.NotFound;
