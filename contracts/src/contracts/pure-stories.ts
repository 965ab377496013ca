import type * as ts from 'typescript';

import { defineContract } from '../define-contract';
import { calleeSymbolOf } from '../engine/callee-symbol';
import { dedent } from '../engine/dedent';
import { enclosingGenerator, isDirectlyIn, isInActionProcessor } from '../engine/enclosing';
import { fileMayHoldGenerators } from '../engine/file-index';
import { fileImports } from '../engine/imported-symbol';
import type { ContractContext, Fix } from '../types';

interface Options {
  /** Extra impure globals, as written: `Intl.DateTimeFormat`, `structuredClone`. */
  bannedGlobals: string[];
  /** Extra impure modules: `axios`, `node:dns`. */
  bannedModules: string[];
  /** Globals this project accepts in stories: `console.log`, `Math.random`. */
  allowedGlobals: string[];
  /** Modules this project accepts in stories. */
  allowedModules: string[];
}

/** An impure global, what to use instead, and the replacement when it is mechanical. */
interface Impurity {
  instead: string;
  /** `yield*` expression that replaces the whole call, when it means the same thing. */
  replacement?: string;
}

const CALLS: Record<string, Impurity> = {
  'Date.now': { instead: '`askGetCurrentEpochMs()`', replacement: 'askGetCurrentEpochMs()' },
  Date: { instead: '`askDateNow()`' },
  'performance.now': { instead: '`askGetCurrentEpochMs()`' },
  'Math.random': { instead: '`askRandomNumber()`', replacement: 'askRandomNumber()' },
  'crypto.randomUUID': { instead: '`askNewGuid()`', replacement: 'askNewGuid()' },
  'crypto.getRandomValues': { instead: '`askRandomNumber()`' },
  fetch: { instead: '`askNetworkRequest(method, url, options)`' },
  setTimeout: { instead: '`askDelay(ms)`' },
  setInterval: { instead: '`askDelay(ms)` in a loop' },
  setImmediate: { instead: '`askDelay(0)`' },
};
const CONSOLE: Impurity = { instead: '`askLogCreate(level, message, data)`' };
const NEW_DATE: Impurity = { instead: '`askDateNow()`', replacement: 'askDateNow()' };
const XHR: Impurity = { instead: '`askNetworkRequest(method, url, options)`' };
const ENV: Impurity = { instead: '`askConfigGetParameter(name)` or `askConfigGetGlobal(name)`' };
/** Node built-ins whose calls reach the outside world. */
const NODE_MODULES = [
  'fs',
  'fs/promises',
  'http',
  'https',
  'http2',
  'net',
  'dgram',
  'dns',
  'child_process',
  'os',
  'worker_threads',
  'cluster',
  'readline',
  'crypto',
];

/** Per program version: the Node built-in module a symbol is declared in, if any. */
const nodeModuleOfSymbol = new WeakMap<ts.TypeChecker, Map<ts.Symbol, string | undefined>>();

const defaultOptions: Options = { bannedGlobals: [], bannedModules: [], allowedGlobals: [], allowedModules: [] };

const messages = {
  impureCall: '`{{what}}` happens outside the story log, so replaying the log gives another run: use {{instead}}.',
  awaitInStory:
    '`await` in a story is invisible to the runtime and to replay: make the asynchronous work an action and `yield*` its requester.',
  nodeBuiltin: '`{{what}}` reaches the outside world through `{{module}}`, outside the story log: do it with a qpq action ({{instead}}).',
};

type MessageId = keyof typeof messages;

