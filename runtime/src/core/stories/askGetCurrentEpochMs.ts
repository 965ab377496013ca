import { askDateNow } from '../actions/date.js';
import type { AskResponse } from '../types/StorySession.js';

/** Milliseconds since the epoch, from the recorded date. */
export function* askGetCurrentEpochMs(): AskResponse<number> {
  const now = yield* askDateNow();
  return new Date(now).getTime();
}
