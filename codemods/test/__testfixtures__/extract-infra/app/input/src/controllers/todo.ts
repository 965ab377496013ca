import { askDateNow, type AskResponse } from 'quidproquo-core';
import { type HTTPEvent, type HTTPEventResponse, toJsonEventResponse } from 'quidproquo-webserver';

/** @qpq route: { method: GET, path: '/todos/{id}', auth: { userDirectoryName: main } } */
export function* getTodo(event: HTTPEvent): AskResponse<HTTPEventResponse> {
  return toJsonEventResponse({ id: event.path });
}

/**
 * Lists the to-dos. Plain JSDoc text before the tag is not YAML.
 *
 * @qpq
 *   route:
 *     method: GET
 *     path: /todos
 *     # a YAML comment inside the annotation
 *     allowedOrigins:
 *       - 'https://app.example.com'
 * @returns the list
 */
export function* listTodos(): AskResponse<HTTPEventResponse> {
  const now = yield* askDateNow();
  return toJsonEventResponse({ todos: [], at: now });
}

// A line comment between the JSDoc and the story does not detach it.
/** @qpq route: { method: POST, path: /todos, auth: { userDirectoryName: main, scopes: [todo/write] } } */
export const createTodo = function* (event: HTTPEvent): AskResponse<HTTPEventResponse> {
  return toJsonEventResponse({ created: event.body }, 201);
};

/** A story built from another: typed as returning AskResponse, so it is a story too. */
/** @qpq route: { method: DELETE, path: '/todos/{id}' } */
export const deleteTodo = (event: HTTPEvent): AskResponse<HTTPEventResponse> => getTodo(event);
