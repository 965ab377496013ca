import type * as ts from 'typescript';

import { defineContract } from '../define-contract';
import { getActionLiterals, type ShapedLiteral } from '../engine/action-literals';
import { stringLiteralValues } from '../engine/action-requester';
import { getActionTypeModel } from '../engine/action-type';
import { dedent } from '../engine/dedent';
import { fileMayHoldGenerators } from '../engine/file-index';
import { propertyNameOf, skipTransparentWrappers } from '../engine/syntax';
import { isTestFile } from '../engine/test-files';
import type { ContractContext, Fix } from '../types';

interface Options {
  optionalKeys: boolean;
  runtimeShapes: boolean;
  mutation: boolean;
  testFiles: boolean;
}

const messages = {
  keyOrder: 'The keys of this {{what}} are not in the order of {{source}}: {{expected}}. One action type should keep one hidden class.',
  missingKeys:
    'This {{what}} leaves out {{keys}}, present in {{source}}: objects with and without a key are different hidden classes. Write it with `undefined`.',
  runtimeShape: 'The shape of this {{what}} is chosen at run time ({{how}}): build one shape with every key, `undefined` where absent.',
  spread: 'A spread in an {{what}} literal makes its keys depend on the spread value: list every key.',
  mutation: '{{how}} changes the shape of an action after it was built: build it complete instead.',
};

type MessageId = keyof typeof messages;

