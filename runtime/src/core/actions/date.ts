import { createActionRequester } from '../types/utils/createActionRequester.js';

export enum DateActionType {
  Now = '@quidproquo-core/Date/Now',
}

/** The current time as an ISO string, recorded so a replay sees the same time. */
export const askDateNow = createActionRequester<string>()({ actionType: DateActionType.Now });
