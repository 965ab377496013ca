import { Action, askOverrideActions, AskResponse, getSuccessfulEitherActionResultIfRequired, MathActionType } from 'quidproquo-core';

export function* askWithFixedRandom(story: AskResponse<number>): AskResponse<number> {
  return yield* askOverrideActions(story, {
    [MathActionType.RandomNumber]: function* (action: Action<unknown>) {
      return getSuccessfulEitherActionResultIfRequired(0.5, action.returnErrors);
    },
    '*': function* (action: Action<unknown>) {
      return yield action;
    },
  });
}
