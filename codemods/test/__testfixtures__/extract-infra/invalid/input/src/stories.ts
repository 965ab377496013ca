import { type AskResponse } from 'quidproquo-core';

/** @qpq route: { method: GET, path: /todos/{id} } */
export function* badYaml(): AskResponse<void> {}

/** @qpq rout: { method: GET, path: /a } */
export function* unknownKind(): AskResponse<void> {}

/**
 * @qpq route:
 *   method: GET
 *   path: /b
 *   verb: GET
 */
export function* unknownKey(): AskResponse<void> {}

/** @qpq queue: { name: 42, eventType: a, options: { batchSize: many } } */
export function* wrongType(): AskResponse<void> {}

/** @qpq route: { method: get, path: todos } */
export function* badValues(): AskResponse<void> {}

/** @qpq deployEvent: { name: x } */
function* notExported(): AskResponse<void> {}

/** @qpq schedule: { cron: '0 * * * ? *' } */
export function formatTodo(text: string): string {
  return text.trim();
}

/** @qpq route: { method: GET, path: /c } */
export interface NotAStory {
  id: string;
}

/** @qpq route: { method: GET, path: /d } route: { method: GET, path: /e } */
export function* twoKinds(): AskResponse<void> {}

/** @qpq queue: { name: &jobs jobs, eventType: *jobs } */
export function* aliased(): AskResponse<void> {}

/** @qpq deployEvent: { name: valid-but-not-written } */
export function* valid(): AskResponse<void> {}

export const unused = notExported;

/** @qpq route: { method: GET, path: /stream } */
export async function* streamTodos(): AsyncGenerator<string> {}
