export enum KvActionType {
  Get = '@app/Kv/Get',
  List = '@app/Kv/List',
  Clear = '@app/Kv/Clear',
  Count = '@app/Kv/Count',
}
