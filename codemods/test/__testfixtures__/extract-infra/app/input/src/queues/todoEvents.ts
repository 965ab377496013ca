import { askLogCreate, type AskResponse } from 'quidproquo-core';

/** @qpq queue: { name: todo-events, eventType: todo/created, options: { batchSize: 5, batchWindowInSeconds: 5 } } */
export function* onTodoCreated(event: { id: string }): AskResponse<void> {
  yield* askLogCreate('info', 'created', event);
}

/**
 * @qpq queue:
 *   name: todo-events
 *   eventType: todo/deleted
 */
function* onTodoDeleted(event: { id: string }): AskResponse<void> {
  yield* askLogCreate('info', 'deleted', event);
}

/** @qpq queue: { name: audit, eventType: 'todo/*' } */
function* auditTodo(event: { id: string }): AskResponse<void> {
  yield* askLogCreate('info', 'audit', event);
}

export { auditTodo as onAudit, onTodoDeleted };
