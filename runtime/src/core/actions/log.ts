import { createActionRequester } from '../types/utils/createActionRequester.js';

export enum LogActionType {
  Create = '@quidproquo-core/Log/Create',
}

export enum LogLevelEnum {
  Trace = 'TRACE',
  Debug = 'DEBUG',
  Info = 'INFO',
  Warn = 'WARN',
  Error = 'ERROR',
  Fatal = 'FATAL',
}

export const askLogCreate = createActionRequester<void>()({
  actionType: LogActionType.Create,
  getPayload: (logLevel: LogLevelEnum, msg: string, data?: unknown) => ({ logLevel, msg, data }),
});
