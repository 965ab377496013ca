import { Action, askOverrideActions, AskResponse, MathActionType } from 'quidproquo-core';

export function* askWithFixedRandom(story: AskResponse<number>): AskResponse<number> {
  return yield* askOverrideActions(story, {
    [MathActionType.RandomNumber]: function* (action: Action<unknown>) {
      return 0.5;
    },
    '*': function* (action: Action<unknown>) {
      return yield action;
    },
  });
}