export const pureStories = defineContract({
  meta: {
    id: 'pure-stories',
    diagnosticCode: 990007,
    description: 'Keep stories deterministic: time, randomness, I/O and configuration go through actions.',
    rationale:
      'qpq records every action a story yields and its result, and can replay a story from that log. Replay is only correct if everything impure goes through actions: a clock read, a random number, a network call, an environment variable or a log line made directly in the story gives another value, or another effect, on replay. The framework has an action for each of them.',
    type: 'problem',
    recommended: 'error',
    fixable: false,
    hasSuggestions: true,
    typeAware: true,
    behaviourWithoutTypes:
      "Every generator counts as a story, code in callbacks inside it included (they run when the story runs), except generators inside action processors (an argument of `createActionProcessor`, or a function or variable declared `ProcessorFor<…>` / `ActionProcessor<…>`): that is runtime code, whose job is the impure work. Node built-ins are recognised by their imports (`fs`, `node:fs`, `child_process`, ...). With type information a generator whose yields are not the framework's actions (an `AsyncIterableIterator<string>`, a `Generator<number>`) is not a story and is left alone, and calls into Node built-ins are also recognised by where the called function is declared, through re-exports and wrappers modules.",
    readsOtherFiles: 'with-types',
    messages,
    schema: {
      type: 'object',
      properties: {
        bannedGlobals: {
          type: 'array',
          items: { type: 'string' },
          description: 'More globals to report, as written (`Intl.DateTimeFormat`).',
        },
        bannedModules: {
          type: 'array',
          items: { type: 'string' },
          description: 'More modules whose imports may not be called in stories.',
        },
        allowedGlobals: { type: 'array', items: { type: 'string' }, description: 'Globals to accept in stories (`console.log`).' },
        allowedModules: { type: 'array', items: { type: 'string' }, description: 'Modules to accept in stories.' },
      },
      additionalProperties: false,
    },
    defaultOptions,
  },

  examples: {
    valid: [
      {
        note: 'Time, randomness and logging through actions.',
        code: dedent`
          function* story() {
            const now = yield* askGetCurrentEpochMs();
            const roll = yield* askRandomNumber();
            yield* askLogCreate(LogLevelEnum.Info, 'rolled', { now, roll });
          }
        `,
      },
      {
        note: 'Outside stories, plain code may be impure.',
        code: dedent`
          export function startedAt(): number {
            console.log('starting');
            return Date.now();
          }
        `,
      },
      {
        note: 'Allowed by option.',
        code: dedent`
          function* story() {
            console.debug('tracing');
          }
        `,
        options: { allowedGlobals: ['console.debug'] },
      },
      {
        note: 'An action processor is runtime code: a generator inside it streams the real work, and may await and log.',
        code: dedent`
          const getProcessStream = (config: unknown): ProcessorFor<typeof askStream> => async (payload) => {
            async function* chunks() {
              for await (const part of openStream(payload)) yield String(part);
              console.log('stream done', Date.now());
            }
            return actionResult(chunks());
          };
        `,
      },
      {
        note: 'With types, a generator whose yields are not actions is no story.',
        code: dedent`
          export async function* lines(source: AsyncIterable<string>): AsyncIterableIterator<string> {
            for await (const chunk of source) {
              console.log('chunk', chunk.length);
              yield chunk;
            }
          }
        `,
        typed: true,
      },
    ],
    invalid: [
      {
        note: 'Clock, randomness and guids: each suggestion asks the runtime instead.',
        code: dedent`
          function* story() {
            const started = Date.now();
            const id = crypto.randomUUID();
            const when = new Date();
          }
        `,
        findings: [
          {
            messageId: 'impureCall',
            line: 2,
            column: 19,
            suggestions: [
              {
                description: 'Use askGetCurrentEpochMs()',
                output: dedent`
                  function* story() {
                    const started = yield* askGetCurrentEpochMs();
                    const id = crypto.randomUUID();
                    const when = new Date();
                  }
                `,
              },
            ],
          },
          {
            messageId: 'impureCall',
            line: 3,
            column: 14,
            suggestions: [
              {
                description: 'Use askNewGuid()',
                output: dedent`
                  function* story() {
                    const started = Date.now();
                    const id = yield* askNewGuid();
                    const when = new Date();
                  }
                `,
              },
            ],
          },
          {
            messageId: 'impureCall',
            line: 4,
            column: 16,
            suggestions: [
              {
                description: 'Use askDateNow()',
                output: dedent`
                  function* story() {
                    const started = Date.now();
                    const id = crypto.randomUUID();
                    const when = new Date(yield* askDateNow());
                  }
                `,
              },
            ],
          },
        ],
      },
      {
        note: 'I/O, timers, configuration and logging, also in callbacks that run with the story.',
        code: dedent`
          import { readFileSync } from 'node:fs';

          async function* story(ids: string[]) {
            const text = readFileSync('data/todos.json', 'utf8');
            const region = process.env.REGION;
            ids.forEach((id) => console.log(id));
            await fetch('https://example.com');
          }
        `,
        findings: [
          { messageId: 'nodeBuiltin', line: 4, column: 16 },
          { messageId: 'impureCall', line: 5, column: 18 },
          { messageId: 'impureCall', line: 6, column: 23 },
          { messageId: 'awaitInStory', line: 7, column: 3 },
          { messageId: 'impureCall', line: 7, column: 9 },
        ],
      },
      {
        note: 'More globals banned by option.',
        code: dedent`
          function* story() {
            const formatted = new Intl.DateTimeFormat().format();
          }
        `,
        options: { bannedGlobals: ['Intl.DateTimeFormat'] },
        findings: [{ messageId: 'impureCall', line: 2, column: 21 }],
      },
    ],
  },

  check(context) {
    new PurityCheck(context).run();
  },
});

