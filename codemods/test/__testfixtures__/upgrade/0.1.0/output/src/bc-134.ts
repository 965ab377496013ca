import { AiStreamTextDelta } from 'quidproquo-core';

export const delta: AiStreamTextDelta = { type: 'text-delta', text: 'hello' };
