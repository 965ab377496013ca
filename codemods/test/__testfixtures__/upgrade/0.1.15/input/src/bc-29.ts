import { EventDocVersionSlice } from 'quidproquo-features';

export const eventsOf = (slice: EventDocVersionSlice) => slice.events;
