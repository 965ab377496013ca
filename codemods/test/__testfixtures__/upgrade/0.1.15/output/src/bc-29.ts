import { EventDocVersionState } from 'quidproquo-features';

export const eventsOf = (slice: EventDocVersionState) => slice.events;
