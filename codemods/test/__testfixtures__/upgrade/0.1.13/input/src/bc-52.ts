import { createQpqRuntimeDefinition } from 'quidproquo-web-react';

const api = {};
const reducer = (state: { count: number }) => state;

export const counterRuntime = createQpqRuntimeDefinition(api, { count: 0 }, reducer);
export const plainRuntime = createQpqRuntimeDefinition(api, { ready: false });
export const runtimes = [createQpqRuntimeDefinition(api, {})];
