export interface KvItem {
  key: string;
}
