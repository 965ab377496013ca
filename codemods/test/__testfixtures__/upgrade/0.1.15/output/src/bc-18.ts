import { eventDocSummarySchema } from 'quidproquo-features';

export const schema = eventDocSummarySchema;
