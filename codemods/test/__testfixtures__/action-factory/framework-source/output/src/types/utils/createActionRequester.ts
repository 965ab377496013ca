import type { Action } from '../Action';
import type { ActionRequesterDefinition, ActionRequesterFunction } from '../ActionRequesterFunction';
import type { AskResponse } from '../StorySession';
import { createErrorEnumForAction } from './createErrorEnumForAction';

/**
 * Builds an ask* requester from one definition. Curried so the return type can be given
 * explicitly while the action type, arguments and payload are inferred.
 */
export const createActionRequester =
  <TReturn>() =>
  <TType extends string, TArgs extends unknown[] = [], TPayload = undefined, TErrorTypes extends string = never>(
    definition: ActionRequesterDefinition<TType, TArgs, TPayload, TErrorTypes>,
  ): ActionRequesterFunction<TType, TArgs, TPayload, TReturn, TErrorTypes> => {
    const getPayload = definition.getPayload ?? ((() => undefined) as unknown as (...args: TArgs) => TPayload);

    function* askAction(...args: TArgs): AskResponse<TReturn> {
      // One shape per action: the payload key is always present.
      const action: Action<TPayload> = { type: definition.actionType, payload: getPayload(...args) };
      return yield action;
    }

    return Object.assign(askAction, {
      actionType: definition.actionType,
      getPayload,
      errorType: createErrorEnumForAction(definition.actionType, definition.errorTypes ?? []) as unknown as { [K in TErrorTypes]: string },
    });
  };
