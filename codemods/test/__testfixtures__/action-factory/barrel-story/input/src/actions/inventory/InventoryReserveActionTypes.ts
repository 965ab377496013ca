import { Action, ActionProcessor, ActionRequester } from 'quidproquo-core';

import { InventoryActionType } from './InventoryActionType';

export interface InventoryReserveActionPayload {
  sku: string;
  quantity: number;
}

export interface InventoryReserveAction extends Action<InventoryReserveActionPayload> {
  type: InventoryActionType.Reserve;
  payload: InventoryReserveActionPayload;
}

export type InventoryReserveActionProcessor = ActionProcessor<InventoryReserveAction, boolean>;
export type InventoryReserveActionRequester = ActionRequester<InventoryReserveAction, boolean>;
