import { createErrorEnumForAction } from '../../types';
import { GreetingActionType } from './GreetingActionType';
import { GreetingSayActionRequester } from './GreetingSayActionTypes';

export const GreetingSayErrorTypeEnum = createErrorEnumForAction(GreetingActionType.Say, ['NoName']);

export function* askGreetingSay(name: string): GreetingSayActionRequester {
  return yield { type: GreetingActionType.Say, payload: { name } };
}
