import { createErrorEnumForAction } from 'quidproquo-core';

import { InventoryActionType } from './InventoryActionType';
import { InventoryReserveActionRequester } from './InventoryReserveActionTypes';

export const InventoryReserveErrorTypeEnum = createErrorEnumForAction(InventoryActionType.Reserve, ['OutOfStock']);

export function* askInventoryReserve(sku: string, quantity: number): InventoryReserveActionRequester {
  return yield { type: InventoryActionType.Reserve, payload: { sku, quantity } };
}
