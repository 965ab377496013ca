export * from './askKvClear';
export * from './askKvGet';
export * from './askKvList';
export * from './getKvActionProcessors';
export * from './KvActionType';
export * from './KvCountActionRequester';
export * from './KvErrorTypeEnum';
export * from './KvListActionTypes';
