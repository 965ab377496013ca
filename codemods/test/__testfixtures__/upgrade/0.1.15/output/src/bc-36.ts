import { createEventDocEventValidator } from 'quidproquo-features';

const fold = (events: never[]) => events.length as never;

export const validator = createEventDocEventValidator({});
