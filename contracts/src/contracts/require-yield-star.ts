import type * as ts from 'typescript';
import type { StoryCallNode } from '../engine/file-index';
import {
  destinationOf,
  referencesTo,
  skipTransparentWrappers,
  snippet,
  yieldNeedsParens,
} from '../engine/syntax';
import { defineContract } from '../define-contract';
import type { ContractContext, Fix, TextEdit } from '../types';

interface Options {
  /** More stories that run the stories passed to them, by name: `askWithTenant`. */
  combinators: string[];
}

const messages = {
  missingYieldStar: '`{{callee}}(…)` only creates a story: nothing runs until it is delegated with `yield*`.',
  missingStar:
    '`yield {{callee}}` hands the story itself to the runtime as if it were an action: delegate with `yield*`.',
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
      'Story calls are recognised by the `ask*` naming convention (`/^ask[A-Z0-9_]/`, also as a method: `todoLogic.askCreate()`), and only string literals are known not to be stories. A story call passed straight as an argument is composition, as the convention has it; a story kept in a variable is handed on only by `yield*` or by passing it to the framework\'s combinators (`askCatch`, `askRunParallel`, `askOverrideActions`, `askContextProvideValue`, `runStory`, `captureRequester`) or those of the `combinators` option. With type information a call is a story when it returns a generator whose yields are the framework\'s actions (`Action`, types extending or intersecting it, a type parameter judged by its constraint), whatever its name: entry stories such as `login(event)` are checked, a plain `function* range()` or a function returning an array is not. A story passed as an argument, directly or through a variable, is handed on only where the declared parameter takes a story; returned, only where the generator declares a story as its result. `yield*` of an array, a string or a generator of non-actions is reported. Where the framework\'s types do not resolve, the rule falls back to the convention.',
    messages,
    schema: {
      type: 'object',
      properties: {
        combinators: {
          type: 'array',
          items: { type: 'string' },
          description:
            'Names of functions that run the stories passed to them, beside the framework\'s own (`askCatch`, `askRunParallel`, `askOverrideActions`, `askContextProvideValue`, `runStory`, `captureRequester`). Without type information, a story kept in a variable is handed on only to these; with it, the parameter\'s type decides.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { combinators: [] as string[] },
  },

  examples: {
    valid: [
      { note: 'Delegated story calls, including methods of a logic object.', code: 'function* story() {\n  const now = yield* askDateNow();\n  return yield* todoLogic.askLoad(now);\n}' },
      { note: 'A tagged-template story, delegated.', code: "function* story() {\n  yield* askLog`saved ${'todo'}`;\n}" },
      {
        note: 'Story calls passed as arguments compose: the combinator runs them.',
        code: 'function* story() {\n  const [a, b] = yield* askRunParallel([askRandomNumber(), askDateNow()]);\n  return yield* askCatch(askSave({ inner: askLoad() }));\n}',
      },
      { note: 'A story kept in a variable and later handed on runs.', code: 'function* story() {\n  const load = askLoad();\n  const result = yield* askCatch(load);\n  return result;\n}' },
      {
        note: 'A project\'s own combinator, named in the `combinators` option, runs the stories kept in a variable and handed to it.',
        code: 'function* story(id: string) {\n  const load = askLoad(id);\n  return yield* askWithTenant(id, load);\n}',
        options: { combinators: ['askWithTenant'] },
      },
      { note: 'Also when the variable holds a list of stories.', code: 'function* story() {\n  const steps = [askA(), askB()];\n  yield* askRunParallel(steps);\n}' },
      {
        note: 'With types, a call is a story only when it returns a generator of the framework\'s actions: an array of objects with a `type` is plain data.',
        code: "import { AskResponse } from 'quidproquo-core';\n\ninterface Part {\n  type: 'text' | 'tool';\n  text: string;\n}\n\nconst mergeParts = (parts: Part[]): Part[] => parts.filter((p) => p.text !== '');\n\nexport function* askRender(parts: Part[]): AskResponse<number> {\n  const merged = mergeParts(parts);\n  return merged.length;\n}",
        typed: true,
      },
      {
        note: 'With types, a parameter declared as a story (also through a type parameter\'s constraint, or a spread of one) runs the stories passed to it.',
        code: "import { AskResponse, askDateNow, askNewGuid } from 'quidproquo-core';\n\nfunction* askBoth<T extends AskResponse<any>[]>(stories: [...T]): AskResponse<number> {\n  for (const story of stories) yield* story;\n  return stories.length;\n}\n\nexport function* askTwice(): AskResponse<number> {\n  const first = askNewGuid();\n  return yield* askBoth([first, askDateNow()]);\n}",
        typed: true,
      },
      { note: 'A callback is its own scope: it only creates the stories, which are then handed on.', code: 'function* story(items: string[]) {\n  const stories = items.map((item) => askProcess(item));\n  yield* askRunParallel(stories);\n}' },
      { note: 'Outside any generator, creating a story to hand on (tests, wrappers) is legitimate.', code: "const started = askDateNow();\nrunStory(askLog`outside any generator`, {});" },
      { note: 'Without type information only the ask* naming convention marks a story.', code: 'function* story() {\n  const x = askew();\n  const q = gql`query { me }`;\n}' },
      {
        note: 'With types, a generator of numbers is not a story: spreading it is fine.',
        code: "import { AskResponse, askDateNow } from 'quidproquo-core';\n\nfunction* range(n: number): Generator<number, void, unknown> {\n  for (let i = 0; i < n; i++) yield i;\n}\n\nexport function* story(): AskResponse<number> {\n  const now = yield* askDateNow();\n  const numbers = [...range(3)];\n  return numbers.length + now.length;\n}",
        typed: true,
      },
      {
        note: 'With types, delegating to a list of actions yields actions.',
        code: "import { Action, AskResponse } from 'quidproquo-core';\n\nexport function* replay(actions: Action<unknown>[]): AskResponse<void> {\n  yield* actions;\n}",
        typed: true,
      },
    ],
    invalid: [
      {
        code: 'function* story() {\n  askDateNow();\n}',
        output: 'function* story() {\n  yield* askDateNow();\n}',
        findings: [{ messageId: 'missingYieldStar', line: 2, column: 3 }],
      },
      {
        code: 'function* story() {\n  const thing = yield askDateNow();\n}',
        output: 'function* story() {\n  const thing = yield* askDateNow();\n}',
        findings: [{ messageId: 'missingStar', line: 2, column: 17 }],
      },
      {
        code: 'async function* story() {\n  const t = await askDateNow();\n}',
        output: 'async function* story() {\n  const t = yield* askDateNow();\n}',
        findings: [{ messageId: 'awaitedStory', line: 2, column: 13 }],
      },
      {
        code: 'function* story() {\n  authLogic.askLogin(user, password);\n  return askDateNow();\n}',
        output: 'function* story() {\n  yield* authLogic.askLogin(user, password);\n  return yield* askDateNow();\n}',
        findings: [
          { messageId: 'missingYieldStar', line: 2, column: 3 },
          { messageId: 'missingYieldStar', line: 3, column: 10 },
        ],
      },
      {
        code: 'function* story() {\n  if (!askUserExists(id)) return;\n  const n = askDateNow().length + askCount() * 2;\n}',
        output:
          'function* story() {\n  if (!(yield* askUserExists(id))) return;\n  const n = (yield* askDateNow()).length + (yield* askCount()) * 2;\n}',
        findings: [
          { messageId: 'missingYieldStar', line: 2, column: 8 },
          { messageId: 'missingYieldStar', line: 3, column: 13 },
          { messageId: 'missingYieldStar', line: 3, column: 35 },
        ],
      },
      {
        code: 'function* story() {\n  const x = flag ? askA() : yield* askB();\n  const s = `at ${askDateNow()}`;\n}',
        output: 'function* story() {\n  const x = flag ? yield* askA() : yield* askB();\n  const s = `at ${yield* askDateNow()}`;\n}',
        findings: [
          { messageId: 'missingYieldStar', line: 2, column: 20 },
          { messageId: 'missingYieldStar', line: 3, column: 19 },
        ],
      },
      {
        code: "function* story() {\n  askLog`hello ${name}`;\n  logger.askLog`bye`;\n}",
        output: "function* story() {\n  yield* askLog`hello ${name}`;\n  yield* logger.askLog`bye`;\n}",
        findings: [
          { messageId: 'missingYieldStar', line: 2, column: 3 },
          { messageId: 'missingYieldStar', line: 3, column: 3 },
        ],
      },
      {
        code: 'function* story() {\n  const gens = [askA()];\n  const unused = askB();\n}',
        output: 'function* story() {\n  const gens = [yield* askA()];\n  const unused = yield* askB();\n}',
        findings: [
          { messageId: 'missingYieldStar', line: 2, column: 17 },
          { messageId: 'missingYieldStar', line: 3, column: 18 },
        ],
      },
      {
        code: 'function* story() {\n  const load = askLoad();\n  yield load;\n}',
        output: 'function* story() {\n  const load = askLoad();\n  yield* load;\n}',
        findings: [{ messageId: 'missingStar', line: 3, column: 3 }],
      },
      {
        code: 'function outer() {\n  function* inner() {\n    askDateNow();\n  }\n}',
        output: 'function outer() {\n  function* inner() {\n    yield* askDateNow();\n  }\n}',
        findings: [{ messageId: 'missingYieldStar', line: 3, column: 5 }],
      },
      {
        code: "import { AskResponse, askDateNow } from 'quidproquo-core';\n\nfunction* login(user: string): AskResponse<string> {\n  return yield* askDateNow();\n}\n\nexport function* story(): AskResponse<void> {\n  login('ada');\n  const loaded = yield login('bob');\n}",
        output:
          "import { AskResponse, askDateNow } from 'quidproquo-core';\n\nfunction* login(user: string): AskResponse<string> {\n  return yield* askDateNow();\n}\n\nexport function* story(): AskResponse<void> {\n  yield* login('ada');\n  const loaded = yield* login('bob');\n}",
        typed: true,
        findings: [
          { messageId: 'missingYieldStar', line: 8, column: 3 },
          { messageId: 'missingStar', line: 9, column: 18 },
        ],
      },
      {
        code: "import { AskResponse } from 'quidproquo-core';\n\nfunction* range(n: number): Generator<number, void, unknown> {\n  for (let i = 0; i < n; i++) yield i;\n}\n\nexport function* story(): AskResponse<void> {\n  yield* range(3);\n  yield* ['a', 'b'];\n  yield* 'text';\n}",
        typed: true,
        findings: [
          { messageId: 'notAStory', line: 8, column: 3 },
          { messageId: 'notAStory', line: 9, column: 3 },
          { messageId: 'notAStory', line: 10, column: 3 },
        ],
      },
      {
        note: 'A story kept in a variable and then passed where a value is expected was meant to run first. Without types only the framework\'s combinators (and the `combinators` option) take stories.',
        code: 'function* story(id: string) {\n  const checked = askIsChecked(id);\n  yield* askSetChecked(id, checked);\n}',
        output: 'function* story(id: string) {\n  const checked = yield* askIsChecked(id);\n  yield* askSetChecked(id, checked);\n}',
        findings: [{ messageId: 'missingYieldStar', line: 2, column: 19 }],
      },
      {
        note: 'With types, the parameter decides: a value that accepts anything (`unknown`, an unconstrained type parameter) does not run a story.',
        code: "import { AskResponse, askDateNow } from 'quidproquo-core';\n\nconst describe = <T>(value: T): string => JSON.stringify(value);\n\nexport function* askStamp(iterator: Iterator<unknown, unknown, unknown>): AskResponse<string> {\n  iterator.next(askDateNow());\n  const now = askDateNow();\n  return describe(now);\n}",
        output:
          "import { AskResponse, askDateNow } from 'quidproquo-core';\n\nconst describe = <T>(value: T): string => JSON.stringify(value);\n\nexport function* askStamp(iterator: Iterator<unknown, unknown, unknown>): AskResponse<string> {\n  iterator.next(yield* askDateNow());\n  const now = yield* askDateNow();\n  return describe(now);\n}",
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
const FRAMEWORK_COMBINATORS = ['askCatch', 'askRunParallel', 'askOverrideActions', 'askContextProvideValue', 'runStory', 'captureRequester'];
/** Methods that store their argument in a collection: stories kept there are composed later. */
const COLLECTION_METHODS = new Set(['push', 'unshift', 'splice', 'concat', 'add', 'set']);

class YieldStarCheck {
  private readonly reportedYields = new Set<ts.YieldExpression>();
  private readonly combinators: Set<string>;

  constructor(private readonly context: ContractContext<Options, MessageId>) {
    this.combinators = new Set([...FRAMEWORK_COMBINATORS, ...context.options.combinators]);
  }

  run(): void {
    const { index } = this.context;
    for (const { node, scope } of index.callsInGenerators) this.checkCall(node, scope!.node);
    for (const { node } of index.yields) this.checkYieldOperand(node);
  }

  private checkCall(call: StoryCallNode, generator: ts.Node): void {
    const { ts: tsm, stories } = this.context;
    let outer: ts.Expression = call;
    while (tsm.isParenthesizedExpression(outer.parent)) outer = outer.parent;

    if (tsm.isAwaitExpression(outer.parent)) {
      if (stories.isStoryCall(call)) this.reportAwait(outer.parent, call);
      return;
    }
    const destination = destinationOf(tsm, call);
    // Under `yield*`, a call that is no story is judged with the yield.
    if (destination.kind === 'delegated') return;
    // Passed to what runs it: asked of the callee's declaration, once per program.
    if (destination.kind === 'argument' && this.argumentTakesStory(call, destination.call, 'call')) return;
    // Every cheaper reason to stay silent comes before this: it may ask the type checker.
    if (!stories.isStoryCall(call)) return;

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
    if (tsm.isPropertyAccessExpression(call.expression) && callee !== undefined && COLLECTION_METHODS.has(callee)) {
      return stories.collectionAcceptsStory(value) !== 'no';
    }
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
    this.report('missingStar', yieldExpression, { callee }, {
      description: 'Delegate with `yield*`',
      edits: [{ start: keywordEnd, end: keywordEnd, newText: '*' }],
    });
  }

  private reportAwait(awaitExpression: ts.AwaitExpression, call: StoryCallNode): void {
    const { ts: tsm, sourceFile } = this.context;
    const start = awaitExpression.getStart(sourceFile);
    const edit: TextEdit = yieldNeedsParens(tsm, awaitExpression)
      ? { start, end: awaitExpression.getEnd(), newText: `(yield* ${awaitExpression.expression.getText(sourceFile)})` }
      : { start, end: start + 'await'.length, newText: 'yield*' };
    this.report('awaitedStory', awaitExpression, { callee: this.calleeText(call) }, {
      description: 'Replace `await` with `yield*`',
      edits: [edit],
    });
  }

  private calleeText(call: StoryCallNode): string {
    return snippet(this.context.stories.calleeOf(call), this.context.sourceFile);
  }

  private report(messageId: MessageId, node: ts.Node, data: Record<string, string>, fix?: Fix): void {
    this.context.report(messageId, node, data, fix);
  }
}

/** The callee's own name: `askCatch` for `askCatch(...)` and `system.askCatch(...)`. */
function calleeName(tsm: ContractContext<Options, MessageId>['ts'], callee: ts.Expression): string | undefined {
  if (tsm.isIdentifier(callee)) return callee.text;
  if (tsm.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function enclosingFunction(tsm: ContractContext<Options, MessageId>['ts'], node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (tsm.isFunctionLike(current)) return current;
  return undefined;
}
