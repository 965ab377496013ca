import { createActionRequester } from '../types/utils/createActionRequester.js';

export enum MathActionType {
  RandomNumber = '@quidproquo-core/Math/RandomNumber',
}

/** A random number in [0, 1), recorded so a replay sees the same number. */
export const askRandomNumber = createActionRequester<number>()({ actionType: MathActionType.RandomNumber });
