import { createActionRequester } from 'quidproquo-core';

import { GreetingActionType } from './GreetingActionType';

export const askGreetingReset = createActionRequester<boolean>()({ actionType: GreetingActionType.Reset });
