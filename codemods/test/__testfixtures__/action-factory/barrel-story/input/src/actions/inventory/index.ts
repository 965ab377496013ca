export * from './InventoryActionType';
export * from './InventoryReserveActionRequester';
export * from './InventoryReserveActionTypes';
