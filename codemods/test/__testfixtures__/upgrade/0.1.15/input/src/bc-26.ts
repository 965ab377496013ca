import { askEventDocEventsAsOf } from 'quidproquo-features';

export const asOf = askEventDocEventsAsOf;
