import { createActionRequester } from 'quidproquo-core';

import { GreetingActionType } from './GreetingActionType';

/** Waves at everyone in `targets`. */
export const askGreetingWave = createActionRequester<void>()({
  actionType: GreetingActionType.Wave,
  getPayload: (hands: number = 1, ...targets: string[]) => ({
    hands,
    targets,
  }),
});
