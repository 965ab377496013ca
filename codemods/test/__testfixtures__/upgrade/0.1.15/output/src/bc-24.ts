import { EventDocOnPublishInput } from 'quidproquo-features';

export const onPublish = (input: EventDocOnPublishInput) => input.events.length;
