import { createErrorEnumForAction } from 'quidproquo-core';

import { GreetingActionType } from './GreetingActionType';

export const GreetingSayErrorTypeEnum = createErrorEnumForAction(GreetingActionType.Say, [
  // The name was empty.
  'NoName',
  'TooLoud', // over the limit
]);

export const GreetingResetErrorTypeEnum = createErrorEnumForAction(GreetingActionType.Reset, []);
