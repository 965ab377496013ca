import type { QPQConfig } from '../config/QPQConfig.js';
import type { QPQError } from './ErrorTypeEnum.js';
import type { StorySession, StorySessionUpdater } from './StorySession.js';

/** A request to the runtime: a type naming the processor, and its payload. */
export interface Action<T> {
  type: string;
  payload?: T | undefined;
  /** Set by askCatch: the runtime returns the outcome as a value instead of ending the story. */
  returnErrors?: boolean | undefined;
}

/** A processor's outcome: `[result]` or `[undefined, error]`. */
export type ActionProcessorResult<T> = [(T | undefined)?, (QPQError | undefined)?];
export type AsyncActionProcessorResult<T> = Promise<ActionProcessorResult<T>>;

/** What askCatch and `returnErrors` actions receive: success and result, or the error. */
export type EitherActionResult<T> = { success: true; result: T; error?: never } | { success: false; result?: never; error: QPQError };

export type DynamicModuleLoader = (runtime: unknown) => Promise<unknown>;

export interface QpqLogger {
  log(message: string, data?: unknown): void;
}

export type ActionProcessor<TAction extends Action<any>, TReturn = any> = (
  payload: TAction['payload'],
  session: StorySession,
  actionProcessors: ActionProcessorList,
  logger: QpqLogger,
  updateSession: StorySessionUpdater,
  dynamicModuleLoader: DynamicModuleLoader,
) => AsyncActionProcessorResult<TReturn>;

/** The hand-written requester type of older apps: a generator yielding the action. */
export type ActionRequester<TAction extends Action<any>, TReturn = undefined, TQPQReturn = TReturn> = Generator<
  TAction,
  TReturn,
  TQPQReturn
>;

export type ActionProcessorList = { [actionType: string]: ActionProcessor<any, any> };

export type ActionProcessorListResolver = (qpqConfig: QPQConfig, dynamicModuleLoader: DynamicModuleLoader) => Promise<ActionProcessorList>;

export type AnyStory<TArgs extends Array<any> = Array<any>> = (...args: TArgs) => ActionRequester<Action<any>, any, any>;
