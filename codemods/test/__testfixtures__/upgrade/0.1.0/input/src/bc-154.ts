import { isQpqFunctionRuntimeAbsolutePath, QpqFunctionRuntime, QpqFunctionRuntimeAbsolutePath } from 'quidproquo-core';

export const runtime: QpqFunctionRuntimeAbsolutePath = { basePath: __dirname, relativePath: 'entry/todos', functionName: 'getTodos' };

export function describeRuntime(value: QpqFunctionRuntime): string {
  return isQpqFunctionRuntimeAbsolutePath(value) ? value.functionName : String(value);
}
