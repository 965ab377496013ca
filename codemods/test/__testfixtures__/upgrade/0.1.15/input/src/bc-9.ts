import { defineEventDocTransfer } from 'quidproquo-features';

export const transfer = defineEventDocTransfer({ service: 'todo', collections: [] } as never);
