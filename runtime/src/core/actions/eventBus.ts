import { createActionRequester } from '../types/utils/createActionRequester.js';

export enum EventBusActionType {
  SendMessages = '@quidproquo-core/EventBus/SendMessages',
}

export interface EventBusMessage<T> {
  type: string;
  payload: T;
}

export const askEventBusSendMessages = createActionRequester<void>()({
  actionType: EventBusActionType.SendMessages,
  getPayload: (eventBusName: string, ...eventBusMessages: EventBusMessage<unknown>[]) => ({ eventBusName, eventBusMessages }),
});
