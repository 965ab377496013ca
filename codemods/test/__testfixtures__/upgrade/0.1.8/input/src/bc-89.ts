import { AiStreamFinish } from 'quidproquo-core';

export const stoppedForTools = (finish: AiStreamFinish): boolean => finish.finishReason === 'tool-calls' || finish.finishReason === 'length';
