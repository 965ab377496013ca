import { Action, ActionProcessor, ActionRequester } from '../../types';
import { GreetingActionType } from './GreetingActionType';

export interface GreetingSayActionPayload {
  name: string;
}

export interface GreetingSayAction extends Action<GreetingSayActionPayload> {
  type: GreetingActionType.Say;
  payload: GreetingSayActionPayload;
}

export type GreetingSayActionProcessor = ActionProcessor<GreetingSayAction, string>;
export type GreetingSayActionRequester = ActionRequester<GreetingSayAction, string>;
