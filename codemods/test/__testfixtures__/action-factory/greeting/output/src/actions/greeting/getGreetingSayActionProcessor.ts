import { actionResult, actionResultError, createActionProcessor, ProcessorFor, QPQConfig } from 'quidproquo-core';

import { askGreetingSay } from './askGreetingSay';

const getProcessGreetingSay = (qpqConfig: QPQConfig): ProcessorFor<typeof askGreetingSay> => {
  return async ({ name, volume }) => {
    if (!name) return actionResultError(askGreetingSay.errorType.NoName, 'no name');
    return actionResult(volume === 'loud' ? `HELLO ${name}!` : `hello ${name}`);
  };
};

export const getGreetingSayActionProcessor = createActionProcessor(askGreetingSay, getProcessGreetingSay);
