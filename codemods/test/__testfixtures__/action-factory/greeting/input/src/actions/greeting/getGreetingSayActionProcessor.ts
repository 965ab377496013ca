import { ActionProcessorList, ActionProcessorListResolver, actionResult, actionResultError, QPQConfig } from 'quidproquo-core';

import { GreetingActionType } from './GreetingActionType';
import { GreetingSayActionProcessor } from './GreetingActionTypes';
import { GreetingSayErrorTypeEnum } from './GreetingErrorTypeEnum';

const getProcessGreetingSay = (qpqConfig: QPQConfig): GreetingSayActionProcessor => {
  return async ({ name, volume }) => {
    if (!name) return actionResultError(GreetingSayErrorTypeEnum.NoName, 'no name');
    return actionResult(volume === 'loud' ? `HELLO ${name}!` : `hello ${name}`);
  };
};

export const getGreetingSayActionProcessor: ActionProcessorListResolver = async (qpqConfig: QPQConfig): Promise<ActionProcessorList> => ({
  [GreetingActionType.Say]: getProcessGreetingSay(qpqConfig),
});
