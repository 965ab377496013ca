import { ActionProcessorList, ActionProcessorListResolver, actionResult, actionResultError, DynamicModuleLoader, QPQConfig } from 'quidproquo-core';

import { GreetingActionType } from './GreetingActionType';
import { GreetingResetActionProcessor, GreetingWaveActionProcessor } from './GreetingActionTypes';

const getProcessGreetingWave = (qpqConfig: QPQConfig, maxHands: number): GreetingWaveActionProcessor => {
  return async ({ hands }) => (hands > maxHands ? actionResultError('TooManyHands', `at most ${maxHands}`) : actionResult(undefined));
};

// Waving takes the number of hands the service allows.
export const getGreetingWaveActionProcessor =
  (maxHands: number): ActionProcessorListResolver =>
  async (qpqConfig: QPQConfig): Promise<ActionProcessorList> => ({
    [GreetingActionType.Wave]: getProcessGreetingWave(qpqConfig, maxHands),
  });

const getProcessGreetingReset = async (qpqConfig: QPQConfig, dynamicModuleLoader: DynamicModuleLoader): Promise<GreetingResetActionProcessor> => {
  return async () => actionResult(true);
};

export const getGreetingResetActionProcessor: ActionProcessorListResolver = async (qpqConfig, dynamicModuleLoader) => {
  return {
    [GreetingActionType.Reset]: await getProcessGreetingReset(qpqConfig, dynamicModuleLoader),
  };
};
