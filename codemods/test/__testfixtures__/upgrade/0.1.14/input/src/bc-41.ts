import { AskResponse } from 'quidproquo-core';
import { askEventDocListFetch } from 'quidproquo-features';

export function* askFirstPage(): AskResponse<unknown> {
  return yield* askEventDocListFetch('todo', '/todos', { limit: 20 } as never);
}
