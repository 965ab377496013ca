import { ActionProcessorList, ActionProcessorListResolver, actionResult, actionResultError, QPQConfig } from 'quidproquo-core';

import { KvActionType } from './KvActionType';
import { KvGetErrorTypeEnum } from './KvErrorTypeEnum';
import { KvGetActionProcessor } from './KvGetActionRequesterTypes';
import { KvListActionProcessor } from './KvListActionTypes';

const getProcessKvGet = (qpqConfig: QPQConfig): KvGetActionProcessor => {
  return async ({ key }) => (key === '' ? actionResultError(KvGetErrorTypeEnum.NotFound, 'no key') : actionResult({ key }));
};

const getProcessKvList = (qpqConfig: QPQConfig): KvListActionProcessor => {
  return async ({ prefix, limit }) => actionResult([{ key: `${prefix}${limit}` }]);
};

export const getKvGetActionProcessor: ActionProcessorListResolver = async (qpqConfig: QPQConfig): Promise<ActionProcessorList> => ({
  [KvActionType.Get]: getProcessKvGet(qpqConfig),
});

export const getKvListActionProcessor: ActionProcessorListResolver = async (qpqConfig: QPQConfig): Promise<ActionProcessorList> => ({
  [KvActionType.List]: getProcessKvList(qpqConfig),
});

// One resolver for both reads, the way some services group them.
export const getKvReadActionProcessors: ActionProcessorListResolver = async (qpqConfig: QPQConfig): Promise<ActionProcessorList> => ({
  [KvActionType.Get]: getProcessKvGet(qpqConfig),
  [KvActionType.List]: getProcessKvList(qpqConfig),
});
