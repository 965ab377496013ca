import { SystemActionType, type SystemThrowErrorActionPayload } from '../actions/system.js';
import type { Action, EitherActionResult } from '../types/Action.js';
import { ErrorTypeEnum, type QPQError } from '../types/ErrorTypeEnum.js';
import type { AskResponse, StoryHistoryEntry, StoryResult } from '../types/StorySession.js';
import { isProcessorOutcome } from '../types/utils/actionResult.js';

/**
 * What answers an action: a processor function `(payload, action) => result` (sync or async;
 * return `actionResult` / `actionResultError` to succeed or fail explicitly, or throw to fail),
 * or a plain value used as the result (a mock).
 */
export type ActionHandler = ((payload: any, action: Action<any>) => unknown) | string | number | boolean | object | null | undefined;
export type ActionHandlers = Record<string, ActionHandler>;

/**
 * Drives a story as the qpq runtime does: takes each yielded action, finds its processor by
 * `type`, awaits it and sends the result back. A failed action ends the story and becomes its
 * result; it is never thrown into the generator, so try/catch and finally in the story do not see
 * it. Actions marked `returnErrors` (askCatch) get the outcome as a value instead. A JS exception
 * thrown by the story's own code ends it with a GenericError.
 */
export async function runStory<T>(story: AskResponse<T> | (() => AskResponse<T>), handlers: ActionHandlers): Promise<StoryResult<T>> {
  const history: StoryHistoryEntry[] = [];
  let generator: AskResponse<T>;
  let step: IteratorResult<Action<any>, T>;
  try {
    generator = typeof story === 'function' ? story() : story;
    step = generator.next();
  } catch (thrown) {
    return { error: toGenericError(thrown), history };
  }

  while (!step.done) {
    const action = step.value;
    const outcome = isAction(action)
      ? await perform(action, handlers)
      : failure(
          ErrorTypeEnum.GenericError,
          `the story yielded ${describe(action)}, which is not an action (a story must be delegated with yield*)`,
        );
    history.push(isAction(action) ? { action, ...outcome } : { action: { type: '(not an action)' }, ...outcome });

    let reply: unknown;
    if (isAction(action) && action.returnErrors) {
      reply = outcome.error
        ? ({ success: false, error: outcome.error } satisfies EitherActionResult<unknown>)
        : { success: true, result: outcome.result };
    } else if (outcome.error) {
      return { error: outcome.error, history };
    } else {
      reply = outcome.result;
    }
    try {
      step = generator.next(reply);
    } catch (thrown) {
      return { error: toGenericError(thrown), history };
    }
  }
  return { result: step.value, history };
}

type Outcome = { result?: unknown; error?: QPQError };

async function perform(action: Action<unknown>, handlers: ActionHandlers): Promise<Outcome> {
  if (action.type === SystemActionType.ThrowError) {
    const { errorType, errorText, errorStack } = action.payload as SystemThrowErrorActionPayload;
    return { error: errorStack === undefined ? { errorType, errorText } : { errorType, errorText, errorStack } };
  }
  if (!Object.prototype.hasOwnProperty.call(handlers, action.type)) {
    return failure(ErrorTypeEnum.NotImplemented, `No processor or mock for action type '${action.type}'`);
  }
  const handler = handlers[action.type];
  try {
    const value =
      typeof handler === 'function'
        ? await (handler as (payload: unknown, action: Action<unknown>) => unknown)(action.payload, action)
        : handler;
    if (isProcessorOutcome(value)) {
      const [result, error] = value;
      return error ? { error } : { result };
    }
    return { result: value };
  } catch (thrown) {
    return { error: toGenericError(thrown) };
  }
}

function isAction(value: unknown): value is Action<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Action<unknown>).type === 'string';
}

function failure(errorType: string, errorText: string): Outcome {
  return { error: { errorType, errorText } };
}

function toGenericError(thrown: unknown): QPQError {
  if (thrown instanceof Error) return { errorType: ErrorTypeEnum.GenericError, errorText: thrown.message, errorStack: thrown.stack };
  return { errorType: ErrorTypeEnum.GenericError, errorText: String(thrown) };
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value !== null && typeof (value as Generator).next === 'function') return 'a generator object';
  return typeof value === 'object' ? 'an object without a string type' : `a ${typeof value}`;
}
