import { EventDocEvent, foldEventDocSummary } from 'quidproquo-features';

export const summaryOf = (events: EventDocEvent[]) => foldEventDocSummary(events);
