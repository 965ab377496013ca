import type * as ts from 'typescript';

import { defineContract } from '../define-contract';
import { dedent } from '../engine/dedent';
import { fileMayHoldGenerators } from '../engine/file-index';
import { routeKey, runtimeReferences } from '../engine/route-bindings';
import { ASK_NAME } from '../engine/story-recognition';
import { functionNameOf } from '../engine/syntax';
import type { ContractContext } from '../types';

interface Options {
  /** Exported functions that return stories must be named `ask*` (entry points named by the config excepted). */
  requireAskPrefix: boolean;
}

/** An `ask` name as a declaration writes it: before `=`, `:`, `(` or `<`, maybe after a quote, comment, `?` or `!`. */
const DECLARES_ASK_NAME = /\bask[A-Z0-9_][\w$\\\u00a0-\uffff]*['"]?\s*[=:(<\/?!]/;

const messages = {
  notGenerator:
    '`{{name}}` has the story prefix `ask` but is not a generator: callers will delegate to it with `yield*`. Make it a generator, or rename it.',
  notAStory: '`{{name}}` has the story prefix `ask` but its declared return type is not a story (a generator whose yields are actions).',
  missingPrefix: '`{{name}}` returns a story: name it `ask{{capitalized}}` so callers see that it must be delegated with `yield*`.',
};

type MessageId = keyof typeof messages;

export const askPrefixGeneratorOnly = defineContract({
  meta: {
    id: 'ask-prefix-generator-only',
    diagnosticCode: 990005,
    description: 'Reserve the `ask` prefix for stories: a function named `ask*` must be a generator.',
    rationale:
      "qpq names every story and action requester `ask*`, the way React reserves `use*` for hooks: the name tells the caller to delegate with `yield* askX()`. A plain function with that name is called like a story and silently misbehaves (`yield*` of a promise or a value), and `qpq/require-yield-star` relies on the name when there is no type information. This is the framework's own `ask-prefix-generator-only` rule, extended with types and an optional check the other way round.",
    type: 'problem',
    recommended: 'error',
    fixable: false,
    hasSuggestions: false,
    typeAware: true,
    behaviourWithoutTypes:
      'Function literals named `ask*` (declarations, function and arrow expressions bound to a name, object and class methods, class properties, assignments) must be generators; aliases (`const askLog = askLogTemplate`) and factory results (`createActionRequester(...)`) are not function literals and are fine. With type information, a generator named `ask*` whose declared return type is not a story is reported too, and with `requireAskPrefix` the config files of the whole program decide which entry points are exempt.',
    readsOtherFiles: 'with-types',
    messages,
    schema: {
      type: 'object',
      properties: {
        requireAskPrefix: {
          type: 'boolean',
          description:
            'Also report exported generators that return stories without the `ask` prefix, except route stories taking an `HTTPEvent` and (with type information) entry points that the config names.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { requireAskPrefix: false },
  },

  examples: {
    valid: [
      {
        note: 'Stories, in every form a story is written.',
        code: dedent`
          function* askDateNow() {
            return yield { type: 'Date::Now' };
          }
          const logic = { *askLogin(user: string) { return yield* askAuth(user); } };
          export const askFoo = function* () {
            return yield* askBar();
          };
        `,
      },
      {
        note: 'Aliases and factory results are not function literals.',
        code: dedent`
          const askLog = askLogTemplate;
          export const askNow = createActionRequester<string>()({ actionType: 'Date::Now' });
        `,
      },
      {
        note: 'Names that only start with "ask".',
        code: dedent`
          const askew = () => 1;
          const ask = () => 2;
          const asker = () => 3;
        `,
      },
      {
        note: "With types, a type parameter is judged by its constraint: a generator yielding `Action<P> & { type: TType }` yields actions, as a requester factory's does.",
        code: dedent`
          import { Action } from 'quidproquo-core';

          export function createRequester<TType extends string, P>(actionType: TType) {
            return function* askAction(payload: P): Generator<Action<P> & { type: TType }, string, string> {
              return yield { type: actionType, payload };
            };
          }
        `,
        typed: true,
      },
    ],
    invalid: [
      {
        note: 'Every form of function literal that is not a generator.',
        code: dedent`
          function askDateNow() {
            return new Date();
          }
          const askThing = () => {};
          const logic = { askLogin: (user: string) => auth(user) };
          class AuthLogic {
            askLogout() {}
          }
          obj.askOther = function () {};
        `,
        findings: [
          { messageId: 'notGenerator', line: 1, column: 10 },
          { messageId: 'notGenerator', line: 4, column: 7 },
          { messageId: 'notGenerator', line: 5, column: 17 },
          { messageId: 'notGenerator', line: 7, column: 3 },
          { messageId: 'notGenerator', line: 9, column: 5 },
        ],
      },
      {
        note: 'With types, a generator named `ask*` must also yield actions.',
        code: dedent`
          export function* askRange(count: number): Generator<number, void, unknown> {
            for (let i = 0; i < count; i++) yield i;
          }
        `,
        typed: true,
        findings: [{ messageId: 'notAStory', line: 1, column: 18 }],
      },
      {
        note: 'With `requireAskPrefix`, exported stories without the prefix are reported, route entry points excepted.',
        code: dedent`
          import { HTTPEvent } from 'quidproquo-webserver';

          export function* loadTodos() {
            return yield* askLoad();
          }
          export function* getTodos(event: HTTPEvent) {
            return yield* askLoad();
          }
        `,
        options: { requireAskPrefix: true },
        findings: [{ messageId: 'missingPrefix', line: 3, column: 18 }],
      },
    ],
  },

  check(context) {
    const tsm = context.ts;
    const report = (messageId: keyof typeof messages, name: ts.Node, text: string) =>
      context.report(messageId, name, { name: text, capitalized: text.charAt(0).toUpperCase() + text.slice(1) });

    // Cheap gates: a function's declaration follows its name with `=`, `:`, `(` or `<` (a quote,
    // a comment, `?` or `!` may come between): without such an `ask` name there is none to judge.
    // With `requireAskPrefix`, a file's generators are judged too.
    const sourceFile = context.sourceFile;
    if (!DECLARES_ASK_NAME.test(sourceFile.text) && !(context.options.requireAskPrefix && fileMayHoldGenerators(tsm, sourceFile))) return;
    for (const { node } of context.index.functions) {
      // Overloads and ambient declarations have no body: only implementations are judged.
      if (!isFunctionLiteral(tsm, node) || !(node as ts.FunctionLikeDeclarationBase).body) continue;
      const named = functionNameOf(tsm, node);
      if (!named) continue;
      const isGenerator = (node as ts.FunctionLikeDeclarationBase).asteriskToken !== undefined;
      if (ASK_NAME.test(named.text)) {
        if (!isGenerator) report('notGenerator', named.node, named.text);
        else if (
          (node as ts.SignatureDeclaration).type &&
          context.stories.verdictOfFunction(node as ts.SignatureDeclaration) === 'not-story'
        ) {
          report('notAStory', named.node, named.text);
        }
      } else if (
        context.options.requireAskPrefix &&
        isGenerator &&
        isExported(tsm, node) &&
        returnsStory(context, node) &&
        !isEntryPoint(context, node, named.text)
      ) {
        report('missingPrefix', named.node, named.text);
      }
    }
  },
});

function isFunctionLiteral(tsm: typeof ts, node: ts.Node): boolean {
  return tsm.isFunctionDeclaration(node) || tsm.isFunctionExpression(node) || tsm.isArrowFunction(node) || tsm.isMethodDeclaration(node);
}

function isExported(tsm: typeof ts, fn: ts.Node): boolean {
  const hasExport = (node: ts.Node) =>
    tsm.canHaveModifiers(node) && (tsm.getModifiers(node)?.some((m) => m.kind === tsm.SyntaxKind.ExportKeyword) ?? false);
  if (tsm.isFunctionDeclaration(fn)) return hasExport(fn);
  const declaration = fn.parent;
  return tsm.isVariableDeclaration(declaration) && hasExport(declaration.parent.parent);
}

function returnsStory(context: ContractContext<Options, MessageId>, fn: ts.Node): boolean {
  return context.stories.verdictOfFunction(fn as ts.SignatureDeclaration) !== 'not-story';
}

/** A route story by its signature (it takes an `HTTPEvent`), or (with a program) named by the config. */
function isEntryPoint(context: ContractContext<Options, MessageId>, fn: ts.Node, name: string): boolean {
  const tsm = context.ts;
  const first = (fn as ts.SignatureDeclaration).parameters[0];
  if (first?.type !== undefined && tsm.isTypeReferenceNode(first.type) && first.type.typeName.getText(context.sourceFile) === 'HTTPEvent')
    return true;
  return context.program !== undefined && runtimeReferences(tsm, context.program).all.has(routeKey(context.sourceFile.fileName, name));
}
