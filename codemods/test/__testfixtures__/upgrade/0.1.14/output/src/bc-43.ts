import { askUIEventDocListSetItems, clampEventDocListPage } from 'quidproquo-features';

export const setItems = askUIEventDocListSetItems;
export const clamp = clampEventDocListPage;
