import type { ActionProcessorResult } from '../Action';
import type { QPQError } from '../ErrorTypeEnum';

/** Marks outcomes built here, so the executor can tell them from a mock's plain value. */
export const PROCESSOR_OUTCOME = Symbol.for('qpq-reference-runtime.processorOutcome');

function mark<T>(outcome: ActionProcessorResult<T>): ActionProcessorResult<T> {
  Object.defineProperty(outcome, PROCESSOR_OUTCOME, { value: true });
  return outcome;
}

export function actionResult<T>(result: T): ActionProcessorResult<T> {
  return mark<T>([result]);
}

export function actionResultError<T = never>(errorType: string, errorText: string, errorStack?: string): ActionProcessorResult<T> {
  const error: QPQError = errorStack === undefined ? { errorType, errorText } : { errorType, errorText, errorStack };
  return mark<T>([undefined, error]);
}

export function isProcessorOutcome(value: unknown): value is ActionProcessorResult<unknown> {
  return Array.isArray(value) && (value as unknown as Record<symbol, unknown>)[PROCESSOR_OUTCOME] === true;
}
