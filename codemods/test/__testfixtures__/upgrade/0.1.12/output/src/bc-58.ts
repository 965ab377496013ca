import { EventDocListConfig } from 'quidproquo-features';

export const todoList: EventDocListConfig = {
  serviceName: 'todo',
  basePath: '/todos',
  editService: 'todo',
  editModule: 'todoEditor',
  entityLabel: 'Todo',
  editBasePath: '/todos/edit',
  listBasePath: '/todos',
  canTransfer: false,
};
