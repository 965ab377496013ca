import { AskResponse, askKeyValueStoreUpdatePartialProperties } from 'quidproquo-core';

export function* askTouch(id: string): AskResponse<void> {
  yield* askKeyValueStoreUpdatePartialProperties('todos', 'id', { id, touchedAt: new Date(0) });
}
