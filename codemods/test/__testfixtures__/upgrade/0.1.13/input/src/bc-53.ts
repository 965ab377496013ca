import { AskResponse } from 'quidproquo-core';
import { createQpqRuntimeDefinition, useQpqRuntime } from 'quidproquo-web-react';

function* askLoadTodos(): AskResponse<void> {}

const todoRuntime = createQpqRuntimeDefinition({ uniqueName: 'todoRuntime', api: {}, initialState: { todos: [] } });

export const useTodos = () => useQpqRuntime(todoRuntime, askLoadTodos, 'todos');
export const useNamed = () => useQpqRuntime(todoRuntime, undefined, 'named');
export const useOther = (definition: never) => useQpqRuntime(definition, askLoadTodos);
