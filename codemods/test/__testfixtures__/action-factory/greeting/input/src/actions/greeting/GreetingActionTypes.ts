import { Action, ActionProcessor, ActionRequester } from 'quidproquo-core';

import { GreetingActionType } from './GreetingActionType';

/** How loud to say it. */
export type Volume = 'quiet' | 'loud';

export interface GreetingSayActionPayload {
  name: string;
  volume?: Volume;
}

export interface GreetingSayAction extends Action<GreetingSayActionPayload> {
  type: GreetingActionType.Say;
  payload: GreetingSayActionPayload;
}

export type GreetingSayActionProcessor = ActionProcessor<GreetingSayAction, string>;
export type GreetingSayActionRequester = ActionRequester<GreetingSayAction, string>;

export interface GreetingWaveActionPayload {
  hands: number;
  targets: string[];
}

export interface GreetingWaveAction extends Action<GreetingWaveActionPayload> {
  type: GreetingActionType.Wave;
  payload: GreetingWaveActionPayload;
}

export type GreetingWaveActionProcessor = ActionProcessor<GreetingWaveAction, void>;
export type GreetingWaveActionRequester = ActionRequester<GreetingWaveAction, void>;

export interface GreetingResetAction extends Action<undefined> {
  type: GreetingActionType.Reset;
}

export type GreetingResetActionProcessor = ActionProcessor<GreetingResetAction, boolean>;
export type GreetingResetActionRequester = ActionRequester<GreetingResetAction, boolean>;
