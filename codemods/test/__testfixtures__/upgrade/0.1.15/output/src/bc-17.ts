import { createEventDocSummarySeed } from 'quidproquo-features';

export const seed = createEventDocSummarySeed();