/** The options as sets, made once per options object rather than once per file. */
interface Policy {
  allowedGlobals: Set<string>;
  bannedGlobals: Set<string>;
  bannedModules: Set<string>;
  /** The first name of every call that can be impure by its name alone: `Date` of `Date.now`, `console`. */
  impureRoots: Set<string>;
}

const policies = new WeakMap<Options, Policy>();

function policyOf(options: Options): Policy {
  let policy = policies.get(options);
  if (!policy) {
    const bannedModules = new Set([...NODE_MODULES, ...NODE_MODULES.map((m) => `node:${m}`), ...options.bannedModules]);
    for (const m of options.allowedModules) bannedModules.delete(m);
    const rootOf = (name: string) => name.split('.')[0];
    policy = {
      allowedGlobals: new Set(options.allowedGlobals),
      bannedGlobals: new Set(options.bannedGlobals),
      bannedModules,
      impureRoots: new Set(['console', ...Object.keys(CALLS).map(rootOf), ...options.bannedGlobals.map(rootOf)]),
    };
    policies.set(options, policy);
  }
  return policy;
}

class PurityCheck {
  private readonly policy: Policy;
  private readonly moduleOfLocal = new Map<string, string>();
  /** Every name the file imports: only these can lead to a Node built-in. */
  private readonly importedNames = new Set<string>();

  constructor(private readonly context: ContractContext<Options, MessageId>) {
    this.policy = policyOf(context.options);
  }

  run(): void {
    const { index } = this.context;
    const tsm = this.context.ts;
    const SK = tsm.SyntaxKind;
    if (!fileMayHoldGenerators(tsm, this.context.sourceFile) || index.generators.length === 0) return;
    this.readImports();
    for (const { node } of index.nodes<ts.CallExpression>(SK.CallExpression)) this.checkCall(node);
    for (const { node } of index.nodes<ts.NewExpression>(SK.NewExpression)) this.checkNew(node);
    for (const { node } of index.envReads)
      if (this.context.ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node) this.checkEnv(node.parent);
    for (const { node } of index.nodes<ts.AwaitExpression>(SK.AwaitExpression)) this.checkAwait(node);
  }

  /** Local names bound to impure modules: `import fs from 'fs'`, `import { readFileSync } from 'node:fs'`. */
  private readImports(): void {
    for (const [local, { specifier, typeOnly }] of fileImports(this.context.ts, this.context.sourceFile)) {
      const module = specifier.text;
      // The framework's own packages never reach Node built-ins directly.
      if (/^(quidproquo|@quidproquo\/)/.test(module)) continue;
      this.importedNames.add(local);
      if (!typeOnly && this.policy.bannedModules.has(module)) this.moduleOfLocal.set(local, module);
    }
  }

