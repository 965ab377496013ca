import type { Action, EitherActionResult } from '../types/Action.js';
import type { AskResponse } from '../types/StorySession.js';

/**
 * Runs a story and returns its failure as a value instead of ending the calling story: every
 * action it yields is marked `returnErrors`, so the runtime answers with success or error.
 */
export function* askCatch<T>(story: AskResponse<T>): AskResponse<EitherActionResult<T>> {
  let step = story.next();
  while (!step.done) {
    const marked: Action<unknown> = { type: step.value.type, payload: step.value.payload, returnErrors: true };
    const outcome: EitherActionResult<unknown> = yield marked;
    if (!outcome.success) return { success: false, error: outcome.error };
    step = story.next(outcome.result);
  }
  return { success: true, result: step.value };
}
