import { createActionRequester } from 'quidproquo-core';

import { KvActionType } from './KvActionType';

export const askKvClear = createActionRequester<number>()({ actionType: KvActionType.Clear });
