export * from './askInventoryReserve';
export * from './InventoryActionType';
