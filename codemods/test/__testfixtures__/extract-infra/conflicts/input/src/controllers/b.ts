import type { AskResponse } from 'quidproquo-core';

/** @qpq route: { method: GET, path: '/todos/{id}' } */
export function* second(): AskResponse<void> {}