  private inStory(node: ts.Node): ts.SignatureDeclaration | undefined {
    const generator = enclosingGenerator(this.context.ts, node);
    // Code in an action processor is the runtime's own: it does the impure work stories ask for.
    if (!generator || isInActionProcessor(this.context.ts, generator)) return undefined;
    // With types, a generator of plain values is not a story.
    return this.context.stories.verdictOfFunction(generator) === 'not-story' ? undefined : generator;
  }

  private checkCall(call: ts.CallExpression): void {
    const tsm = this.context.ts;
    // Most calls start with a name that is neither a known impure global nor imported: no
    // dotted name is built for them.
    const root = rootName(tsm, call.expression);
    if (root === undefined || (!this.policy.impureRoots.has(root) && !this.importedNames.has(root))) return;
    const name = dottedName(tsm, call.expression);
    if (name === undefined) return;
    const impurity = this.impurityOf(name);
    if (impurity) {
      const story = this.inStory(call);
      if (story) this.reportCall(call, name, impurity, story);
      return;
    }
    // Cheap before expensive: only a call through an imported name can reach a built-in, and
    // whether the generator is a story (which may infer its return type) is asked last.
    if (!this.importedNames.has(root) || !enclosingGenerator(tsm, call)) return;
    const module = this.moduleOfLocal.get(root) ?? this.declaredInNodeBuiltin(call);
    if (module && this.inStory(call)) {
      this.report('nodeBuiltin', call, { what: `${name}()`, module, instead: '`askFileReadTextContents`, `askNetworkRequest`, ...' });
    }
  }

  private impurityOf(name: string): Impurity | undefined {
    if (this.policy.allowedGlobals.has(name)) return undefined;
    if (name.startsWith('console.')) return this.policy.allowedGlobals.has('console') ? undefined : CONSOLE;
    if (this.policy.bannedGlobals.has(name)) return { instead: 'a qpq action' };
    return Object.prototype.hasOwnProperty.call(CALLS, name) ? CALLS[name] : undefined;
  }

  private checkNew(expression: ts.NewExpression): void {
    const tsm = this.context.ts;
    const name = dottedName(tsm, expression.expression);
    if (name === undefined || this.policy.allowedGlobals.has(name)) return;
    let impurity: Impurity | undefined;
    if (name === 'Date' && (expression.arguments?.length ?? 0) === 0) impurity = NEW_DATE;
    else if (name === 'XMLHttpRequest') impurity = XHR;
    else if (this.policy.bannedGlobals.has(name)) impurity = { instead: 'a qpq action' };
    if (!impurity) return;
    const story = this.inStory(expression);
    if (!story) return;
    const { sourceFile } = this.context;
    let suggestion: Fix | undefined;
    if (impurity === NEW_DATE && isDirectlyIn(tsm, expression, story)) {
      // `new Date(iso)` keeps the Date the code expects, from the recorded time.
      suggestion = {
        description: 'Use askDateNow()',
        edits: [{ start: expression.getStart(sourceFile), end: expression.getEnd(), newText: 'new Date(yield* askDateNow())' }],
      };
    }
    this.report('impureCall', expression, { what: `new ${name}()`, instead: impurity.instead }, suggestion);
  }

  private checkEnv(access: ts.PropertyAccessExpression): void {
    const tsm = this.context.ts;
    const target = access.expression;
    if (!tsm.isPropertyAccessExpression(target) || !tsm.isIdentifier(target.expression)) return;
    if (target.expression.text !== 'process' || target.name.text !== 'env' || this.policy.allowedGlobals.has('process.env')) return;
    if (this.inStory(access)) this.report('impureCall', access, { what: `process.env.${access.name.text}`, instead: ENV.instead });
  }

