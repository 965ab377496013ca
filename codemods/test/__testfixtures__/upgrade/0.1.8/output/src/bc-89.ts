import { AiStreamFinish, AiStreamFinishReasonEnum } from 'quidproquo-core';

export const stoppedForTools = (finish: AiStreamFinish): boolean => finish.finishReason === AiStreamFinishReasonEnum.toolCalls || finish.finishReason === AiStreamFinishReasonEnum.length;
