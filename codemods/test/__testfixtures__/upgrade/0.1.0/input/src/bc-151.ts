import { AiMessage } from 'quidproquo-core';

export const lastText = (messages: AiMessage[]): string => String(messages[messages.length - 1]?.content ?? '');
