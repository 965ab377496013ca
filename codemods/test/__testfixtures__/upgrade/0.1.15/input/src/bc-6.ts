import { defineEventDocRoutes } from 'quidproquo-features';

export const routes = defineEventDocRoutes({ storeName: 'todos', type: 'todo', basePath: '/todos', eventRenderer: 'renderTodo' } as never);
