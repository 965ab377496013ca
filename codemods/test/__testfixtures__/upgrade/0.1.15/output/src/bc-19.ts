import { createEventDocAcceptance } from 'quidproquo-features';

export const acceptance = createEventDocAcceptance;
