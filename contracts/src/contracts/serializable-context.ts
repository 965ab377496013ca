import type * as ts from 'typescript';

import { defineContract } from '../define-contract';
import { calleeName } from '../engine/callee-symbol';
import { dedent } from '../engine/dedent';
import { findNotSerializable, findNotSerializableLiteral, type NotSerializable } from '../engine/serializable';
import { returnedExpressions, skipTransparentWrappers } from '../engine/syntax';
import type { ContractContext } from '../types';

type Options = Record<string, never>;

const messages = {
  notSerializable:
    "A context value must be plain data, but {{subject}} is {{what}}: context values travel with the story's actions and are serialized with them. Pass capabilities to the story's factory instead.",
};

type MessageId = keyof typeof messages;

/** The framework's calls that put a value on a story context, and which argument holds the value. */
const CONTEXT_VALUE_CALLS: Record<string, { value: number; mapper?: boolean }> = {
  createContextIdentifier: { value: 1 },
  createLocalContextIdentifier: { value: 1 },
  askContextProvideValue: { value: 1 },
  createContextProvider: { value: 1, mapper: true },
};

export const serializableContext = defineContract({
  meta: {
    id: 'serializable-context',
    diagnosticCode: 990013,
    description: 'Keep context values serializable: no functions, class instances, `Map`, `Set`, symbols or bigints, at any depth.',
    rationale:
      "A value put on a story context (`createContextIdentifier`'s default, `askContextProvideValue`, `createContextProvider`'s value) is carried on the actions the story yields: the runtime adds it to each action's `context`, the identifier with its default rides in every context read, and the story log records and replays them. What JSON does not carry (a function, a `Map`, a class instance, a `Date`) is lost or changed on the way, across a service boundary, and in a replay. `createLocalContextIdentifier` only keeps a value from crossing a service boundary: the framework's convention is that no context holds functions at all, and capabilities go in as parameters of a story factory.",
    type: 'problem',
    recommended: 'error',
    fixable: false,
    hasSuggestions: false,
    typeAware: true,
    behaviourWithoutTypes:
      "Without types, the value as written is checked: a function, method, class or `new` expression, `Symbol(...)` or bigint, as the value or inside its object and array literals (for `createContextProvider`, what the value mapper returns). With types, the type of the value is checked all the way down, including what variables and calls hold, and an explicit type argument of `createContextIdentifier<T>` is checked as the context's type; `any` and `unknown` pass.",
    readsOtherFiles: 'with-types',
    messages,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  examples: {
    valid: [
      {
        note: 'Plain data, also in a local context.',
        code: dedent`
          export const tenantContext = createContextIdentifier('tenant', { tenantId: '', roles: [] as string[] });
          export const storeContext = createLocalContextIdentifier<{ storeName: string } | null>('todo-store', null);

          export function* askWithTenant<R>(tenantId: string, story: AskResponse<R>) {
            return yield* askContextProvideValue(tenantContext, { tenantId, roles: ['admin'] }, story);
          }
        `,
      },
      {
        note: 'A capability is a parameter of the story factory, not a context value.',
        code: dedent`
          export function createAskTodoTitle(askLoadTodo: (id: string) => AskResponse<Todo>) {
            return function* askTodoTitle(id: string) {
              const todo = yield* askLoadTodo(id);
              return todo.title;
            };
          }
        `,
      },
    ],
    invalid: [
      {
        note: 'Functions, methods and class instances, in an identifier, a provided value and a provider.',
        code: dedent`
          export const notifierContext = createContextIdentifier('notifier', { send: (text: string) => console.log(text) });
          export const cacheContext = createLocalContextIdentifier('todo-cache', new Map<string, string>());

          export function* askWithClock<R>(story: AskResponse<R>) {
            return yield* askContextProvideValue(clockContext, { now() { return Date.now(); } }, story);
          }
          export const askProvideUser = createContextProvider(userContext, (name: string) => ({ name, greet: () => \`hi \${name}\` }));
        `,
        findings: [
          { messageId: 'notSerializable', line: 1, column: 68 },
          { messageId: 'notSerializable', line: 2, column: 72 },
          { messageId: 'notSerializable', line: 5, column: 54 },
          { messageId: 'notSerializable', line: 7, column: 66 },
        ],
      },
      {
        note: 'A value mapper with a block body: what each of its returns gives is checked.',
        code: dedent`
          export const askProvideSession = createContextProvider(sessionContext, (id: string) => {
            if (!id) {
              return { id: 'anonymous', startedAt: 0 };
            }
            return { id, startedAt: 0, close: () => undefined };
          });
        `,
        findings: [{ messageId: 'notSerializable', line: 1, column: 72 }],
      },
      {
        note: "With types, the value's type is checked all the way down, and an explicit type argument is the context's type.",
        code: dedent`
          import { createContextIdentifier } from 'quidproquo-core';

          interface TodoStore {
            storeName: string;
            load(id: string): Promise<string>;
          }
          export const storeContext = createContextIdentifier<TodoStore | null>('todo-store', null);

          class Session {
            constructor(readonly userId: string) {}
          }
          const anonymous = { session: new Session('anonymous'), since: new Date(0) };
          export const sessionContext = createContextIdentifier('session', anonymous);
        `,
        typed: true,
        findings: [
          { messageId: 'notSerializable', line: 7, column: 53 },
          { messageId: 'notSerializable', line: 13, column: 66 },
        ],
      },
    ],
  },

  check(context) {
    const tsm = context.ts;
    if (!/Context(Identifier|ProvideValue|Provider)/.test(context.sourceFile.text)) return;
    for (const { node: call } of context.index.nodes<ts.CallExpression>(tsm.SyntaxKind.CallExpression)) {
      const callee = skipTransparentWrappers(tsm, call.expression);
      const name = calleeName(tsm, callee);
      const site = name !== undefined ? CONTEXT_VALUE_CALLS[name] : undefined;
      const value = site && call.arguments[site.value];
      if (!site || !value) continue;
      const found = site.mapper ? checkMapper(context, value) : checkValue(context, call, value);
      if (found) context.report('notSerializable', found.at, { subject: subjectOf(found.problem.path), what: found.problem.what });
    }
  },
});

interface Found {
  problem: NotSerializable;
  at: ts.Node;
}

/** A context's value: its explicit type argument when there is one, else the value passed. */
function checkValue(context: ContractContext<Options, MessageId>, call: ts.CallExpression, value: ts.Expression): Found | undefined {
  const { checker } = context;
  const typeArgument = call.typeArguments?.[0];
  if (checker) {
    const type = typeArgument ? checker.getTypeFromTypeNode(typeArgument) : checker.getTypeAtLocation(value);
    const problem = findNotSerializable(context.ts, checker, type);
    return problem && { problem, at: typeArgument ?? value };
  }
  const problem = findNotSerializableLiteral(context.ts, value);
  return problem && { problem, at: value };
}

/** What a provider's value mapper returns: its result type, or without types the expressions it returns. */
function checkMapper(context: ContractContext<Options, MessageId>, mapper: ts.Expression): Found | undefined {
  const tsm = context.ts;
  const { checker } = context;
  if (checker) {
    for (const signature of checker.getTypeAtLocation(mapper).getCallSignatures()) {
      const problem = findNotSerializable(tsm, checker, signature.getReturnType());
      if (problem) return { problem, at: mapper };
    }
    return undefined;
  }
  const fn = skipTransparentWrappers(tsm, mapper);
  if (!tsm.isArrowFunction(fn) && !tsm.isFunctionExpression(fn)) return undefined;
  for (const expression of returnedExpressions(tsm, fn)) {
    const problem = findNotSerializableLiteral(tsm, expression);
    if (problem) return { problem, at: mapper };
  }
  return undefined;
}

function subjectOf(path: string): string {
  return path === '' ? 'the value itself' : `\`${path.replace(/^\./, '')}\` in it`;
}
