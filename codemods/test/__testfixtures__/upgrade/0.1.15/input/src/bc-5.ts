import { defineEventDoc } from 'quidproquo-features';

export const todos = defineEventDoc({ storeName: 'todos', type: 'todo', basePath: '/todos' } as never);
