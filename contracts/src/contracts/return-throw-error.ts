import type * as ts from 'typescript';

import { defineContract } from '../define-contract';
import { calleeName } from '../engine/callee-symbol';
import { dedent } from '../engine/dedent';
import { fileMayHoldGenerators } from '../engine/file-index';
import { skipTransparentWrappers } from '../engine/syntax';
import type { ContractContext, Fix, TextEdit } from '../types';

type Options = Record<string, never>;

const messages = {
  notReturned:
    '`{{name}}(…)` never comes back, but TypeScript cannot see that: write `return yield* {{name}}(…)` so that values checked above it are narrowed below it and no dummy return is needed after it.',
};

type MessageId = keyof typeof messages;

/** The framework's story that fails the running story on purpose. */
const THROW_ERROR = 'askThrowError';

export const returnThrowError = defineContract({
  meta: {
    id: 'return-throw-error',
    diagnosticCode: 990010,
    description: 'Return the delegation to a story that never comes back: `return yield* askThrowError(...)`.',
    rationale:
      "`askThrowError` ends the story with an error: the runtime never resumes it. TypeScript cannot see that from `yield* askThrowError(...)` alone, so code after it is treated as reachable: a value checked above it (`if (!user) { yield* askThrowError(...) }`) is not narrowed below, and a story that must return something needs a dummy return or a cast after the throw. The framework's convention is `return yield* askThrowError(...)`: its result type adapts to the enclosing story, and the `return` tells the compiler that control stops there.",
    type: 'problem',
    recommended: 'error',
    fixable: true,
    hasSuggestions: true,
    typeAware: true,
    behaviourWithoutTypes:
      "Without types, a `yield* askThrowError(...)` statement (also called through an object, `errors.askThrowError(...)`) is reported; the fix adds `return` when the enclosing story declares its return type, and is offered as a suggestion otherwise, since an unannotated story would take its result type from the throw. With types, every delegation to a story whose declared result type is `never` is reported too, and the fix also applies in an unannotated story when the callee returns `never`, or when its result fits the story's declared result. A plain `return;` or `return <literal or name>;` right after the throw, dead once the throw is returned, is removed by the same fix when the story declares its return type.",
    readsOtherFiles: 'with-types',
    messages,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  examples: {
    valid: [
      {
        note: 'The throw is returned: `user` is narrowed to `User` below it.',
        code: dedent`
          function* askUserName(id: string): AskResponse<string> {
            const user = yield* askLoadUser(id);
            if (!user) {
              return yield* askThrowError(ErrorTypeEnum.NotFound, \`No user \${id}\`);
            }
            return user.name;
          }
        `,
      },
      {
        note: 'A throw in an expression position is already where a value is expected.',
        code: dedent`
          function* askUserName(id: string): AskResponse<string> {
            const user = (yield* askLoadUser(id)) ?? (yield* askThrowError(ErrorTypeEnum.NotFound, id));
            return user.name;
          }
        `,
      },
      {
        note: 'Other stories return: delegating to them as a statement is fine.',
        code: dedent`
          function* askSave(todo: Todo): AskResponse<void> {
            yield* askLogCreate(LogLevelEnum.Info, 'saving');
            yield* askKeyValueStoreUpsert('todos', todo);
          }
        `,
      },
    ],
    invalid: [
      {
        note: 'The fix returns the throw; the dummy return after it is dead then, and goes with it.',
        code: dedent`
          function* askUserName(id: string): AskResponse<string> {
            const user = yield* askLoadUser(id);
            if (!user) {
              yield* askThrowError(ErrorTypeEnum.NotFound, \`No user \${id}\`);
              return '';
            }
            return user.name;
          }
        `,
        output: dedent`
          function* askUserName(id: string): AskResponse<string> {
            const user = yield* askLoadUser(id);
            if (!user) {
              return yield* askThrowError(ErrorTypeEnum.NotFound, \`No user \${id}\`);
            }
            return user.name;
          }
        `,
        findings: [{ messageId: 'notReturned', line: 4, column: 5 }],
      },
      {
        note: 'In a loop, without braces, and at the end of a story, the same: the `return` states that control stops.',
        code: dedent`
          function* askCheckedSave(todos: Todo[]): AskResponse<void> {
            for (const todo of todos) {
              if (!todo.title) yield* askThrowError(ErrorTypeEnum.BadRequest, 'A todo needs a title');
            }
            const saved = yield* askKeyValueStoreUpsert('todos', todos);
            if (!saved) yield* errors.askThrowError(ErrorTypeEnum.GenericError, 'Not saved');
          }
        `,
        output: dedent`
          function* askCheckedSave(todos: Todo[]): AskResponse<void> {
            for (const todo of todos) {
              if (!todo.title) return yield* askThrowError(ErrorTypeEnum.BadRequest, 'A todo needs a title');
            }
            const saved = yield* askKeyValueStoreUpsert('todos', todos);
            if (!saved) return yield* errors.askThrowError(ErrorTypeEnum.GenericError, 'Not saved');
          }
        `,
        findings: [
          { messageId: 'notReturned', line: 3, column: 22 },
          { messageId: 'notReturned', line: 6, column: 15 },
        ],
      },
      {
        note: "In a story that does not declare its return type, the framework's generic `askThrowError<T>` would give the story an `unknown` result: a suggestion, not a fix.",
        code: dedent`
          declare function askThrowError<T>(errorType: string, errorText: string): AskResponse<T>;

          export function* askTitle(id: string) {
            const todo = yield* askLoadTodo(id);
            if (!todo) {
              yield* askThrowError('NotFound', id);
            }
            return todo!.title;
          }
        `,
        findings: [
          {
            messageId: 'notReturned',
            line: 6,
            column: 5,
            suggestions: [
              {
                description: 'Return the delegation',
                output: dedent`
                  declare function askThrowError<T>(errorType: string, errorText: string): AskResponse<T>;

                  export function* askTitle(id: string) {
                    const todo = yield* askLoadTodo(id);
                    if (!todo) {
                      return yield* askThrowError('NotFound', id);
                    }
                    return todo!.title;
                  }
                `,
              },
            ],
          },
        ],
      },
      {
        note: 'With types, any story whose result type is `never` is a throw, whatever its name; returning it is safe in any story.',
        code: dedent`
          import { AskResponse, askThrowError } from 'quidproquo-core';

          function* askFailWith(code: string): AskResponse<never> {
            return yield* askThrowError('GenericError', code);
          }

          export function* askParse(text: string) {
            if (text === '') {
              yield* askFailWith('empty');
            }
            return text.length;
          }
        `,
        output: dedent`
          import { AskResponse, askThrowError } from 'quidproquo-core';

          function* askFailWith(code: string): AskResponse<never> {
            return yield* askThrowError('GenericError', code);
          }

          export function* askParse(text: string) {
            if (text === '') {
              return yield* askFailWith('empty');
            }
            return text.length;
          }
        `,
        typed: true,
        findings: [{ messageId: 'notReturned', line: 9, column: 5 }],
      },
    ],
  },

  check(context) {
    const tsm = context.ts;
    const typed = context.checker !== undefined;
    // Cheap gate: without types only the framework's name can make a throw.
    if (!typed && !context.sourceFile.text.includes(THROW_ERROR)) return;
    if (!fileMayHoldGenerators(tsm, context.sourceFile)) return;
    for (const { node, scope } of context.index.yields) {
      if (!node.asteriskToken || !node.expression || !scope) continue;
      let statement: ts.Node = node;
      while (tsm.isParenthesizedExpression(statement.parent)) statement = statement.parent;
      if (!tsm.isExpressionStatement(statement.parent)) continue;
      const call = skipTransparentWrappers(tsm, node.expression);
      if (!tsm.isCallExpression(call)) continue;
      const named = calleeName(tsm, skipTransparentWrappers(tsm, call.expression)) === THROW_ERROR;
      const result = typed ? context.stories.declaredResultOf(call) : undefined;
      if (!named && result !== 'never') continue;

      const edits = returnEdits(context, statement.parent, scope.node as ts.SignatureDeclaration);
      const fix: Fix = { description: 'Return the delegation', edits };
      const safe = fixKeepsTypes(context, scope.node as ts.SignatureDeclaration, result);
      context.report(
        'notReturned',
        node,
        { name: call.expression.getText(context.sourceFile) },
        safe ? fix : undefined,
        safe ? undefined : [fix],
      );
    }
  },
});

/**
 * Whether `return` in front of the throw leaves every type as it was. A `never` result fits any
 * story. Otherwise the story must declare its result, so that it is not inferred from the throw,
 * and the throw's declared result must fit it (a generic or `any` result takes the story's).
 */
function fixKeepsTypes(
  context: ContractContext<Options, MessageId>,
  story: ts.SignatureDeclaration,
  result: ts.Type | 'never' | 'open' | undefined,
): boolean {
  if (result === 'never') return true;
  if (!story.type) return false;
  if (result === undefined || result === 'open') return true;
  const checker = context.checker!;
  const declared = context.stories.declaredResultOfFunction(story);
  if (!declared || typeof checker.isTypeAssignableTo !== 'function') return false;
  return checker.isTypeAssignableTo(result, declared);
}

/**
 * `return ` before the statement, and the removal of a dummy return right after it in the same
 * block, which the `return` makes dead: only a plain `return;` or a return of a literal or a name,
 * alone on its line, and only when the story declares its result (so removing it changes no
 * inferred type).
 */
function returnEdits(
  context: ContractContext<Options, MessageId>,
  statement: ts.ExpressionStatement,
  story: ts.SignatureDeclaration,
): TextEdit[] {
  const tsm = context.ts;
  const { sourceFile } = context;
  const start = statement.getStart(sourceFile);
  const edits: TextEdit[] = [{ start, end: start, newText: 'return ' }];
  if (!story.type) return edits;
  const container = statement.parent;
  const statements =
    tsm.isBlock(container) || tsm.isCaseClause(container) || tsm.isDefaultClause(container) ? container.statements : undefined;
  const next = statements?.[statements.indexOf(statement) + 1];
  if (!next || !tsm.isReturnStatement(next) || (next.expression && !isPlainValue(tsm, next.expression))) return edits;
  const removal = wholeLines(sourceFile, next);
  if (removal) edits.push({ ...removal, newText: '' });
  return edits;
}

/** A literal or a name, through casts and parentheses: returning it has no effect but the value. */
function isPlainValue(tsm: typeof ts, expression: ts.Expression): boolean {
  const value = skipTransparentWrappers(tsm, expression);
  const SK = tsm.SyntaxKind;
  return (
    tsm.isIdentifier(value) ||
    tsm.isLiteralExpression(value) ||
    tsm.isNoSubstitutionTemplateLiteral(value) ||
    value.kind === SK.NullKeyword ||
    value.kind === SK.TrueKeyword ||
    value.kind === SK.FalseKeyword ||
    (tsm.isVoidExpression(value) && tsm.isLiteralExpression(value.expression)) ||
    (tsm.isPrefixUnaryExpression(value) && tsm.isNumericLiteral(value.operand))
  );
}

/** The lines a statement fills, line break included, when nothing else shares them; else undefined. */
function wholeLines(sourceFile: ts.SourceFile, statement: ts.Statement): { start: number; end: number } | undefined {
  const text = sourceFile.text;
  const start = statement.getStart(sourceFile);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return undefined;
  let lineEnd = text.indexOf('\n', statement.getEnd());
  if (lineEnd < 0) lineEnd = text.length;
  if (text.slice(statement.getEnd(), lineEnd).trim() !== '') return undefined;
  return { start: lineStart, end: Math.min(lineEnd + 1, text.length) };
}
