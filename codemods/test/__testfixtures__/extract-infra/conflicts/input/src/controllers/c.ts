import type { AskResponse } from 'quidproquo-core';

// The same route as in a.ts: a path parameter matches whatever it is named.
/** @qpq route: { method: GET, path: '/todos/{todoId}' } */
export function* third(): AskResponse<void> {}

/** @qpq route: { method: GET, path: '/todos/{todoId}/tags' } */
export function* tags(): AskResponse<void> {}
