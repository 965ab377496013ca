import { ts } from 'ts-morph';

import { isStringLike } from './expressions';
import { skipOuter } from './symbols';

/** Which signature a call uses: the one before the Oct 2024 config change, the one after, or cannot tell. */
export type Signature = { form: 'old' | 'new' } | { form: 'unknown'; reason: string };

const QUEUE_OPTION_KEYS = new Set([
  'batchSize',
  'batchWindowInSeconds',
  'concurrency',
  'maxTries',
  'maxRetry',
  'ttRetryInSeconds',
  'hasDeadLetterQueue',
  'eventBusSubscriptions',
  'maxConcurrentExecutions',
  'isFifo',
]);

function hasSpread(call: ts.CallExpression): boolean {
  return call.arguments.some(ts.isSpreadElement);
}

function keysOf(expression: ts.Expression): string[] | undefined {
  const node = skipOuter(expression);
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  return node.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name)) ? p.name.text : '?'));
}

/** `defineQueue(name, buildPath, processors, options?)` (old) or `defineQueue(name, processors, options?)` (new). */
export function queueSignature(call: ts.CallExpression, checker: () => ts.TypeChecker): Signature {
  const args = call.arguments;
  if (hasSpread(call)) return { form: 'unknown', reason: 'its arguments are spread' };
  if (args.length >= 4) return { form: 'old' };
  if (args.length === 2) return { form: 'new' };
  if (args.length < 2) return { form: 'unknown', reason: 'it has fewer arguments than either signature' };
  const second = isStringLike(args[1], checker);
  if (second === true) return { form: 'old' };
  if (second === false) return { form: 'new' };
  const third = keysOf(args[2]);
  if (third && third.length > 0 && third.every((k) => QUEUE_OPTION_KEYS.has(k))) return { form: 'new' };
  if (third && third.some((k) => !QUEUE_OPTION_KEYS.has(k))) return { form: 'old' };
  return { form: 'unknown', reason: 'cannot tell whether the second argument is the old build path or the processors' };
}

/** Index of the options argument of a `defineQueue` call in the given form. */
export function queueOptionsIndex(form: 'old' | 'new'): number {
  return form === 'old' ? 3 : 2;
}

/** `defineRecurringSchedule(cron, runtime, buildPath, options?)` (old) or `(cron, runtime, options?)` (new). */
export function scheduleSignature(call: ts.CallExpression, checker: () => ts.TypeChecker): Signature {
  const args = call.arguments;
  if (hasSpread(call)) return { form: 'unknown', reason: 'its arguments are spread' };
  if (args.length >= 4) return { form: 'old' };
  if (args.length <= 2) return { form: 'new' };
  const third = isStringLike(args[2], checker);
  if (third === true) return { form: 'old' };
  if (third === false) return { form: 'new' };
  return { form: 'unknown', reason: 'cannot tell whether the third argument is the old build path or the options' };
}

/** `defineDeployEvent(buildPath, name, runtime)` (old) or `(name, runtime)` (new). */
export function deployEventSignature(call: ts.CallExpression): Signature {
  if (hasSpread(call)) return { form: 'unknown', reason: 'its arguments are spread' };
  if (call.arguments.length === 3) return { form: 'old' };
  if (call.arguments.length === 2) return { form: 'new' };
  return { form: 'unknown', reason: 'its argument count matches neither signature' };
}
