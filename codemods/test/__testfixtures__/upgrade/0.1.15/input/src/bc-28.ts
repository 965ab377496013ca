import { AskResponse } from 'quidproquo-core';
import { askEventDocReferences } from 'quidproquo-features';

export function* askLinks(id: string): AskResponse<unknown> {
  return yield* askEventDocReferences(id);
}
