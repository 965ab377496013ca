import { createActionRequester } from 'quidproquo-core';

import { GreetingActionType } from './GreetingActionType';
import { Volume } from './GreetingActionTypes';

// Says hello to someone.
// The volume defaults to the processor's own.
export const askGreetingSay = createActionRequester<string>()({
  actionType: GreetingActionType.Say,
  errorTypes: [
    // The name was empty.
    'NoName',
    'TooLoud', // over the limit
  ],
  getPayload: (name: string, volume?: Volume) => ({ name, volume }),
});
