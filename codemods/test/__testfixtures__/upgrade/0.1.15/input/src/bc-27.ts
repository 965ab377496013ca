import { AskResponse } from 'quidproquo-core';
import { askEventDocPublishedVersionAsOf } from 'quidproquo-features';

export function* askPublished(id: string, clock: never): AskResponse<unknown> {
  return yield* askEventDocPublishedVersionAsOf(id, clock);
}
