import type { Action, ActionProcessor } from './Action.js';
import type { AskResponse } from './StorySession.js';

/** The single definition of an action, as createActionRequester takes it. */
export interface ActionRequesterDefinition<TType extends string, TArgs extends unknown[], TPayload, TErrorTypes extends string> {
  actionType: TType;
  /** Every error the action's processors may produce. */
  errorTypes?: TErrorTypes[] | undefined;
  /** Omitted for actions without a payload. */
  getPayload?: ((...args: TArgs) => TPayload) | undefined;
}

/** A requester built by createActionRequester: an ask* story that also carries its definition. */
export interface ActionRequesterFunction<
  TType extends string,
  TArgs extends unknown[],
  TPayload,
  TReturn,
  TErrorTypes extends string = never,
> {
  (...args: TArgs): AskResponse<TReturn>;
  actionType: TType;
  getPayload: (...args: TArgs) => TPayload;
  errorType: { [K in TErrorTypes]: string };
}

export type AnyActionRequesterFunction = ActionRequesterFunction<string, any[], any, any, string>;

/** The exact action a requester yields. */
export type ActionOf<TRequester extends AnyActionRequesterFunction> = TRequester extends {
  actionType: infer TType extends string;
  getPayload: (...args: any[]) => infer TPayload;
}
  ? Action<TPayload> & { type: TType; payload: TPayload }
  : never;

export type ActionReturnOf<TRequester extends AnyActionRequesterFunction> =
  ReturnType<TRequester> extends Generator<any, infer TReturn, any> ? TReturn : never;

/** The processor type for a requester's action. */
export type ProcessorFor<TRequester extends AnyActionRequesterFunction> = ActionProcessor<ActionOf<TRequester>, ActionReturnOf<TRequester>>;
