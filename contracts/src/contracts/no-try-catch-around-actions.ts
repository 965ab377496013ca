import type * as ts from 'typescript';

import { defineContract } from '../define-contract';
import { dedent } from '../engine/dedent';
import { isDirectlyIn } from '../engine/enclosing';
import { fileMayHoldGenerators } from '../engine/file-index';
import { skipTransparentWrappers } from '../engine/syntax';
import type { ContractContext, Fix, TextEdit } from '../types';

type Options = Record<string, never>;

const messages = {
  catchNeverSees:
    'This `catch` never sees a failed action: the runtime ends the story instead of throwing into it, so only errors of plain JavaScript reach here. Get failures as values with `askCatch(story)`.',
  finallyMayNotRun:
    'This `finally` does not run when an action fails: the runtime ends the story without resuming it. Run the clean-up after `askCatch(story)` instead.',
};

type MessageId = keyof typeof messages;

export const noTryCatchAroundActions = defineContract({
  meta: {
    id: 'no-try-catch-around-actions',
    diagnosticCode: 990006,
    description: 'Disallow `catch` and `finally` meant to handle failed actions: use `askCatch`.',
    rationale:
      "qpq's errors are values. When a processor fails, the runtime ends the story and returns the error as the story's result; it never calls `generator.throw()`. A `try` around `yield*` therefore never catches that story's action failures, and its `finally` does not run when the story is ended that way. `askCatch(story)` marks the story's actions `returnErrors` and returns `{ success, result }` or `{ success: false, error }`.",
    type: 'problem',
    recommended: 'error',
    fixable: false,
    hasSuggestions: true,
    typeAware: false,
    behaviourWithoutTypes:
      'Purely syntactic: a `try` whose block delegates with `yield*` in the same generator (not in a callback) is reported; a `try` that only guards synchronous code is not.',
    readsOtherFiles: 'never',
    messages,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  examples: {
    valid: [
      {
        note: 'Failures as values.',
        code: dedent`
          function* story(id: string) {
            const loaded = yield* askCatch(askLoad(id));
            if (!loaded.success) return null;
            return loaded.result;
          }
        `,
      },
      {
        note: 'A `try` that guards only synchronous JavaScript.',
        code: dedent`
          function* story(text: string) {
            let parsed: unknown;
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = null;
            }
            yield* askSave(parsed);
          }
        `,
      },
    ],
    invalid: [
      {
        note: 'The simple shape has a suggestion that rewrites it with `askCatch`.',
        code: dedent`
          import { askCatch } from 'quidproquo-core';

          function* story(id: string) {
            try {
              const todo = yield* askLoad(id);
              return todo.title;
            } catch (error) {
              return String(error);
            }
          }
        `,
        findings: [
          {
            messageId: 'catchNeverSees',
            line: 7,
            column: 5,
            suggestions: [
              {
                description: 'Rewrite with askCatch',
                output: dedent`
                  import { askCatch } from 'quidproquo-core';

                  function* story(id: string) {
                    const todoOutcome = yield* askCatch(askLoad(id));
                    if (todoOutcome.success) {
                      const todo = todoOutcome.result;
                      return todo.title;
                    } else {
                      const error = todoOutcome.error;
                      return String(error);
                    }
                  }
                `,
              },
            ],
          },
        ],
      },
      {
        note: 'A `finally` around actions; the import of askCatch is added by the suggestion when missing.',
        code: dedent`
          function* story() {
            try {
              yield* askLock();
              yield* askWork();
            } finally {
              yield* askUnlock();
            }
          }
        `,
        findings: [{ messageId: 'finallyMayNotRun', line: 5, column: 5 }],
      },
    ],
  },

  check(context) {
    const { index, sourceFile } = context;
    const tsm = context.ts;
    // Only a try in a story can hold a delegation.
    if (!fileMayHoldGenerators(tsm, sourceFile)) return;
    for (const { node, scope } of index.nodes<ts.TryStatement>(tsm.SyntaxKind.TryStatement)) {
      if (!scope?.isGenerator) continue;
      const delegations = index.yields.filter(
        ({ node: y }) => y.asteriskToken && y.pos >= node.tryBlock.pos && y.end <= node.tryBlock.end && isDirectlyIn(tsm, y, scope.node),
      );
      if (delegations.length === 0) continue;
      if (node.catchClause) {
        const keyword = node.catchClause.getStart(sourceFile);
        const suggestion = node.finallyBlock
          ? undefined
          : askCatchRewrite(
              context,
              node,
              delegations.map((d) => d.node),
            );
        context.report(
          'catchNeverSees',
          { start: keyword, end: keyword + 'catch'.length },
          {},
          undefined,
          suggestion ? [suggestion] : undefined,
        );
      }
      if (node.finallyBlock) {
        // The `finally` keyword: the last one before its block (comments between are not keywords).
        const start = sourceFile.text.lastIndexOf('finally', node.finallyBlock.getStart(sourceFile));
        context.report('finallyMayNotRun', { start, end: start + 'finally'.length });
      }
    }
  },
});

/**
 * `try { const x = yield* askA(); ...rest } catch (e) { ...handler }` becomes an askCatch of
 * askA with the rest on success and the handler on failure. Only that shape is mechanical: one
 * delegation, first in the block, to a story call.
 */
function askCatchRewrite(
  context: ContractContext<Options, MessageId>,
  statement: ts.TryStatement,
  delegations: ts.YieldExpression[],
): Fix | undefined {
  const tsm = context.ts;
  const { sourceFile } = context;
  const text = sourceFile.text;
  const [first, ...rest] = statement.tryBlock.statements;
  if (delegations.length !== 1 || !first || !tsm.isVariableStatement(first)) return undefined;
  const [declaration] = first.declarationList.declarations;
  if (first.declarationList.declarations.length !== 1 || !tsm.isIdentifier(declaration.name) || !declaration.initializer) return undefined;
  const initializer = skipTransparentWrappers(tsm, declaration.initializer);
  if (initializer !== delegations[0] || !delegations[0].expression || !tsm.isCallExpression(delegations[0].expression)) return undefined;

  const name = declaration.name.text;
  const outcome = `${name}Outcome`;
  const keyword = tsm.getCombinedNodeFlags(first.declarationList) & tsm.NodeFlags.Const ? 'const' : 'let';
  const indent = indentationOf(text, statement.getStart(sourceFile));
  const inner = indentationOf(text, first.getStart(sourceFile));
  const body = (statements: readonly ts.Statement[]) =>
    statements.map((s) => `\n${inner}${text.slice(s.getStart(sourceFile), s.getEnd())}`).join('');
  const catchClause = statement.catchClause!;
  const parameter = catchClause.variableDeclaration?.name;
  const errorLine = parameter ? `\n${inner}const ${parameter.getText(sourceFile)} = ${outcome}.error;` : '';
  const rewritten =
    `const ${outcome} = yield* askCatch(${delegations[0].expression.getText(sourceFile)});\n` +
    `${indent}if (${outcome}.success) {\n${inner}${keyword} ${name} = ${outcome}.result;${body(rest)}\n${indent}} else {` +
    `${errorLine}${body(catchClause.block.statements)}\n${indent}}`;
  const edits: TextEdit[] = [{ start: statement.getStart(sourceFile), end: statement.getEnd(), newText: rewritten }];
  const importEdit = askCatchImport(tsm, sourceFile);
  if (importEdit) edits.unshift(importEdit);
  return { description: 'Rewrite with askCatch', edits };
}

/** Adds `askCatch` to the file's quidproquo-core import, or a new import, when it is not imported. */
function askCatchImport(tsm: typeof ts, sourceFile: ts.SourceFile): TextEdit | undefined {
  let coreImport: ts.NamedImports | undefined;
  for (const statement of sourceFile.statements) {
    if (!tsm.isImportDeclaration(statement) || !tsm.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !tsm.isNamedImports(bindings)) continue;
    if (bindings.elements.some((e) => e.name.text === 'askCatch')) return undefined;
    if (/^(quidproquo-core|@quidproquo\/core)$/.test(statement.moduleSpecifier.text) && !statement.importClause?.isTypeOnly)
      coreImport = bindings;
  }
  if (coreImport && coreImport.elements.length > 0) {
    const last = coreImport.elements[coreImport.elements.length - 1];
    return { start: last.getEnd(), end: last.getEnd(), newText: ', askCatch' };
  }
  return { start: 0, end: 0, newText: "import { askCatch } from 'quidproquo-core';\n" };
}

function indentationOf(text: string, position: number): string {
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}
