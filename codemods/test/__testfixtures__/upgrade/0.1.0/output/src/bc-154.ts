import { isQpqFunctionRuntimeAdvanced, QpqFunctionRuntime, QpqFunctionRuntimeAdvanced } from 'quidproquo-core';

export const runtime: QpqFunctionRuntimeAdvanced = { basePath: __dirname, relativePath: 'entry/todos', functionName: 'getTodos' };

export function describeRuntime(value: QpqFunctionRuntime): string {
  return isQpqFunctionRuntimeAdvanced(value) ? value.functionName : String(value);
}
