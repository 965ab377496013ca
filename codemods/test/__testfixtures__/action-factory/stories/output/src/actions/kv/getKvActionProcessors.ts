import { ActionProcessorList, ActionProcessorListResolver, actionResult, actionResultError, createActionProcessor, ProcessorFor, QPQConfig } from 'quidproquo-core';

import { askKvGetBase } from './askKvGet';
import { askKvListBase } from './askKvList';
import { KvActionType } from './KvActionType';

const getProcessKvGet = (qpqConfig: QPQConfig): ProcessorFor<typeof askKvGetBase> => {
  return async ({ key }) => (key === '' ? actionResultError(askKvGetBase.errorType.NotFound, 'no key') : actionResult({ key }));
};

const getProcessKvList = (qpqConfig: QPQConfig): ProcessorFor<typeof askKvListBase> => {
  return async ({ prefix, limit }) => actionResult([{ key: `${prefix}${limit}` }]);
};

export const getKvGetActionProcessor = createActionProcessor(askKvGetBase, getProcessKvGet);

export const getKvListActionProcessor = createActionProcessor(askKvListBase, getProcessKvList);

// One resolver for both reads, the way some services group them.
export const getKvReadActionProcessors: ActionProcessorListResolver = async (qpqConfig: QPQConfig): Promise<ActionProcessorList> => ({
  [KvActionType.Get]: getProcessKvGet(qpqConfig),
  [KvActionType.List]: getProcessKvList(qpqConfig),
});
