import type { Action } from './Action.js';
import type { QPQError } from './ErrorTypeEnum.js';

/** A running story: yields actions, receives their results, returns T. */
export type AskResponse<T> = Generator<Action<any>, T, any>;

/** A function that starts a story. */
export type Story<TArgs extends unknown[], TReturn> = (...args: TArgs) => AskResponse<TReturn>;

export type AskResponseReturnType<T> = T extends Generator<any, infer TReturn, any> ? TReturn : never;
export type ExtractGeneratorReturnType<T> = AskResponseReturnType<T>;

/** Context the runtime hands to processors. */
export interface StorySession {
  correlation: string;
  depth: number;
  context: Record<string, unknown>;
}

export type StorySessionUpdater = (session: Partial<StorySession>) => void;

/** One action the story yielded and what came back. */
export interface StoryHistoryEntry {
  action: Action<unknown>;
  result?: unknown;
  error?: QPQError | undefined;
}

/** How a story ended: its value, or the error that ended it, with the action log. */
export type StoryResult<T> =
  { result: T; error?: undefined; history: StoryHistoryEntry[] } | { result?: undefined; error: QPQError; history: StoryHistoryEntry[] };
