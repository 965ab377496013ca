import { createQpqRuntimeDefinition } from 'quidproquo-web-react';

const api = {};
const reducer = (state: { count: number }) => state;

export const counterRuntime = createQpqRuntimeDefinition({ uniqueName: 'counterRuntime', api, initialState: { count: 0 }, reducer });
export const plainRuntime = createQpqRuntimeDefinition({ uniqueName: 'plainRuntime', api, initialState: { ready: false } });
export const runtimes = [createQpqRuntimeDefinition(api, {})];
