import { buildEventDocStore } from 'quidproquo-features';

export const store = buildEventDocStore({ storeName: 'todos', type: 'todo', eventValidator: 'validateTodo' } as never);
