import { askCatch, AskResponse } from 'quidproquo-core';

import { askInventoryReserve } from '../actions/inventory';

// The story imports the requester it calls and the requester's error enum, both through the barrel.
export function* askReserveStock(sku: string): AskResponse<boolean> {
  const result = yield* askCatch(askInventoryReserve(sku, 1));
  if (!result.success && result.error.errorType === askInventoryReserve.errorType.OutOfStock) return false;
  return result.success ? result.result : false;
}
