import { createQpqRuntimeComputed, createQpqRuntimeDefinition } from 'quidproquo-web-react';

const listRuntime = createQpqRuntimeDefinition({ uniqueName: 'list', api: {}, initialState: [] as string[] });

export const countOf = createQpqRuntimeComputed(listRuntime, (items) => items.length);
