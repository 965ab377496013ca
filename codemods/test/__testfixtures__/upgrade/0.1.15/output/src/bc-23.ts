import { EventDocRenderInput } from 'quidproquo-features';

export const render = (input: EventDocRenderInput) => input.events.length;
