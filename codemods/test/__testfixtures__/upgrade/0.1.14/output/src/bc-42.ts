import { AskResponse } from 'quidproquo-core';
import { askEventDocListFetchAll } from 'quidproquo-features';

export function* askAllTodos(): AskResponse<unknown> {
  return yield* askEventDocListFetchAll('todo', '/todos');
}
