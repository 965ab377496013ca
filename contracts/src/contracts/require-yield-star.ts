import type * as ts from 'typescript';

import { defineContract } from '../define-contract';
import { calleeName } from '../engine/callee-symbol';
import { dedent } from '../engine/dedent';
import { fileMayHoldGenerators, type StoryCallNode } from '../engine/file-index';
import { destinationOf, referencesTo, skipTransparentWrappers, snippet, yieldNeedsParens } from '../engine/syntax';
import type { ContractContext, Fix, TextEdit } from '../types';

interface Options {
  /** More stories that run the stories passed to them, by name: `askWithTenant`. */
  combinators: string[];
}

const messages = {
  missingYieldStar: '`{{callee}}(…)` only creates a story: nothing runs until it is delegated with `yield*`.',
  missingStar: '`yield {{callee}}` hands the story itself to the runtime as if it were an action: delegate with `yield*`.',
  awaitedStory: '`await {{callee}}` waits on a story object, not on its result: run the story with `yield*`.',
  notAStory:
    '`yield*` delegates to `{{operand}}`, which is not a story: each value it produces reaches the runtime as if it were an action.',
};

type MessageId = keyof typeof messages;

export const requireYieldStar = defineContract({
  meta: {
    id: 'require-yield-star',
    diagnosticCode: 990001,
    description: 'Require story calls inside generators to be delegated with `yield*`.',
    rationale:
      'Calling a story only creates a generator object: the runtime runs a story only when the calling story delegates to it with `yield*`. A bare call silently never runs, `yield askX()` hands the generator object to the runtime as if it were an action (no processor matches, the story fails at run time), and `await askX()` awaits something that is not a promise.',
    type: 'problem',
    recommended: 'error',
    fixable: true,
    hasSuggestions: false,
    typeAware: true,
    behaviourWithoutTypes:
      "Story calls are recognised by the `ask*` naming convention (`/^ask[A-Z0-9_]/`, also as a method: `todoLogic.askCreate()`), and only string literals are known not to be stories. A story call passed straight as an argument is composition, as the convention has it; a story kept in a variable is handed on only by `yield*` or by passing it to the framework's combinators (`askCatch`, `askRunParallel`, `askOverrideActions`, `askContextProvideValue`, `runStory`, `captureRequester`) or those of the `combinators` option. With type information a call is a story when it returns a generator whose yields are the framework's actions (`Action`, types extending or intersecting it, a type parameter judged by its constraint), whatever its name: entry stories such as `login(event)` are checked, a plain `function* range()` or a function returning an array is not. A story passed as an argument, directly or through a variable, is handed on only where the declared parameter takes a story; returned, only where the generator declares a story as its result. `yield*` of an array, a string or a generator of non-actions is reported. Where the framework's types do not resolve, the rule falls back to the convention.",
    readsOtherFiles: 'with-types',
    messages,
    schema: {
      type: 'object',
      properties: {
        combinators: {
          type: 'array',
          items: { type: 'string' },
          description:
            "Names of functions that run the stories passed to them, beside the framework's own (`askCatch`, `askRunParallel`, `askOverrideActions`, `askContextProvideValue`, `runStory`, `captureRequester`). Without type information, a story kept in a variable is handed on only to these; with it, the parameter's type decides.",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { combinators: [] as string[] },
  },

  examples: {
    valid: [
      {
        note: 'Delegated story calls, including methods of a logic object.',
        code: dedent`
          function* story() {
            const now = yield* askDateNow();
            return yield* todoLogic.askLoad(now);
          }
        `,
      },
      {
        note: 'A tagged-template story, delegated.',
        code: dedent`
          function* story() {
            yield* askLog\`saved \${'todo'}\`;
          }
        `,
      },
      {
        note: 'Story calls passed as arguments compose: the combinator runs them.',
        code: dedent`
          function* story() {
            const [a, b] = yield* askRunParallel([askRandomNumber(), askDateNow()]);
            return yield* askCatch(askSave({ inner: askLoad() }));
          }
        `,
      },
      {
        note: 'A story kept in a variable and later handed on runs.',
        code: dedent`
          function* story() {
            const load = askLoad();
            const result = yield* askCatch(load);
            return result;
          }
        `,
      },
      {
        note: "A project's own combinator, named in the `combinators` option, runs the stories kept in a variable and handed to it.",
        code: dedent`
          function* story(id: string) {
            const load = askLoad(id);
            return yield* askWithTenant(id, load);
          }
        `,
        options: { combinators: ['askWithTenant'] },
      },
      {
        note: 'Also when the variable holds a list of stories.',
        code: dedent`
          function* story() {
            const steps = [askA(), askB()];
            yield* askRunParallel(steps);
          }
        `,
      },
      {
        note: "With types, a call is a story only when it returns a generator of the framework's actions: an array of objects with a `type` is plain data.",
        code: dedent`
          import { AskResponse } from 'quidproquo-core';

          interface Part {
            type: 'text' | 'tool';
            text: string;
          }

          const mergeParts = (parts: Part[]): Part[] => parts.filter((p) => p.text !== '');

          export function* askRender(parts: Part[]): AskResponse<number> {
            const merged = mergeParts(parts);
            return merged.length;
          }
        `,
        typed: true,
      },
      {
        note: "With types, a parameter declared as a story (also through a type parameter's constraint, or a spread of one) runs the stories passed to it.",
        code: dedent`
          import { AskResponse, askDateNow, askNewGuid } from 'quidproquo-core';

          function* askBoth<T extends AskResponse<any>[]>(stories: [...T]): AskResponse<number> {
            for (const story of stories) yield* story;
            return stories.length;
          }

          export function* askTwice(): AskResponse<number> {
            const first = askNewGuid();
            return yield* askBoth([first, askDateNow()]);
          }
        `,
        typed: true,
      },
      {
        note: 'A callback is its own scope: it only creates the stories, which are then handed on.',
        code: dedent`
          function* story(items: string[]) {
            const stories = items.map((item) => askProcess(item));
            yield* askRunParallel(stories);
          }
        `,
      },
      {
        note: 'Outside any generator, creating a story to hand on (tests, wrappers) is legitimate.',
        code: dedent`
          const started = askDateNow();
          runStory(askLog\`outside any generator\`, {});
        `,
      },
      {
        note: 'Without type information only the ask* naming convention marks a story.',
        code: dedent`
          function* story() {
            const x = askew();
            const q = gql\`query { me }\`;
          }
        `,
      },
      {
        note: 'With types, a generator of numbers is not a story: spreading it is fine.',
        code: dedent`
          import { AskResponse, askDateNow } from 'quidproquo-core';

          function* range(n: number): Generator<number, void, unknown> {
            for (let i = 0; i < n; i++) yield i;
          }

          export function* story(): AskResponse<number> {
            const now = yield* askDateNow();
            const numbers = [...range(3)];
            return numbers.length + now.length;
          }
        `,
        typed: true,
      },
      {
        note: 'With types, delegating to a list of actions yields actions.',
        code: dedent`
          import { Action, AskResponse } from 'quidproquo-core';

          export function* replay(actions: Action<unknown>[]): AskResponse<void> {
            yield* actions;
          }
        `,
        typed: true,
      },
    ],
    invalid: [
      {
        code: dedent`
          function* story() {
            askDateNow();
          }
        `,
        output: dedent`
          function* story() {
            yield* askDateNow();
          }
        `,
        findings: [{ messageId: 'missingYieldStar', line: 2, column: 3 }],
      },
      {
        code: dedent`
          function* story() {
            const thing = yield askDateNow();
          }
        `,
        output: dedent`
          function* story() {
            const thing = yield* askDateNow();
          }
        `,
        findings: [{ messageId: 'missingStar', line: 2, column: 17 }],
      },
      {
        code: dedent`
          async function* story() {
            const t = await askDateNow();
          }
        `,
        output: dedent`
          async function* story() {
            const t = yield* askDateNow();
          }
        `,
        findings: [{ messageId: 'awaitedStory', line: 2, column: 13 }],
      },
      {
        code: dedent`
          function* story() {
            authLogic.askLogin(user, password);
            return askDateNow();
          }
        `,
        output: dedent`
          function* story() {
            yield* authLogic.askLogin(user, password);
            return yield* askDateNow();
          }
        `,
        findings: [
          { messageId: 'missingYieldStar', line: 2, column: 3 },
          { messageId: 'missingYieldStar', line: 3, column: 10 },
        ],
      },
      {
        code: dedent`
          function* story() {
            if (!askUserExists(id)) return;
            const n = askDateNow().length + askCount() * 2;
          }
        `,
        output: dedent`
          function* story() {
            if (!(yield* askUserExists(id))) return;
            const n = (yield* askDateNow()).length + (yield* askCount()) * 2;
          }
        `,
        findings: [
          { messageId: 'missingYieldStar', line: 2, column: 8 },
          { messageId: 'missingYieldStar', line: 3, column: 13 },
          { messageId: 'missingYieldStar', line: 3, column: 35 },
        ],
      },
      {
        code: dedent`
          function* story() {
            const x = flag ? askA() : yield* askB();
            const s = \`at \${askDateNow()}\`;
          }
        `,
        output: dedent`
          function* story() {
            const x = flag ? yield* askA() : yield* askB();
            const s = \`at \${yield* askDateNow()}\`;
          }
        `,
        findings: [
          { messageId: 'missingYieldStar', line: 2, column: 20 },
          { messageId: 'missingYieldStar', line: 3, column: 19 },
        ],
      },
      {
        code: dedent`
          function* story() {
            askLog\`hello \${name}\`;
            logger.askLog\`bye\`;
          }
        `,
        output: dedent`
          function* story() {
            yield* askLog\`hello \${name}\`;
            yield* logger.askLog\`bye\`;
          }
        `,
        findings: [
          { messageId: 'missingYieldStar', line: 2, column: 3 },
          { messageId: 'missingYieldStar', line: 3, column: 3 },
        ],
      },
      {
        code: dedent`
          function* story() {
            const gens = [askA()];
            const unused = askB();
          }
        `,
        output: dedent`
          function* story() {
            const gens = [yield* askA()];
            const unused = yield* askB();
          }
        `,
        findings: [
          { messageId: 'missingYieldStar', line: 2, column: 17 },
          { messageId: 'missingYieldStar', line: 3, column: 18 },
        ],
      },
      {
        code: dedent`
          function* story() {
            const load = askLoad();
            yield load;
          }
        `,
        output: dedent`
          function* story() {
            const load = askLoad();
            yield* load;
          }
        `,
        findings: [{ messageId: 'missingStar', line: 3, column: 3 }],
      },
      {
        code: dedent`
          function outer() {
            function* inner() {
              askDateNow();
            }
          }
        `,
        output: dedent`
          function outer() {
            function* inner() {
              yield* askDateNow();
            }
          }
        `,
        findings: [{ messageId: 'missingYieldStar', line: 3, column: 5 }],
      },
      {
        code: dedent`
          import { AskResponse, askDateNow } from 'quidproquo-core';

          function* login(user: string): AskResponse<string> {
            return yield* askDateNow();
          }

          export function* story(): AskResponse<void> {
            login('ada');
            const loaded = yield login('bob');
          }
        `,
        output: dedent`
          import { AskResponse, askDateNow } from 'quidproquo-core';

          function* login(user: string): AskResponse<string> {
            return yield* askDateNow();
          }

          export function* story(): AskResponse<void> {
            yield* login('ada');
            const loaded = yield* login('bob');
          }
        `,
        typed: true,
        findings: [
          { messageId: 'missingYieldStar', line: 8, column: 3 },
          { messageId: 'missingStar', line: 9, column: 18 },
        ],
      },
      {
        code: dedent`
          import { AskResponse } from 'quidproquo-core';

          function* range(n: number): Generator<number, void, unknown> {
            for (let i = 0; i < n; i++) yield i;
          }

          export function* story(): AskResponse<void> {
            yield* range(3);
            yield* ['a', 'b'];
            yield* 'text';
          }
        `,
        typed: true,
        findings: [
          { messageId: 'notAStory', line: 8, column: 3 },
          { messageId: 'notAStory', line: 9, column: 3 },
          { messageId: 'notAStory', line: 10, column: 3 },
        ],
      },
      {
        note: "A story kept in a variable and then passed where a value is expected was meant to run first. Without types only the framework's combinators (and the `combinators` option) take stories.",
        code: dedent`
          function* story(id: string) {
            const checked = askIsChecked(id);
            yield* askSetChecked(id, checked);
          }
        `,
        output: dedent`
          function* story(id: string) {
            const checked = yield* askIsChecked(id);
            yield* askSetChecked(id, checked);
          }
        `,
        findings: [{ messageId: 'missingYieldStar', line: 2, column: 19 }],
      },
      {
        note: 'With types, the parameter decides: a value that accepts anything (`unknown`, an unconstrained type parameter) does not run a story.',
        code: dedent`
          import { AskResponse, askDateNow } from 'quidproquo-core';

          const describe = <T>(value: T): string => JSON.stringify(value);

          export function* askStamp(iterator: Iterator<unknown, unknown, unknown>): AskResponse<string> {
            iterator.next(askDateNow());
            const now = askDateNow();
            return describe(now);
          }
        `,
        output: dedent`
          import { AskResponse, askDateNow } from 'quidproquo-core';

          const describe = <T>(value: T): string => JSON.stringify(value);

          export function* askStamp(iterator: Iterator<unknown, unknown, unknown>): AskResponse<string> {
            iterator.next(yield* askDateNow());
            const now = yield* askDateNow();
            return describe(now);
          }
        `,
        typed: true,
        findings: [
          { messageId: 'missingYieldStar', line: 6, column: 17 },
          { messageId: 'missingYieldStar', line: 7, column: 15 },
        ],
      },
    ],
  },

  check(context) {
    new YieldStarCheck(context).run();
  },
});

/**
 * The framework's stories that run the stories passed to them. Without types these are the only
 * places a story kept in a variable is known to be handed on to; with types the parameter's own
 * type decides.
 */
const FRAMEWORK_COMBINATORS = [
  'askCatch',
  'askRunParallel',
  'askOverrideActions',
  'askContextProvideValue',
  'runStory',
  'captureRequester',
];
const combinatorSets = new WeakMap<Options, ReadonlySet<string>>();

/** The framework's combinators and the option's, made once per options object rather than per file. */
function combinatorsOf(options: Options): ReadonlySet<string> {
  let combinators = combinatorSets.get(options);
  if (!combinators) {
    combinators = new Set([...FRAMEWORK_COMBINATORS, ...options.combinators]);
    combinatorSets.set(options, combinators);
  }
  return combinators;
}

/** Methods that store their argument in a collection: stories kept there are composed later. */
const COLLECTION_METHODS = new Set(['push', 'unshift', 'splice', 'concat', 'add', 'set']);

function isCollectionCall(tsm: ContractContext<Options, MessageId>['ts'], call: ts.CallExpression | ts.NewExpression): boolean {
  return tsm.isPropertyAccessExpression(call.expression) && COLLECTION_METHODS.has(call.expression.name.text);
}

class YieldStarCheck {
  private readonly reportedYields = new Set<ts.YieldExpression>();
  private readonly combinators: ReadonlySet<string>;

  constructor(private readonly context: ContractContext<Options, MessageId>) {
    this.combinators = combinatorsOf(context.options);
  }

  run(): void {
    const { index, ts: tsm, sourceFile } = this.context;
    // Story calls and yields are judged inside generators only.
    if (!fileMayHoldGenerators(tsm, sourceFile)) return;
    for (const { node, scope } of index.callsInGenerators) this.checkCall(node, scope!.node);
    for (const { node } of index.yields) this.checkYieldOperand(node);
  }

  private checkCall(call: StoryCallNode, generator: ts.Node): void {
    const { ts: tsm, stories } = this.context;
    // Without types only the name makes a story call: nothing else is asked of the others.
    if (!stories.typeAware && !stories.hasStoryName(call)) return;
    // The common case, `yield* askX()`: delegated, judged with the yield.
    const parent = call.parent;
    if (parent.kind === tsm.SyntaxKind.YieldExpression && (parent as ts.YieldExpression).asteriskToken) return;
    let outer: ts.Expression = call;
    while (tsm.isParenthesizedExpression(outer.parent)) outer = outer.parent;

    if (tsm.isAwaitExpression(outer.parent)) {
      if (stories.isStoryCall(call)) this.reportAwait(outer.parent, call);
      return;
    }
    const destination = destinationOf(tsm, call);
    // Under `yield*`, a call that is no story is judged with the yield.
    if (destination.kind === 'delegated') return;
    // Passed to what runs it: asked of the callee's declaration, once per program. What a
    // collection takes is read from the call itself, which resolves it with all its arguments:
    // that comes after the cheaper question whether this is a story at all.
    const receiving = destination.kind === 'argument' ? destination.call : undefined;
    const intoCollection = receiving !== undefined && isCollectionCall(tsm, receiving);
    if (receiving && !intoCollection && this.argumentTakesStory(call, receiving, 'call')) return;
    // Every cheaper reason to stay silent comes before this: it may ask the type checker.
    if (!stories.isStoryCall(call)) return;
    if (receiving && intoCollection && this.argumentTakesStory(call, receiving, 'call')) return;

    if (destination.kind === 'yielded' && skipTransparentWrappers(tsm, destination.yieldExpression.expression!) === call) {
      this.reportMissingStar(destination.yieldExpression, this.calleeText(call));
      return;
    }
    if (destination.kind === 'returned' && stories.returnAcceptsStory(generator) === 'yes') return;
    if (destination.kind === 'variable' && this.isHandedOn(destination.name, generator, call)) return;
    this.reportMissingYieldStar(call);
  }

  /**
   * Whether a story passed as an argument is run by what it is passed to. With types, the
   * parameter says so: it takes an iterator of actions. A call passed where anything is accepted
   * (or where the checker cannot tell) is taken as composition, as the `ask*` convention has always
   * taken it; a story kept in a variable is handed on there only to the framework's combinators
   * and the `combinators` option's, or into a collection.
   */
  private argumentTakesStory(value: ts.Expression, call: ts.CallExpression | ts.NewExpression, kind: 'call' | 'variable'): boolean {
    const { ts: tsm, stories } = this.context;
    const callee = calleeName(tsm, call.expression);
    if (!stories.typeAware) return kind === 'call' || (callee !== undefined && this.combinators.has(callee));
    if (isCollectionCall(tsm, call)) return stories.collectionAcceptsStory(value) !== 'no';
    const accepts = stories.acceptsStoryAsArgument(value);
    if (accepts === 'yes') return true;
    if (accepts === 'no') return false;
    if (accepts === 'any') return callee !== undefined && this.combinators.has(callee);
    // Without a signature to read, a call passed on is composition, as the `ask*` convention takes it.
    return kind === 'call' || (callee !== undefined && this.combinators.has(callee));
  }

  /**
   * A story kept in a variable is fine when it later reaches `yield*`, an argument that takes a
   * story, or a return whose type is a story. Anything else, such as reading a property of it or
   * passing it where a value is expected, means it was meant to be run first.
   */
  private isHandedOn(name: string, generator: ts.Node, call: StoryCallNode, seen = new Set<string>()): boolean {
    const { ts: tsm, stories } = this.context;
    seen.add(name);
    let handedOn = false;
    for (const reference of referencesTo(tsm, generator, name)) {
      const destination = destinationOf(tsm, reference);
      switch (destination.kind) {
        case 'delegated':
          handedOn = true;
          break;
        case 'variable':
          // Copied into another variable: judged by where the copy goes.
          if (seen.has(destination.name) || this.isHandedOn(destination.name, generator, call, seen)) handedOn = true;
          break;
        case 'argument':
          if (this.argumentTakesStory(reference, destination.call, 'variable')) handedOn = true;
          break;
        case 'returned':
          // Returned from a callback, it is that callback's caller's to run.
          if (enclosingFunction(tsm, reference) !== generator || stories.returnAcceptsStory(generator) === 'yes') handedOn = true;
          break;
        case 'yielded':
          if (skipTransparentWrappers(tsm, destination.yieldExpression.expression!) === reference) {
            this.reportMissingStar(destination.yieldExpression, this.calleeText(call));
            handedOn = true;
          }
          break;
      }
    }
    return handedOn;
  }

  private checkYieldOperand(yieldExpression: ts.YieldExpression): void {
    const { ts: tsm, stories } = this.context;
    if (!yieldExpression.expression || this.reportedYields.has(yieldExpression)) return;
    const operand = skipTransparentWrappers(tsm, yieldExpression.expression);
    const isCall = tsm.isCallExpression(operand) || tsm.isTaggedTemplateExpression(operand);

    if (yieldExpression.asteriskToken) {
      const knownNotStory = tsm.isStringLiteralLike(operand) || tsm.isTemplateExpression(operand);
      // An ask-named call under `yield*` is taken at its name: no type query on the common path.
      const worthAsking = stories.typeAware && !(isCall && stories.hasStoryName(operand as StoryCallNode));
      if (knownNotStory || (worthAsking && stories.verdictOfDelegated(operand) === 'not-story')) {
        this.report('notAStory', yieldExpression, { operand: snippet(operand, this.context.sourceFile) });
      }
      return;
    }
    // Un-starred yields of calls are judged with the call; object literals are actions.
    if (isCall || tsm.isObjectLiteralExpression(operand) || !stories.typeAware || stories.plainValueVariable(operand)) return;
    if (stories.verdictOf(operand) === 'story') {
      this.reportMissingStar(yieldExpression, snippet(operand, this.context.sourceFile));
    }
  }

  private reportMissingYieldStar(call: StoryCallNode): void {
    const { ts: tsm, sourceFile } = this.context;
    const start = call.getStart(sourceFile);
    const edit: TextEdit = yieldNeedsParens(tsm, call)
      ? { start, end: call.getEnd(), newText: `(yield* ${call.getText(sourceFile)})` }
      : { start, end: start, newText: 'yield* ' };
    this.report('missingYieldStar', call, { callee: this.calleeText(call) }, { description: 'Delegate with `yield*`', edits: [edit] });
  }

  private reportMissingStar(yieldExpression: ts.YieldExpression, callee: string): void {
    if (this.reportedYields.has(yieldExpression)) return;
    this.reportedYields.add(yieldExpression);
    const keywordEnd = yieldExpression.getStart(this.context.sourceFile) + 'yield'.length;
    this.report(
      'missingStar',
      yieldExpression,
      { callee },
      {
        description: 'Delegate with `yield*`',
        edits: [{ start: keywordEnd, end: keywordEnd, newText: '*' }],
      },
    );
  }

  private reportAwait(awaitExpression: ts.AwaitExpression, call: StoryCallNode): void {
    const { ts: tsm, sourceFile } = this.context;
    const start = awaitExpression.getStart(sourceFile);
    const edit: TextEdit = yieldNeedsParens(tsm, awaitExpression)
      ? { start, end: awaitExpression.getEnd(), newText: `(yield* ${awaitExpression.expression.getText(sourceFile)})` }
      : { start, end: start + 'await'.length, newText: 'yield*' };
    this.report(
      'awaitedStory',
      awaitExpression,
      { callee: this.calleeText(call) },
      {
        description: 'Replace `await` with `yield*`',
        edits: [edit],
      },
    );
  }

  private calleeText(call: StoryCallNode): string {
    return snippet(this.context.stories.calleeOf(call), this.context.sourceFile);
  }

  private report(messageId: MessageId, node: ts.Node, data: Record<string, string>, fix?: Fix): void {
    this.context.report(messageId, node, data, fix);
  }
}

function enclosingFunction(tsm: ContractContext<Options, MessageId>['ts'], node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (tsm.isFunctionLike(current)) return current;
  return undefined;
}
