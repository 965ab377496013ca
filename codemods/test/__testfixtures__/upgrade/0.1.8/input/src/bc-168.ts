import { askCatch, askKeyValueStoreGet, AskResponse, ErrorTypeEnum } from 'quidproquo-core';

export function* askFind(id: string): AskResponse<unknown> {
  const found = yield* askCatch(askKeyValueStoreGet('todos', id));
  if (!found.success && found.error.errorType === ErrorTypeEnum.NotFound) return null;
  return found.success ? found.result : null;
}
