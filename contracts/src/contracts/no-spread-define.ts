import type * as ts from 'typescript';

import { defineContract } from '../define-contract';
import { calleeName } from '../engine/callee-symbol';
import { DEFINE_NAME } from '../engine/config-type';
import { dedent } from '../engine/dedent';
import { functionNameOf, isTransparentWrapper, skipTransparentWrappers } from '../engine/syntax';
import type { ContractContext, Fix } from '../types';

type Options = Record<string, never>;

const messages = {
  spreadDefine:
    '`{{name}}(…)` is spread into a config array: the framework flattens nested config arrays itself, so put the result in as one element.',
};

type MessageId = keyof typeof messages;

/** The framework's prefix for config settings and the helpers that group them. */
/** Config types written out: a nested config array is welcome where one of these is declared. */
const CONFIG_TYPE = /^(readonly\s+)?((\w+\.)?QPQConfig|(\w+\.)?QPQConfigItem\[\]|(Readonly)?Array<(\w+\.)?QPQConfigItem>)$/;

export const noSpreadDefine = defineContract({
  meta: {
    id: 'no-spread-define',
    diagnosticCode: 990011,
    description: 'Put `define*` results into a config array as they are: never spread them.',
    rationale:
      "A service's config is an array of settings in which an element may itself be an array of settings, at any depth: the framework flattens nested config arrays when it reads the config. A `define*` helper that returns several settings therefore goes into the config as one element; `...defineX()` does the framework's work by hand and hides where a group of settings begins. The framework's convention is to never spread `define*` results.",
    type: 'suggestion',
    recommended: 'warn',
    fixable: true,
    hasSuggestions: true,
    typeAware: true,
    behaviourWithoutTypes:
      "Without types, a spread `define*` call is reported where the array is declared a config (`QPQConfig`, `QPQConfigItem[]`) as the type of a variable, of the function that returns the array or in an `as`/`satisfies`, with a fix that drops the `...`; and, with a suggestion only (the array's inferred type changes), in an array exported as the module's default or returned by an unannotated `define*` function. Arrays nested in such an array count as it does. With types, the array's expected type decides: the spread is reported and fixed wherever an element of that type may be the `define*` result itself, as in an argument that takes a config; where the expected type is a flat list of settings, the spread is needed and is left alone.",
    readsOtherFiles: 'with-types',
    messages,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  examples: {
    valid: [
      {
        note: 'A group of settings as one element of the config.',
        code: dedent`
          export const todoConfig: QPQConfig = [
            defineApplicationModule('todo-app', 'todo', 'dev', __dirname, '/dist'),
            defineTodoRoutes(),
          ];
        `,
      },
      {
        note: 'A local list that is read as a flat list of settings, not a config.',
        code: dedent`
          const routes = [...defineCrudRoutes('todos'), ...defineCrudRoutes('users')];
          export const paths = routes.map((route) => route.path);
        `,
      },
    ],
    invalid: [
      {
        note: 'Spread into a declared config, and into the config a helper returns, nested arrays included; the fix drops the `...`.',
        code: dedent`
          export const todoConfig: QPQConfig = [
            ...defineApplicationModule('todo-app', 'todo', 'dev', __dirname, '/dist'),
            ...defineTodoRoutes(),
            defineQueue('jobs', { job: '/queue/jobs::onJob' }),
          ];
          export function buildServiceConfig(settings: QPQConfigItem[]): QPQConfig {
            return [...defineApplicationModule('todo-app', 'todo', 'dev', __dirname, '/dist'), ...settings, [...defineCrudRoutes('todos')]];
          }
        `,
        output: dedent`
          export const todoConfig: QPQConfig = [
            defineApplicationModule('todo-app', 'todo', 'dev', __dirname, '/dist'),
            defineTodoRoutes(),
            defineQueue('jobs', { job: '/queue/jobs::onJob' }),
          ];
          export function buildServiceConfig(settings: QPQConfigItem[]): QPQConfig {
            return [defineApplicationModule('todo-app', 'todo', 'dev', __dirname, '/dist'), ...settings, [defineCrudRoutes('todos')]];
          }
        `,
        findings: [
          { messageId: 'spreadDefine', line: 2, column: 3 },
          { messageId: 'spreadDefine', line: 3, column: 3 },
          { messageId: 'spreadDefine', line: 7, column: 11 },
          { messageId: 'spreadDefine', line: 7, column: 100 },
        ],
      },
      {
        note: "A service's default export is its config, but the array's inferred type would change: a suggestion.",
        code: dedent`
          export default [...defineTodoService('todo', __dirname), defineDevServerOptions({ port: 3084 })];
        `,
        findings: [
          {
            messageId: 'spreadDefine',
            line: 1,
            column: 17,
            suggestions: [
              {
                description: 'Drop the spread',
                output: dedent`
                  export default [defineTodoService('todo', __dirname), defineDevServerOptions({ port: 3084 })];
                `,
              },
            ],
          },
        ],
      },
      {
        note: 'With types, an argument that takes a config is one too.',
        code: dedent`
          import { defineQueue, QPQConfigItem } from 'quidproquo-core';

          declare function buildServiceConfig(settings: QPQConfigItem[]): QPQConfigItem[];
          declare function defineJobQueues(): QPQConfigItem[];

          export const config = buildServiceConfig([...defineJobQueues(), defineQueue('mail', { send: '/queue/mail::onSend' })]);
        `,
        output: dedent`
          import { defineQueue, QPQConfigItem } from 'quidproquo-core';

          declare function buildServiceConfig(settings: QPQConfigItem[]): QPQConfigItem[];
          declare function defineJobQueues(): QPQConfigItem[];

          export const config = buildServiceConfig([defineJobQueues(), defineQueue('mail', { send: '/queue/mail::onSend' })]);
        `,
        typed: true,
        findings: [{ messageId: 'spreadDefine', line: 6, column: 43 }],
      },
    ],
  },

  check(context) {
    const tsm = context.ts;
    // Cheap gate: a spread and a define* name in the text (the name may follow a namespace or a
    // parenthesis: `...qpq.defineRoute()`, `...(defineRoute())`).
    const text = context.sourceFile.text;
    if (!text.includes('...') || !/define[A-Z0-9_]/.test(text)) return;
    for (const { node: spread } of context.index.nodes<ts.SpreadElement>(tsm.SyntaxKind.SpreadElement)) {
      if (!tsm.isArrayLiteralExpression(spread.parent)) continue;
      const call = skipTransparentWrappers(tsm, spread.expression);
      if (!tsm.isCallExpression(call)) continue;
      const callee = skipTransparentWrappers(tsm, call.expression);
      const name = calleeName(tsm, callee);
      if (!name || !DEFINE_NAME.test(name)) continue;

      const verdict = configArrayVerdict(context, spread.parent, call);
      if (verdict === 'no') continue;
      const fix: Fix = {
        description: 'Drop the spread',
        edits: [{ start: spread.getStart(context.sourceFile), end: spread.expression.getStart(context.sourceFile), newText: '' }],
      };
      const data = { name: call.expression.getText(context.sourceFile) };
      if (verdict === 'fix') context.report('spreadDefine', spread, data, fix);
      else context.report('spreadDefine', spread, data, undefined, [fix]);
    }
  },
});

/**
 * Whether an array is a config, and so takes the `define*` result as an element: `fix` when its
 * expected type says so (by the checker, or as written), `suggest` when only its place says so
 * and dropping the spread would change the type inferred for it, `no` otherwise.
 */
function configArrayVerdict(
  context: ContractContext<Options, MessageId>,
  array: ts.ArrayLiteralExpression,
  call: ts.CallExpression,
): 'fix' | 'suggest' | 'no' {
  const checker = context.checker;
  if (checker && typeof checker.isTypeAssignableTo === 'function') {
    const expected = checker.getContextualType(array);
    if (expected) return acceptsAsElement(context, expected, checker.getTypeAtLocation(call)) ? 'fix' : 'no';
  }
  return placeVerdict(context, array);
}

/** Whether an element of the expected array type may be the value itself. */
function acceptsAsElement(context: ContractContext<Options, MessageId>, expected: ts.Type, value: ts.Type): boolean {
  const checker = context.checker!;
  const { TypeFlags, IndexKind } = context.ts;
  const parts = expected.isUnion() ? expected.types : [expected];
  return parts.some((part) => {
    if (part.flags & TypeFlags.Any) return true;
    if (part.flags & (TypeFlags.Undefined | TypeFlags.Null)) return false;
    const element = checker.getIndexTypeOfType(part, IndexKind.Number);
    return element !== undefined && checker.isTypeAssignableTo(value, element);
  });
}

/** The same question from the syntax: where the outermost array literal goes, and what type is written there. */
function placeVerdict(context: ContractContext<Options, MessageId>, array: ts.ArrayLiteralExpression): 'fix' | 'suggest' | 'no' {
  const tsm = context.ts;
  const { sourceFile } = context;
  const isConfigType = (type: ts.TypeNode | undefined) =>
    type !== undefined && CONFIG_TYPE.test(type.getText(sourceFile).replace(/\s+/g, ' '));
  let outer: ts.Node = array;
  for (;;) {
    const parent: ts.Node = outer.parent;
    if (tsm.isArrayLiteralExpression(parent)) outer = parent;
    else if (tsm.isAsExpression(parent) || tsm.isSatisfiesExpression(parent)) {
      if (isConfigType(parent.type)) return 'fix';
      outer = parent;
    } else if (isTransparentWrapper(tsm, parent)) outer = parent;
    else break;
  }
  const parent = outer.parent;
  if (tsm.isVariableDeclaration(parent) && parent.initializer === outer) return isConfigType(parent.type) ? 'fix' : 'no';
  if (tsm.isExportAssignment(parent) && !parent.isExportEquals) return 'suggest';
  const fn = tsm.isReturnStatement(parent)
    ? enclosingFunction(tsm, parent)
    : tsm.isArrowFunction(parent) && parent.body === outer
      ? parent
      : undefined;
  if (!fn) return 'no';
  if (fn.type) return isConfigType(fn.type) ? 'fix' : 'no';
  const name = functionNameOf(tsm, fn)?.text;
  return name !== undefined && DEFINE_NAME.test(name) ? 'suggest' : 'no';
}

function enclosingFunction(tsm: typeof ts, node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) if (tsm.isFunctionLike(current)) return current;
  return undefined;
}
