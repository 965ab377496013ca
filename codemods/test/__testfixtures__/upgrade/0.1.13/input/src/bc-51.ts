import { createQpqRuntimeDefinition, useQpqRuntime } from 'quidproquo-web-react';

const countRuntime = createQpqRuntimeDefinition({ uniqueName: 'count', api: {}, initialState: 0 });

export const useCount = () => useQpqRuntime(countRuntime);
