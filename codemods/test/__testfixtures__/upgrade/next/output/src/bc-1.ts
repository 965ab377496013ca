import { askClaudeAiMessagesApi, qpqCoreUtils } from 'quidproquo-core';

export const ask = askClaudeAiMessagesApi;
export const configs = (config: never) => qpqCoreUtils.getAllClaudeAiConfigs(config);
