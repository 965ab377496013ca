import { AskResponse } from 'quidproquo-core';
import { createQpqRuntimeDefinition, useQpqRuntime } from 'quidproquo-web-react';

function* askLoadTodos(): AskResponse<void> {}

const todoRuntime = createQpqRuntimeDefinition({ uniqueName: 'todoRuntime', api: {}, initialState: { todos: [] }, onInit: askLoadTodos });

export const useTodos = () => useQpqRuntime(todoRuntime, 'todos');
export const useNamed = () => useQpqRuntime(todoRuntime, 'named');
export const useOther = (definition: never) => useQpqRuntime(definition, askLoadTodos);
