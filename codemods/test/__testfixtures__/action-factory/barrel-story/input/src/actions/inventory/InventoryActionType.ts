export enum InventoryActionType {
  Reserve = '@shop/Inventory/Reserve',
}