export const monomorphicActionShape = defineContract({
  meta: {
    id: 'monomorphic-action-shape',
    diagnosticCode: 990002,
    description: 'Build every action of one type in one shape: the same keys, in the same order, complete from the start.',
    rationale:
      'V8 gives objects with the same keys added in the same order one hidden class, and code that only ever sees one class stays fast. Every action passes through the same runtime loop and processor lookup, so actions of one type built in different shapes (an optional key sometimes left out, another key order, a spread that adds `returnErrors`, a key added later) make that hot path polymorphic, or megamorphic past four shapes. Measured with `node bench/monomorphism.mjs` (Node 20, a runtime-style dispatch of a million actions of one type): the mixed shapes this rule reports took 4.1x as long as one shape. Define one shape per action type, build it complete (`undefined` where absent), in one key order.',
    type: 'suggestion',
    recommended: 'warn',
    fixable: true,
    hasSuggestions: true,
    typeAware: true,
    behaviourWithoutTypes:
      "An action literal is an object literal that reaches a plain `yield` in a generator (directly, through a conditional or through a local variable that is yielded); its `payload` (also when built in a local variable first) and what a requester factory's `getPayload` returns are payload literals. Keys alone never make an action: queue messages and stored records with `type` and `payload` keys are left alone. The canonical key order of an action type is the first literal of that type in the file, and a literal that leaves out keys the first one has is reported. With type information only generators whose yields are the framework's actions count; where one action type is built in more than one place in the file, the canonical order is the declaration order of the type the literal is checked against (its contextual type), and a payload that leaves out optional keys of its payload type is reported (an action's own keys are the framework's: `{ type }` alone is an action without payload). A value named like an action (`action`, `nextAction`) is known to be one by its type as well as by its initializer.",
    readsOtherFiles: 'with-types',
    messages,
    schema: {
      type: 'object',
      properties: {
        optionalKeys: {
          type: 'boolean',
          description: 'Report literals that leave out keys their type (or the first literal of their type) has.',
        },
        runtimeShapes: {
          type: 'boolean',
          description: 'Report shapes chosen at run time: conditional literals, differing `getPayload` branches, spreads.',
        },
        mutation: { type: 'boolean', description: 'Report keys added or deleted after an action was built.' },
        testFiles: {
          type: 'boolean',
          description:
            'Also judge test files (`*.test.*`, `*.spec.*`, files under `__tests__/` or `testing/`), whose actions feed mocks and assertions rather than the runtime.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { optionalKeys: true, runtimeShapes: true, mutation: true, testFiles: false },
  },

  examples: {
    valid: [
      {
        note: 'One shape: every key, in one order, `undefined` where absent.',
        code: dedent`
          function* story(id: string, scope?: string) {
            yield { type: '@app/Todo/Load', payload: { id, scope } };
            yield { type: '@app/Todo/Load', payload: { id: 'x', scope: undefined } };
          }
        `,
      },
      {
        note: 'Keys alone never make an action: a queue message or a stored record is not yielded to the runtime.',
        code: dedent`
          function* story(id: string) {
            const message = { type: 'order-placed', payload: { id } };
            const retry = { type: 'order-placed', payload: { id, attempt: 2 } };
            yield* askQueueSendMessages('orders', [message, retry]);
          }
        `,
      },
      {
        note: 'A relay that adds only the keys the runtime adds itself (`returnErrors`, `context`, `localContext`), to an action of any type, as `askCatch` does.',
        code: dedent`
          function* askWithErrors(action: { type: string; payload?: unknown }) {
            return yield { ...action, returnErrors: true };
          }
        `,
      },
      {
        note: 'The payload-less form `{ type }`, chosen exactly when there is no payload, as a requester factory does: an action type whose payload is never `undefined` always takes the same branch. With types, a payload that may be `undefined` for one action type is reported.',
        code: dedent`
          function* askAction<P>(type: string, payload: P) {
            return yield payload === undefined ? { type } : { type, payload };
          }
        `,
      },
      {
        note: 'With types, an action without payload is `{ type }` alone, and a type built in one place has no second shape to disagree with.',
        code: dedent`
          import { Action, AskResponse } from 'quidproquo-core';

          export function* askPing(): AskResponse<void> {
            yield { type: '@app/Ping' };
          }

          export function* askLoad(id: string): Generator<Action<{ id: string; scope?: string }>, void, unknown> {
            yield { payload: { id }, type: '@app/Todo/Load' };
          }
        `,
        typed: true,
      },
    ],
    invalid: [
      {
        note: 'Another key order than the first literal of the same type: reordered when every value is free of side effects.',
        code: dedent`
          function* story(id: string) {
            yield { type: '@app/Todo/Load', payload: { id, scope: 'all' } };
            yield { type: '@app/Todo/Load', payload: { scope: 'mine', id } };
          }
        `,
        output: dedent`
          function* story(id: string) {
            yield { type: '@app/Todo/Load', payload: { id, scope: 'all' } };
            yield { type: '@app/Todo/Load', payload: { id, scope: 'mine' } };
          }
        `,
        findings: [{ messageId: 'keyOrder', line: 3, column: 44 }],
      },
      {
        note: 'A key the first literal has is left out.',
        code: dedent`
          function* story(id: string) {
            yield { type: '@app/Todo/Load', payload: { id, scope: 'all' } };
            yield { type: '@app/Todo/Load', payload: { id } };
          }
        `,
        findings: [
          {
            messageId: 'missingKeys',
            line: 3,
            column: 44,
            suggestions: [
              {
                description: 'Write the missing keys with `undefined`',
                output: dedent`
                  function* story(id: string) {
                    yield { type: '@app/Todo/Load', payload: { id, scope: 'all' } };
                    yield { type: '@app/Todo/Load', payload: { id, scope: undefined } };
                  }
                `,
              },
            ],
          },
        ],
      },
      {
        note: 'Shapes chosen at run time, and keys added after construction.',
        code: dedent`
          function* story(action: { type: string; payload: { id: string } }, full: boolean) {
            yield full ? { type: '@app/Todo/Load', payload: { id: '1' } } : { type: '@app/Todo/Load' };
            yield { ...action, payload: { id: '2' } };
            const next = { type: '@app/Todo/Save', payload: { id: '3' } };
            delete next.payload;
            yield next;
          }
        `,
        findings: [
          { messageId: 'runtimeShape', line: 2, column: 9 },
          { messageId: 'spread', line: 3, column: 11 },
          { messageId: 'mutation', line: 5, column: 3 },
        ],
      },
      {
        note: 'With types, where one action type is built twice, the declared key order of the action type and the optional keys of its payload type count.',
        code: dedent`
          import { Action } from 'quidproquo-core';

          interface LoadPayload {
            id: string;
            scope?: string;
          }

          export function* story(): Generator<Action<LoadPayload>, void, unknown> {
            yield { type: '@app/Todo/Load', payload: { id: '1', scope: 'all' } };
            yield { payload: { id: '2' }, type: '@app/Todo/Load' };
          }
        `,
        typed: true,
        output: dedent`
          import { Action } from 'quidproquo-core';

          interface LoadPayload {
            id: string;
            scope?: string;
          }

          export function* story(): Generator<Action<LoadPayload>, void, unknown> {
            yield { type: '@app/Todo/Load', payload: { id: '1', scope: 'all' } };
            yield { type: '@app/Todo/Load', payload: { id: '2' } };
          }
        `,
        findings: [
          { messageId: 'keyOrder', line: 10, column: 9 },
          {
            messageId: 'missingKeys',
            line: 10,
            column: 20,
            suggestions: [
              {
                description: 'Write the missing keys with `undefined`',
                output: dedent`
                  import { Action } from 'quidproquo-core';

                  interface LoadPayload {
                    id: string;
                    scope?: string;
                  }

                  export function* story(): Generator<Action<LoadPayload>, void, unknown> {
                    yield { type: '@app/Todo/Load', payload: { id: '1', scope: 'all' } };
                    yield { payload: { id: '2', scope: undefined }, type: '@app/Todo/Load' };
                  }
                `,
              },
            ],
          },
        ],
      },
    ],
  },

  check(context) {
    new ShapeCheck(context).run();
  },
});

type Kind = 'action' | 'payload';

/** Keys the runtime itself adds to actions (askCatch's `returnErrors`, contexts): never required. */
const RUNTIME_KEYS = new Set(['returnErrors', 'context', 'localContext']);
/** The keys of the framework's `Action`: an action without payload is `{ type }` alone. */
const ACTION_KEYS = new Set(['type', 'payload', ...RUNTIME_KEYS]);

interface Shaped extends ShapedLiteral {
  /** Literals of one group should share a shape: `action '@x/Y'`, `payload of '@x/Y'`. */
  group: string | undefined;
}

class ShapeCheck {
  private readonly firstOfGroup = new Map<string, ts.ObjectLiteralExpression>();
  private readonly groupSizes = new Map<string, number>();
  private readonly reported = new Set<ts.Node>();

  constructor(private readonly context: ContractContext<Options, MessageId>) {}

  private get tsm() {
    return this.context.ts;
  }

  run(): void {
    const { options, sourceFile } = this.context;
    if (!options.testFiles && isTestFile(sourceFile.fileName)) return;
    // Cheap gates: without a plain yield (so a generator) or a getPayload there is no action literal to judge.
    if (
      !sourceFile.text.includes('getPayload') &&
      (!fileMayHoldGenerators(this.tsm, sourceFile) || !this.context.index.yields.some(({ node }) => !node.asteriskToken))
    )
      return;
    const model = getActionLiterals(this.tsm, sourceFile, this.context.index, this.context.stories);
    const shaped = this.group(model.literals);
    // Differing getPayload branches are one run-time choice, reported as such before key by key.
    if (options.runtimeShapes) for (const { literals } of model.getPayloads) this.checkPayloadBranches(literals);
    for (const item of shaped) this.checkLiteral(item);
    if (options.runtimeShapes) for (const { conditional, kind } of model.conditionals) this.checkConditional(conditional, kind);
    if (options.mutation) this.checkMutations(model.actionVariables);
  }

  /** The group of each literal: its action type as written, or the requester's for a getPayload result. */
  private group(literals: readonly ShapedLiteral[]): Shaped[] {
    const { sourceFile } = this.context;
    const typeText = (owner: ts.ObjectLiteralExpression, key: string) => this.valueOf(owner, key)?.getText(sourceFile);
    return literals.map((item) => {
      let group: string | undefined;
      if (item.kind === 'action') {
        const type = typeText(item.literal, 'type');
        group = type && `action ${type}`;
      } else if (item.action) {
        const type = typeText(item.action, 'type');
        group = type && `payload of ${type}`;
      } else if (item.getPayload) {
        const requester = item.getPayload.parent.parent as ts.ObjectLiteralExpression;
        group = `payload of ${typeText(requester, 'actionType') ?? `getPayload@${item.getPayload.pos}`}`;
      }
      if (group) this.groupSizes.set(group, (this.groupSizes.get(group) ?? 0) + 1);
      return { ...item, group };
    });
  }

  /** A branch of a conditional: its shape is judged as a whole (chosen at run time). */
  private isConditionalBranch(literal: ts.ObjectLiteralExpression): boolean {
    let outer: ts.Node = literal;
    while (this.tsm.isParenthesizedExpression(outer.parent)) outer = outer.parent;
    return this.tsm.isConditionalExpression(outer.parent) && outer.parent.condition !== outer;
  }

  // ---- parts 1 and 2: order and left-out keys

  private checkLiteral({ literal, kind, group }: Shaped): void {
    if (this.context.options.runtimeShapes && this.isConditionalBranch(literal)) return;
    const keys = keysOf(this.tsm, literal);
    if (keys === undefined) {
      const spread = literal.properties.find((p) => this.tsm.isSpreadAssignment(p));
      if (spread && this.context.options.runtimeShapes && !this.isRuntimeRelay(literal)) this.report('spread', spread, { what: kind });
      return;
    }
    // A declared type orders an action only where its literals could disagree: built twice or more.
    const declared = group !== undefined && (this.groupSizes.get(group) ?? 0) > 1 ? this.declaredKeys(literal, kind) : undefined;
    let canonical: string[] | undefined;
    let source: string;
    if (declared) {
      canonical = declared.all;
      source = 'its declared type';
    } else {
      if (group === undefined) return;
      const first = this.firstOfGroup.get(group);
      if (!first) {
        this.firstOfGroup.set(group, literal);
        return;
      }
      canonical = keysOf(this.tsm, first);
      source = `the first ${kind} of this type (line ${this.lineOf(first)})`;
    }
    if (!canonical) return;

    const expected = canonical.filter((k) => keys.includes(k));
    const present = keys.filter((k) => canonical!.includes(k));
    if (present.join() !== expected.join()) {
      const reordered = this.reorderFix(literal, canonical);
      this.report(
        'keyOrder',
        literal,
        { what: kind, source, expected: expected.join(', ') },
        reordered.safe ? reordered.fix : undefined,
        reordered.safe ? undefined : reordered.fix && [reordered.fix],
      );
      return;
    }
    if (!this.context.options.optionalKeys) return;
    const missing = (declared ? declared.optional : canonical).filter((k) => !keys.includes(k) && !RUNTIME_KEYS.has(k));
    if (missing.length > 0) {
      this.report('missingKeys', literal, { what: kind, keys: missing.map((k) => `\`${k}\``).join(', '), source }, undefined, [
        this.addKeysFix(literal, canonical, missing),
      ]);
    }
  }

  /**
   * `{ ...action, returnErrors: true }`, `{ ...action, context, localContext }`: a relay that only
   * adds the keys the runtime itself adds, to an action of any type, as askCatch does.
   */
  private isRuntimeRelay(literal: ts.ObjectLiteralExpression): boolean {
    const tsm = this.tsm;
    const spreads = literal.properties.filter((p) => tsm.isSpreadAssignment(p));
    const others = literal.properties.filter((p) => !tsm.isSpreadAssignment(p));
    return spreads.length === 1 && others.length > 0 && others.every((p) => this.possibleKeys(p).every((k) => RUNTIME_KEYS.has(k)));
  }

  /**
   * The names a property may have: its own, or for a computed key the string literals its value
   * can be (a local constant chosen by a conditional, or, with types, a union of literals).
   */
  private possibleKeys(property: ts.ObjectLiteralElementLike): string[] {
    const tsm = this.tsm;
    const name = propertyNameOf(tsm, property);
    if (name !== undefined) return [name];
    if (!property.name || !tsm.isComputedPropertyName(property.name)) return [''];
    const { checker } = this.context;
    const key = property.name.expression;
    if (checker) {
      const values = stringLiteralValues(checker.getTypeAtLocation(key));
      if (values.length > 0) return values;
    }
    const literals: string[] = [];
    const collect = (expression: ts.Expression): boolean => {
      const value = skipTransparentWrappers(tsm, expression);
      if (tsm.isStringLiteralLike(value)) return literals.push(value.text) > 0;
      if (tsm.isConditionalExpression(value)) return collect(value.whenTrue) && collect(value.whenFalse);
      if (tsm.isIdentifier(value)) {
        const declaration = localConstant(tsm, value);
        return declaration?.initializer !== undefined && collect(declaration.initializer);
      }
      return false;
    };
    return collect(key) ? literals : [''];
  }

  /**
   * The contextual type's keys in declaration order, when a checker knows them. An action's own
   * keys are the framework's (`{ type }` alone is an action without payload): what a declared
   * action type can require beyond them, and a payload type's optional keys, count.
   */
  private declaredKeys(literal: ts.ObjectLiteralExpression, kind: Kind): { all: string[]; optional: string[] } | undefined {
    const { checker } = this.context;
    const contextual = checker?.getContextualType(literal);
    const type = contextual && checker!.getNonNullableType(contextual);
    if (!type || type.flags & (this.tsm.TypeFlags.Any | this.tsm.TypeFlags.Unknown) || type.isUnion()) return undefined;
    const properties = checker!.getPropertiesOfType(type);
    if (properties.length === 0) return undefined;
    const optional = properties.filter((p) => p.flags & this.tsm.SymbolFlags.Optional).map((p) => p.getName());
    return {
      all: properties.map((p) => p.getName()),
      optional: kind === 'action' ? optional.filter((k) => !ACTION_KEYS.has(k)) : optional,
    };
  }

  // ---- part 3: shapes chosen at run time

  private checkConditional(conditional: ts.ConditionalExpression, kind: Kind): void {
    const tsm = this.tsm;
    const a = skipTransparentWrappers(tsm, conditional.whenTrue);
    const b = skipTransparentWrappers(tsm, conditional.whenFalse);
    if (!tsm.isObjectLiteralExpression(a) || !tsm.isObjectLiteralExpression(b)) return;
    const keysA = keysOf(tsm, a);
    const keysB = keysOf(tsm, b);
    if (keysA && keysB && keysA.join() === keysB.join()) return;
    if (kind === 'action' && keysA && keysB && this.choosesByPayloadPresence(conditional, a, b, keysA, keysB)) return;
    this.report('runtimeShape', conditional, { what: kind, how: 'the branches of a conditional build different keys' });
  }

  /**
   * `payload === undefined ? { type } : { type, payload }`: the payload-less form exactly when
   * there is no payload. For one action type that is always the same branch, unless the payload
   * may be undefined for it; with types, a payload whose type admits `undefined` still counts.
   */
  private choosesByPayloadPresence(
    conditional: ts.ConditionalExpression,
    a: ts.ObjectLiteralExpression,
    b: ts.ObjectLiteralExpression,
    keysA: string[],
    keysB: string[],
  ): boolean {
    const tsm = this.tsm;
    const [withPayload, without] = keysA.includes('payload') ? [a, b] : [b, a];
    const withKeys = keysA.includes('payload') ? keysA : keysB;
    const withoutKeys = keysA.includes('payload') ? keysB : keysA;
    if (withoutKeys.includes('payload') || withKeys.filter((k) => k !== 'payload').join() !== withoutKeys.join()) return false;
    const payload = this.valueOf(withPayload, 'payload');
    const test = skipTransparentWrappers(tsm, conditional.condition);
    if (!payload || !tsm.isBinaryExpression(test)) return false;
    const SK = tsm.SyntaxKind;
    const op = test.operatorToken.kind;
    if (![SK.EqualsEqualsEqualsToken, SK.ExclamationEqualsEqualsToken, SK.EqualsEqualsToken, SK.ExclamationEqualsToken].includes(op))
      return false;
    const text = (e: ts.Expression) => skipTransparentWrappers(tsm, e).getText(this.context.sourceFile);
    const isNothing = (e: ts.Expression) => ['undefined', 'null'].includes(text(e));
    const tested = isNothing(test.right) ? test.left : isNothing(test.left) ? test.right : undefined;
    if (!tested || text(tested) !== text(payload)) return false;
    // `=== undefined` must lead to the payload-less branch, `!==` to the other.
    const equalsNothing = op === SK.EqualsEqualsEqualsToken || op === SK.EqualsEqualsToken;
    if (
      (equalsNothing ? skipTransparentWrappers(tsm, conditional.whenTrue) : skipTransparentWrappers(tsm, conditional.whenFalse)) !== without
    )
      return false;
    const { checker } = this.context;
    if (!checker) return true;
    const type = checker.getTypeAtLocation(tested);
    const parts = type.isUnion() ? type.types : [type];
    return !parts.some((t) => t.flags & (tsm.TypeFlags.Undefined | tsm.TypeFlags.Null | tsm.TypeFlags.Void));
  }

  private checkPayloadBranches(literals: ts.ObjectLiteralExpression[]): void {
    const shapes = literals.map((l) => (keysOf(this.tsm, l) ?? []).join());
    for (let i = 1; i < literals.length; i++) {
      if (shapes[i] !== shapes[0])
        this.report('runtimeShape', literals[i], { what: 'payload', how: 'the branches of getPayload return different keys' });
    }
  }

  // ---- part 4: keys added or deleted after construction

  private checkMutations(actionVariables: ReadonlyMap<ts.VariableDeclaration, ts.ObjectLiteralExpression>): void {
    const tsm = this.tsm;
    const SK = tsm.SyntaxKind;
    const actionsByName = new Map<string, ts.ObjectLiteralExpression>();
    for (const [declaration, literal] of actionVariables) actionsByName.set((declaration.name as ts.Identifier).text, literal);
    const rootAction = (expression: ts.Expression): boolean => {
      let root = expression;
      while (tsm.isPropertyAccessExpression(root) || tsm.isElementAccessExpression(root)) root = root.expression;
      if (tsm.isIdentifier(root) && actionsByName.has(root.text)) return true;
      const { checker, program } = this.context;
      // The type is asked only for names that read like actions (`action`, `nextAction`, ...).
      if (!checker || !tsm.isIdentifier(root) || !/action/i.test(root.text)) return false;
      return getActionTypeModel(tsm, checker, program).isAction(checker.getTypeAtLocation(root)) === 'yes';
    };
    for (const { node } of this.context.index.nodes<ts.DeleteExpression>(SK.DeleteExpression)) {
      if (rootAction(node.expression)) this.report('mutation', node, { how: '`delete`' });
    }
    for (const { node } of this.context.index.nodes<ts.CallExpression>(SK.CallExpression)) {
      const callee = node.expression;
      const isAssign =
        tsm.isPropertyAccessExpression(callee) &&
        tsm.isIdentifier(callee.expression) &&
        callee.expression.text === 'Object' &&
        callee.name.text === 'assign';
      if (isAssign && node.arguments[0] && rootAction(node.arguments[0]))
        this.report('mutation', node, { how: '`Object.assign` on an action' });
    }
    for (const { node } of this.context.index.propertyAssignments) {
      if (node.operatorToken.kind !== SK.EqualsToken || !tsm.isPropertyAccessExpression(node.left)) continue;
      const target = node.left;
      if (!rootAction(target.expression) && !(tsm.isIdentifier(target.expression) && actionsByName.has(target.expression.text))) continue;
      if (this.keyExistsAlready(target, actionsByName)) continue;
      this.report('mutation', node, { how: `Adding \`${target.name.text}\`` });
    }
  }

  /** Whether `x.a.b = ...` sets a key the object was built with (no shape change). */
  private keyExistsAlready(target: ts.PropertyAccessExpression, actionsByName: Map<string, ts.ObjectLiteralExpression>): boolean {
    const tsm = this.tsm;
    const path: string[] = [];
    let root: ts.Expression = target;
    while (tsm.isPropertyAccessExpression(root)) {
      path.unshift(root.name.text);
      root = root.expression;
    }
    let literal: ts.Expression | undefined = tsm.isIdentifier(root) ? actionsByName.get(root.text) : undefined;
    if (literal) {
      for (const key of path.slice(0, -1)) {
        const value: ts.Expression | undefined = literal && tsm.isObjectLiteralExpression(literal) ? this.valueOf(literal, key) : undefined;
        literal = value && skipTransparentWrappers(tsm, value);
      }
      if (literal && tsm.isObjectLiteralExpression(literal)) return (keysOf(tsm, literal) ?? []).includes(path[path.length - 1]);
    }
    const { checker } = this.context;
    if (!checker) return false;
    const property = checker.getTypeAtLocation(target.expression).getProperty(target.name.text);
    return property !== undefined && !(property.flags & tsm.SymbolFlags.Optional);
  }

  // ---- fixes

  private reorderFix(literal: ts.ObjectLiteralExpression, canonical: string[]): { fix?: Fix; safe: boolean } {
    const { sourceFile } = this.context;
    const tsm = this.tsm;
    const properties = [...literal.properties];
    const inner = this.context.sourceFile.text.slice(literal.getStart(sourceFile) + 1, literal.getEnd() - 1);
    if (/\/[/*]/.test(inner)) return { safe: false };
    const rank = (p: ts.ObjectLiteralElementLike) => {
      const i = canonical.indexOf(propertyNameOf(tsm, p) ?? '');
      return i < 0 ? canonical.length : i;
    };
    const order = properties.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i);
    const texts = properties.map((p) => p.getText(sourceFile));
    const start = properties[0].getStart(sourceFile);
    let text = '';
    order.forEach(({ i }, k) => {
      text += (k === 0 ? '' : sourceFile.text.slice(properties[k - 1].getEnd(), properties[k].getStart(sourceFile))) + texts[i];
    });
    const fix: Fix = {
      description: 'Put the keys in the canonical order',
      edits: [{ start, end: properties[properties.length - 1].getEnd(), newText: text }],
    };
    return { fix, safe: properties.every((p) => isSideEffectFree(tsm, p)) };
  }

  private addKeysFix(literal: ts.ObjectLiteralExpression, canonical: string[], missing: string[]): Fix {
    const { sourceFile } = this.context;
    const last = literal.properties[literal.properties.length - 1];
    const added = missing.map((k) => `${k}: undefined`).join(', ');
    // Insert each missing key after the last present key that precedes it in the canonical order.
    const present = literal.properties.map((p) => propertyNameOf(this.tsm, p));
    const edits = missing.map((key) => {
      const before = canonical.slice(0, canonical.indexOf(key)).filter((k) => present.includes(k));
      const anchor = before.length > 0 ? literal.properties[present.indexOf(before[before.length - 1])] : undefined;
      return anchor
        ? { start: anchor.getEnd(), end: anchor.getEnd(), newText: `, ${key}: undefined` }
        : { start: literal.getStart(sourceFile) + 1, end: literal.getStart(sourceFile) + 1, newText: ` ${key}: undefined,` };
    });
    return last
      ? { description: 'Write the missing keys with `undefined`', edits }
      : {
          description: 'Write the missing keys with `undefined`',
          edits: [{ start: literal.getEnd() - 1, end: literal.getEnd() - 1, newText: ` ${added} ` }],
        };
  }

  private valueOf(literal: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
    for (const p of literal.properties) {
      if (propertyNameOf(this.tsm, p) !== key) continue;
      if (this.tsm.isPropertyAssignment(p)) return p.initializer;
      if (this.tsm.isShorthandPropertyAssignment(p)) return p.name;
    }
    return undefined;
  }

  private lineOf(node: ts.Node): number {
    return this.context.sourceFile.getLineAndCharacterOfPosition(node.getStart(this.context.sourceFile)).line + 1;
  }

  private report(messageId: MessageId, node: ts.Node, data: Record<string, string>, fix?: Fix, suggestions?: Fix[]): void {
    if (this.reported.has(node)) return;
    this.reported.add(node);
    this.context.report(messageId, node, data, fix, suggestions);
  }
}

/** The literal's keys in order, or undefined when a spread or computed key hides them. */
function keysOf(tsm: typeof ts, literal: ts.ObjectLiteralExpression): string[] | undefined {
  const keys: string[] = [];
  for (const property of literal.properties) {
    const name = propertyNameOf(tsm, property);
    if (name === undefined) return undefined;
    keys.push(name);
  }
  return keys;
}

/** Reordering keys reorders evaluation: only literals, identifiers and member reads may move. */
function isSideEffectFree(tsm: typeof ts, property: ts.ObjectLiteralElementLike): boolean {
  if (tsm.isShorthandPropertyAssignment(property)) return true;
  if (!tsm.isPropertyAssignment(property)) return false;
  const pure = (e: ts.Expression): boolean => {
    const value = skipTransparentWrappers(tsm, e);
    if (
      tsm.isIdentifier(value) ||
      tsm.isLiteralExpression(value) ||
      value.kind === tsm.SyntaxKind.TrueKeyword ||
      value.kind === tsm.SyntaxKind.FalseKeyword ||
      value.kind === tsm.SyntaxKind.NullKeyword
    )
      return true;
    if (tsm.isPropertyAccessExpression(value)) return pure(value.expression);
    if (tsm.isObjectLiteralExpression(value)) return value.properties.every((p) => isSideEffectFree(tsm, p));
    if (tsm.isArrayLiteralExpression(value)) return value.elements.every((el) => !tsm.isSpreadElement(el) && pure(el));
    return false;
  };
  return pure(property.initializer);
}

/** The `const` declaration a name refers to, found by walking out through the enclosing blocks. */
function localConstant(tsm: typeof ts, identifier: ts.Identifier): ts.VariableDeclaration | undefined {
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (!tsm.isBlock(scope) && !tsm.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (!tsm.isVariableStatement(statement) || !(statement.declarationList.flags & tsm.NodeFlags.Const)) continue;
      const found = statement.declarationList.declarations.find((d) => tsm.isIdentifier(d.name) && d.name.text === identifier.text);
      if (found) return found;
    }
  }
  return undefined;
}
