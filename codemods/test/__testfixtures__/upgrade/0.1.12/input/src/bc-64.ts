import { AskResponse } from 'quidproquo-core';
import { askStateMachineSendEvent } from 'quidproquo-xstate';

export function* askFinish(id: string): AskResponse<unknown> {
  return yield* askStateMachineSendEvent('order', id, { type: 'finish' });
}
