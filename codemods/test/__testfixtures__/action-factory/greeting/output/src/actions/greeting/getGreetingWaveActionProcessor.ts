import { actionResult, actionResultError, createActionProcessor, DynamicModuleLoader, ProcessorFor, QPQConfig } from 'quidproquo-core';

import { askGreetingReset } from './askGreetingReset';
import { askGreetingWave } from './askGreetingWave';

const getProcessGreetingWave = (qpqConfig: QPQConfig, maxHands: number): ProcessorFor<typeof askGreetingWave> => {
  return async ({ hands }) => (hands > maxHands ? actionResultError('TooManyHands', `at most ${maxHands}`) : actionResult(undefined));
};

// Waving takes the number of hands the service allows.
export const getGreetingWaveActionProcessor =
  (maxHands: number) =>
  createActionProcessor(askGreetingWave, (qpqConfig: QPQConfig) => getProcessGreetingWave(qpqConfig, maxHands));

const getProcessGreetingReset = async (qpqConfig: QPQConfig, dynamicModuleLoader: DynamicModuleLoader): Promise<ProcessorFor<typeof askGreetingReset>> => {
  return async () => actionResult(true);
};

export const getGreetingResetActionProcessor = createActionProcessor(askGreetingReset, getProcessGreetingReset);
