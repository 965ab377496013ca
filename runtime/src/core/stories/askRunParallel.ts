import type { AskResponse, AskResponseReturnType } from '../types/StorySession.js';

type Results<T extends readonly AskResponse<any>[]> = { [K in keyof T]: AskResponseReturnType<T[K]> };

/**
 * Runs several stories and returns their results in order. The reference runtime runs them one
 * after another; the result shape is the framework's.
 */
export function* askRunParallel<T extends readonly AskResponse<any>[]>(stories: readonly [...T]): AskResponse<Results<T>> {
  const results: unknown[] = [];
  for (const story of stories) results.push(yield* story);
  return results as Results<T>;
}
