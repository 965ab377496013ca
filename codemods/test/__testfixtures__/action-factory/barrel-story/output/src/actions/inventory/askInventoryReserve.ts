import { createActionRequester } from 'quidproquo-core';

import { InventoryActionType } from './InventoryActionType';

export const askInventoryReserve = createActionRequester<boolean>()({
  actionType: InventoryActionType.Reserve,
  errorTypes: ['OutOfStock'],
  getPayload: (sku: string, quantity: number) => ({ sku, quantity }),
});
