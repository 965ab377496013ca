import { actionResult, actionResultError, createActionProcessor, ProcessorFor, QPQConfig } from 'quidproquo-core';

import { askKvGetBase } from './askKvGet';
import { askKvListBase } from './askKvList';

const getProcessKvGet = (qpqConfig: QPQConfig): ProcessorFor<typeof askKvGetBase> => {
  return async ({ key }) => (key === '' ? actionResultError(askKvGetBase.errorType.NotFound, 'no key') : actionResult({ key }));
};

const getProcessKvList = (qpqConfig: QPQConfig): ProcessorFor<typeof askKvListBase> => {
  return async ({ prefix, limit }) => actionResult([{ key: `${prefix}${limit}` }]);
};

export const getKvGetActionProcessor = createActionProcessor(askKvGetBase, getProcessKvGet);

export const getKvListActionProcessor = createActionProcessor(askKvListBase, getProcessKvList);
