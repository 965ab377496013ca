import { AskResponse } from 'quidproquo-core';
import { askEventDocListFetch } from 'quidproquo-features';

export function* askAllTodos(): AskResponse<unknown> {
  return yield* askEventDocListFetch('todo', '/todos');
}
