import { createActionRequester } from '../types/utils/createActionRequester.js';

export enum QueueActionType {
  SendMessages = '@quidproquo-core/Queue/SendMessages',
}

export interface QueueMessage<T> {
  type: string;
  payload: T;
}

export const askQueueSendMessages = createActionRequester<void>()({
  actionType: QueueActionType.SendMessages,
  getPayload: (queueName: string, ...queueMessages: QueueMessage<unknown>[]) => ({ queueName, queueMessages }),
});
