import { EventDocDocument, EventDocEvent, rejectEventDocEvent } from 'quidproquo-features';

export const reasonOf = (event: EventDocEvent, state: EventDocDocument, acceptance: never, validators: never) => rejectEventDocEvent(event, state, acceptance, validators);