  private checkAwait(expression: ts.AwaitExpression): void {
    const tsm = this.context.ts;
    const operand = expression.expression;
    // `await askX()` is require-yield-star's: a story awaited instead of delegated.
    if ((tsm.isCallExpression(operand) || tsm.isTaggedTemplateExpression(operand)) && this.context.stories.hasStoryName(operand)) return;
    const story = this.inStory(expression);
    if (story && isDirectlyIn(tsm, expression, story)) this.report('awaitInStory', expression, {});
  }

  private reportCall(call: ts.CallExpression, name: string, impurity: Impurity, story: ts.SignatureDeclaration): void {
    const tsm = this.context.ts;
    let suggestion: Fix | undefined;
    // `yield*` is only possible in the story's own body, not in a callback inside it.
    if (impurity.replacement && isDirectlyIn(tsm, call, story)) {
      const text = `yield* ${impurity.replacement}`;
      const needsParens = !isYieldSlot(tsm, call);
      suggestion = {
        description: `Use ${impurity.replacement}`,
        edits: [{ start: call.getStart(this.context.sourceFile), end: call.getEnd(), newText: needsParens ? `(${text})` : text }],
      };
    }
    this.report('impureCall', call, { what: `${name}()`, instead: impurity.instead }, suggestion);
  }

  /**
   * With types: a call whose function is declared in Node's own type declarations. Read from the
   * callee's symbol, once per symbol in the program, not by resolving each call.
   */
  private declaredInNodeBuiltin(call: ts.CallExpression): string | undefined {
    const { checker } = this.context;
    const tsm = this.context.ts;
    if (!checker) return undefined;
    const symbol = calleeSymbolOf(tsm, checker, call.expression);
    if (!symbol) return undefined;
    let byChecker = nodeModuleOfSymbol.get(checker);
    if (!byChecker) nodeModuleOfSymbol.set(checker, (byChecker = new Map()));
    if (!byChecker.has(symbol)) {
      const fileName = symbol.declarations?.[0]?.getSourceFile().fileName ?? '';
      const match = /\/@types\/node\/(?:ts[\d.]+\/)?([a-z_/]+)\.d\.ts$/.exec(fileName);
      byChecker.set(symbol, match && NODE_MODULES.includes(match[1]) ? match[1] : undefined);
    }
    const module = byChecker.get(symbol);
    return module === undefined || this.context.options.allowedModules.includes(module) ? undefined : module;
  }

  private report(messageId: keyof typeof messages, node: ts.Node, data: Record<string, string>, suggestion?: Fix): void {
    this.context.report(messageId, node, data, undefined, suggestion ? [suggestion] : undefined);
  }
}

/** `Math.random`, `console.log`, `fetch`: the callee as written, when it is a plain dotted name. */
/** `a` of `a.b.c`; undefined when the chain does not start with a name. */
function rootName(tsm: typeof ts, expression: ts.Expression): string | undefined {
  let current = expression;
  while (tsm.isPropertyAccessExpression(current)) current = current.expression;
  return tsm.isIdentifier(current) ? current.text : undefined;
}

function dottedName(tsm: typeof ts, expression: ts.Expression): string | undefined {
  if (tsm.isIdentifier(expression)) return expression.text;
  if (tsm.isPropertyAccessExpression(expression)) {
    const left = dottedName(tsm, expression.expression);
    return left === undefined ? undefined : `${left}.${expression.name.text}`;
  }
  return undefined;
}

/** Where a `yield*` expression may stand without parentheses. */
function isYieldSlot(tsm: typeof ts, node: ts.Expression): boolean {
  const parent = node.parent;
  return (
    (tsm.isVariableDeclaration(parent) && parent.initializer === node) ||
    tsm.isExpressionStatement(parent) ||
    tsm.isReturnStatement(parent) ||
    ((tsm.isCallExpression(parent) || tsm.isNewExpression(parent)) && parent.arguments?.includes(node) === true) ||
    (tsm.isPropertyAssignment(parent) && parent.initializer === node) ||
    tsm.isArrayLiteralExpression(parent)
  );
}
