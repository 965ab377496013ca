import { Action, ActionRequester } from 'quidproquo-core';

export enum OddActionType {
  Reset = '@app/Odd/Reset',
  Echo = '@app/Odd/Echo',
}

// A default export: the factory requester is a named const, so it is left for a rename by hand.
export default function* askOddReset(): ActionRequester<Action<undefined>, void> {
  yield { type: OddActionType.Reset };
}

// Overloads: one getPayload cannot carry them.
export function askOddEcho(text: string): ActionRequester<Action<{ text: string }>, string>;
export function askOddEcho(text: string, times: number): ActionRequester<Action<{ text: string }>, string>;
export function* askOddEcho(text: string, times = 1): ActionRequester<Action<{ text: string }>, string> {
  return yield { type: OddActionType.Echo, payload: { text: text.repeat(times) } };
}
