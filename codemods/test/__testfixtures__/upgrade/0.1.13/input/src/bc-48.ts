import { AskResponse } from 'quidproquo-core';
import { askEventDocSoftDelete } from 'quidproquo-features';

export function* askRemove(id: string, userId: string): AskResponse<unknown> {
  return yield* askEventDocSoftDelete(id, userId);
}
