import { createActionRequester } from '../types/utils/createActionRequester.js';

export enum SystemActionType {
  Delay = '@quidproquo-core/System/Delay',
  ThrowError = '@quidproquo-core/System/ThrowError',
}

export interface SystemThrowErrorActionPayload {
  errorType: string;
  errorText: string;
  errorStack?: string | undefined;
}

/** Waits; recorded, so a replay does not wait. */
export const askDelay = createActionRequester<void>()({
  actionType: SystemActionType.Delay,
  getPayload: (timeMs: number) => ({ timeMs }),
});

/** Ends the story with this error on purpose: errors are values, so this is how a story fails. */
export const askThrowError = createActionRequester<never>()({
  actionType: SystemActionType.ThrowError,
  getPayload: (errorType: string, errorText: string, errorStack?: string): SystemThrowErrorActionPayload => ({
    errorType,
    errorText,
    errorStack,
  }),
});
