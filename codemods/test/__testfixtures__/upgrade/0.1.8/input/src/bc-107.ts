import { askMapParallelBatch, AskResponse } from 'quidproquo-core';

function* askDouble(value: number, index: number): AskResponse<number> {
  return value * 2 + index;
}

export function* askDoubleAll(values: number[]): AskResponse<number[]> {
  return yield* askMapParallelBatch(values, 10, askDouble);
}
