import type * as ts from 'typescript';

import { defineContract } from '../define-contract';
import { calleeName } from '../engine/callee-symbol';
import { dedent } from '../engine/dedent';
import { returnedExpressions, skipTransparentWrappers } from '../engine/syntax';
import type { ContractContext } from '../types';

type Options = Record<string, never>;

const messages = {
  successShape:
    'A `runStory` mock is the raw value the action succeeds with: the runner wraps it for `askCatch` itself, so this `{ success: true, result }` reaches the story wrapped twice. Give the result alone.',
  failureShape:
    'A `runStory` mock is the raw value the action succeeds with, so this `{ success: false, error }` is a success whose value looks like a failure. Make the action fail with `throwsError(errorType, errorText)` instead.',
};

type MessageId = keyof typeof messages;

export const rawStoryMocks = defineContract({
  meta: {
    id: 'raw-story-mocks',
    diagnosticCode: 990014,
    description: 'Write `runStory` mocks as the raw success value, never as an `askCatch` result.',
    rationale:
      "`runStory(story, mocks)` answers each action the story yields from a map of mocks by action type. A mock is the value the action succeeds with: when the story wraps the action in `askCatch` (the action is marked `returnErrors`), the runner builds `{ success: true, result }` from it, so one mock serves both. A mock written as `{ success: true, result }` is wrapped again, and the story sees an object where it expects the value; one written as `{ success: false, error }` is a success, not a failure, so the error path is not tested. The framework's testing standard says so: mocks are raw success values, and failures are simulated with `throwsError(errorType, errorText)` (on the reference runtime, with a mock function that returns `actionResultError(...)`).",
    type: 'problem',
    recommended: 'error',
    fixable: false,
    hasSuggestions: true,
    typeAware: false,
    behaviourWithoutTypes:
      'Purely syntactic: in the mock map written as the second argument of `runStory(...)`, a mock that is, or a mock function that returns, an object literal of exactly `success: true` and `result`, or `success: false` and `error`, is reported. Other values that merely contain a `success` key (an HTTP response body, say) are left alone.',
    readsOtherFiles: 'never',
    messages,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  examples: {
    valid: [
      {
        note: 'Raw values, a mock function, and a failure made with `throwsError`.',
        code: dedent`
          const result = runStory(askTodoTitle('t-1'), {
            [KeyValueStoreActionType.Get]: { id: 't-1', title: 'Buy milk' },
            [DateActionType.Now]: () => '2026-08-01T00:00:00.000Z',
            [LogActionType.Create]: throwsError(ErrorTypeEnum.GenericError, 'log is down'),
          });
        `,
      },
      {
        note: 'A response whose own body has a `success` key is a raw value too.',
        code: dedent`
          runStory(askCloudflareDeleteRecord('key', 'zone', 'record'), {
            [NetworkActionType.Request]: { status: 200, data: { success: false, errors: [] } },
          });
        `,
      },
    ],
    invalid: [
      {
        note: 'A success wrapped by hand; the suggestion gives the result alone.',
        code: dedent`
          const result = runStory(askTodoTitle('t-1'), {
            [KeyValueStoreActionType.Get]: { success: true, result: { id: 't-1', title: 'Buy milk' } },
          });
        `,
        findings: [
          {
            messageId: 'successShape',
            line: 2,
            column: 34,
            suggestions: [
              {
                description: 'Give the result alone',
                output: dedent`
                  const result = runStory(askTodoTitle('t-1'), {
                    [KeyValueStoreActionType.Get]: { id: 't-1', title: 'Buy milk' },
                  });
                `,
              },
            ],
          },
        ],
      },
      {
        note: 'A failure written as a value, also returned from a mock function.',
        code: dedent`
          runStory(askSaveTodo(todo), {
            [KeyValueStoreActionType.Upsert]: (action: { payload: { item: Todo } }) =>
              action.payload.item.title ? null : { success: false, error: { errorType: 'Invalid', errorText: 'no title' } },
          });
        `,
        findings: [{ messageId: 'failureShape', line: 3, column: 40 }],
      },
      {
        note: 'Every `return` of a mock function counts, also one inside a block.',
        code: dedent`
          runStory(askSaveTodo(todo), {
            [KeyValueStoreActionType.Upsert]: (action: { payload: { item: Todo } }) => {
              if (!action.payload.item.title) {
                return { success: false, error: { errorType: 'Invalid', errorText: 'no title' } };
              }
              return null;
            },
          });
        `,
        findings: [{ messageId: 'failureShape', line: 4, column: 14 }],
      },
    ],
  },

  check(context) {
    const tsm = context.ts;
    if (!context.sourceFile.text.includes('runStory')) return;
    for (const { node: call } of context.index.nodes<ts.CallExpression>(tsm.SyntaxKind.CallExpression)) {
      const callee = skipTransparentWrappers(tsm, call.expression);
      const name = calleeName(tsm, callee);
      const mocks = name === 'runStory' && call.arguments[1] ? skipTransparentWrappers(tsm, call.arguments[1]) : undefined;
      if (!mocks || !tsm.isObjectLiteralExpression(mocks)) continue;
      for (const property of mocks.properties) {
        if (!tsm.isPropertyAssignment(property)) continue;
        for (const value of mockValues(tsm, property.initializer)) reportEither(context, value);
      }
    }
  },
});

/** The values a mock gives: itself, or what a mock function returns, through conditionals. */
function mockValues(tsm: typeof ts, mock: ts.Expression): ts.Expression[] {
  const value = skipTransparentWrappers(tsm, mock);
  if (tsm.isArrowFunction(value) || tsm.isFunctionExpression(value))
    return returnedExpressions(tsm, value).flatMap((e) => branches(tsm, e));
  return [value];
}

function branches(tsm: typeof ts, expression: ts.Expression): ts.Expression[] {
  const value = skipTransparentWrappers(tsm, expression);
  return tsm.isConditionalExpression(value) ? [...branches(tsm, value.whenTrue), ...branches(tsm, value.whenFalse)] : [value];
}

/** `{ success: true, result }` or `{ success: false, error }`, exactly those two keys. */
function reportEither(context: ContractContext<Options, MessageId>, value: ts.Expression): void {
  const tsm = context.ts;
  if (!tsm.isObjectLiteralExpression(value) || value.properties.length !== 2) return;
  const byName = new Map<string, ts.ObjectLiteralElementLike>();
  for (const property of value.properties) {
    if (property.name && tsm.isIdentifier(property.name)) byName.set(property.name.text, property);
  }
  const success = byName.get('success');
  if (!success || !tsm.isPropertyAssignment(success)) return;
  const flag = success.initializer.kind;
  const SK = tsm.SyntaxKind;
  if (flag === SK.TrueKeyword && byName.has('result')) {
    const result = byName.get('result')!;
    const resultText = tsm.isPropertyAssignment(result)
      ? result.initializer.getText(context.sourceFile)
      : tsm.isShorthandPropertyAssignment(result)
        ? result.name.text
        : undefined;
    const suggestions = resultText
      ? [
          {
            description: 'Give the result alone',
            edits: [{ start: value.getStart(context.sourceFile), end: value.getEnd(), newText: resultText }],
          },
        ]
      : undefined;
    context.report('successShape', value, {}, undefined, suggestions);
  } else if (flag === SK.FalseKeyword && byName.has('error')) {
    context.report('failureShape', value);
  }
}
