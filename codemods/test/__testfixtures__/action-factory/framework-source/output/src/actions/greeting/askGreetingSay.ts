import { createActionRequester } from '../../types';
import { GreetingActionType } from './GreetingActionType';

export const askGreetingSay = createActionRequester<string>()({
  actionType: GreetingActionType.Say,
  errorTypes: ['NoName'],
  getPayload: (name: string) => ({ name }),
});
