import { AskResponse } from 'quidproquo-core';

import { askGreetingSay, askGreetingWave } from '../actions/greeting/GreetingActionRequester';
import { GreetingSayAction, GreetingWaveActionPayload, GreetingWaveActionRequester } from '../actions/greeting/GreetingActionTypes';
import { GreetingSayErrorTypeEnum } from '../actions/greeting/GreetingErrorTypeEnum';

export function describeGreeting(action: GreetingSayAction): string {
  return `${action.type}: ${action.payload.name}`;
}

export function* askWaveAt(payload: GreetingWaveActionPayload): GreetingWaveActionRequester {
  return yield* askGreetingWave(payload.hands, ...payload.targets);
}

export function* askGreetAll(names: string[]): AskResponse<string[]> {
  const said: string[] = [];
  for (const name of names) said.push(yield* askGreetingSay(name, 'quiet'));
  return said;
}

export const isNoName = (errorType: string) => errorType === GreetingSayErrorTypeEnum.NoName;
