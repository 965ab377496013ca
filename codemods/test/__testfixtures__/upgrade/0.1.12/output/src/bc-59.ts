import { EventDocListItem } from 'quidproquo-features';

export const item: EventDocListItem = { id: '1', name: 'Todo', version: 1, hasDraft: false, updatedAt: '', updatedBy: '', createdAt: '', createdBy: '' };
