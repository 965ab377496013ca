import { ActionOf, AskResponse } from 'quidproquo-core';

import { askGreetingSay } from '../actions/greeting/askGreetingSay';
import { askGreetingWave } from '../actions/greeting/askGreetingWave';
import { GreetingWaveActionPayload } from '../actions/greeting/GreetingActionTypes';

export function describeGreeting(action: ActionOf<typeof askGreetingSay>): string {
  return `${action.type}: ${action.payload.name}`;
}

export function* askWaveAt(payload: GreetingWaveActionPayload): AskResponse<void> {
  return yield* askGreetingWave(payload.hands, ...payload.targets);
}

export function* askGreetAll(names: string[]): AskResponse<string[]> {
  const said: string[] = [];
  for (const name of names) said.push(yield* askGreetingSay(name, 'quiet'));
  return said;
}

export const isNoName = (errorType: string) => errorType === askGreetingSay.errorType.NoName;
