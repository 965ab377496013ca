import { GreetingActionType } from './GreetingActionType';
import { GreetingResetActionRequester, GreetingSayActionRequester, GreetingWaveActionRequester, Volume } from './GreetingActionTypes';

// Says hello to someone.
// The volume defaults to the processor's own.
export function* askGreetingSay(name: string, volume?: Volume): GreetingSayActionRequester {
  return yield { type: GreetingActionType.Say, payload: { name, volume } };
}

/** Waves at everyone in `targets`. */
export function* askGreetingWave(hands: number = 1, ...targets: string[]): GreetingWaveActionRequester {
  yield {
    type: GreetingActionType.Wave,
    payload: {
      hands,
      targets,
    },
  };
}

export function* askGreetingReset(): GreetingResetActionRequester {
  return yield { type: GreetingActionType.Reset };
}
