import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';
import type { FileIndex } from './file-index';
import type { StoryRecognizer } from './story-recognition';
import { propertyNameOf, returnedExpressions, skipTransparentWrappers } from './syntax';

/** An object literal the runtime receives as an action, or as an action's payload. */
export interface ShapedLiteral {
  literal: ts.ObjectLiteralExpression;
  kind: 'action' | 'payload';
  /** The action literal a payload belongs to; undefined for actions and `getPayload` results. */
  action?: ts.ObjectLiteralExpression;
  /** The `getPayload` function a payload is returned by. */
  getPayload?: ts.ArrowFunction | ts.FunctionExpression;
}

/** A conditional whose value the runtime receives: yielded as an action, or returned as a payload. */
export interface ShapedConditional {
  conditional: ts.ConditionalExpression;
  kind: 'action' | 'payload';
}

export interface ActionLiterals {
  /** Every action and payload literal, in source order. */
  literals: readonly ShapedLiteral[];
  conditionals: readonly ShapedConditional[];
  /** `getPayload` functions with the payload literals each returns. */
  getPayloads: ReadonlyArray<{
    fn: ts.ArrowFunction | ts.FunctionExpression;
    requester: ts.ObjectLiteralExpression;
    literals: ts.ObjectLiteralExpression[];
  }>;
  /** Local variables an action literal is kept in before it is yielded. */
  actionVariables: ReadonlyMap<ts.VariableDeclaration, ts.ObjectLiteralExpression>;
}

const cache = new WeakMap<StoryRecognizer, WeakMap<ts.SourceFile, ActionLiterals>>();

/**
 * The action literals of a file: object literals that reach a plain `yield` in a story, directly,
 * through conditional branches or through a local variable that is yielded; and payload literals:
 * the `payload` of an action literal (also when built in a local variable first) and what a
 * requester factory's `getPayload` returns. Keys alone never make an action: a queue message or
 * a stored record with `type` and `payload` keys is not one.
 */
export function getActionLiterals(
  tsm: TypeScriptModule,
  sourceFile: ts.SourceFile,
  index: FileIndex,
  stories: StoryRecognizer,
): ActionLiterals {
  let byFile = cache.get(stories);
  if (!byFile) cache.set(stories, (byFile = new WeakMap()));
  let found = byFile.get(sourceFile);
  if (!found) {
    found = new ActionLiteralCollector(tsm, index, stories).collect();
    byFile.set(sourceFile, found);
  }
  return found;
}

class ActionLiteralCollector {
  private readonly literals = new Map<ts.ObjectLiteralExpression, ShapedLiteral>();
  private readonly conditionals: ShapedConditional[] = [];
  private readonly getPayloads: ActionLiterals['getPayloads'][number][] = [];
  private readonly actionVariables = new Map<ts.VariableDeclaration, ts.ObjectLiteralExpression>();

  constructor(
    private readonly tsm: TypeScriptModule,
    private readonly index: FileIndex,
    private readonly stories: StoryRecognizer,
  ) {}

  collect(): ActionLiterals {
    const tsm = this.tsm;
    const storyVerdicts = new Map<ts.Node, boolean>();
    for (const { node, scope } of this.index.yields) {
      if (node.asteriskToken || !node.expression || !scope) continue;
      // The story question costs the generator's whole inferred type when it has no annotation;
      // a yield that reaches no literal (`yield askX()`, `yield i`) has nothing to record anyway.
      if (!this.mayReachLiteral(node.expression, scope.node, new Set())) continue;
      let isStory = storyVerdicts.get(scope.node);
      if (isStory === undefined) {
        // Without types every generator counts; with them, a generator of plain values does not.
        isStory = this.stories.verdictOfFunction(scope.node as ts.SignatureDeclaration) !== 'not-story';
        storyVerdicts.set(scope.node, isStory);
      }
      if (isStory) this.takeValue(node.expression, 'action', scope.node, new Set());
    }
    for (const { node } of this.index.nodes<ts.PropertyAssignment>(tsm.SyntaxKind.PropertyAssignment)) this.takeGetPayload(node);
    return {
      literals: [...this.literals.values()].sort((a, b) => a.literal.pos - b.literal.pos),
      conditionals: this.conditionals.sort((a, b) => a.conditional.pos - b.conditional.pos),
      getPayloads: this.getPayloads,
      actionVariables: this.actionVariables,
    };
  }

  /** `getPayload: (...) => ({ ... })` in a requester definition: its returned literals are payloads. */
  private takeGetPayload(property: ts.PropertyAssignment): void {
    const tsm = this.tsm;
    if (!tsm.isIdentifier(property.name) || property.name.text !== 'getPayload' || !tsm.isObjectLiteralExpression(property.parent)) return;
    const fn = skipTransparentWrappers(tsm, property.initializer);
    if (!tsm.isArrowFunction(fn) && !tsm.isFunctionExpression(fn)) return;
    const before = new Set(this.literals.keys());
    for (const returned of returnedExpressions(tsm, fn)) this.takeValue(returned, 'payload', fn, new Set(), undefined, fn);
    const literals = [...this.literals.values()].filter((l) => !before.has(l.literal) && l.getPayload === fn).map((l) => l.literal);
    this.getPayloads.push({ fn, requester: property.parent, literals });
  }

  /**
   * Follows a value the runtime receives back to the literals that build it: through type-only
   * wrappers, both branches of a conditional, and a local variable's initializer.
   */
  private takeValue(
    expression: ts.Expression,
    kind: 'action' | 'payload',
    scope: ts.Node,
    seen: Set<ts.Node>,
    action?: ts.ObjectLiteralExpression,
    getPayload?: ts.ArrowFunction | ts.FunctionExpression,
  ): void {
    const tsm = this.tsm;
    const value = skipTransparentWrappers(tsm, expression);
    if (seen.has(value)) return;
    seen.add(value);
    if (tsm.isObjectLiteralExpression(value)) {
      if (this.literals.has(value)) return;
      this.literals.set(value, { literal: value, kind, action, getPayload });
      if (kind === 'action') this.takePayloadOf(value, scope, seen);
      return;
    }
    if (tsm.isConditionalExpression(value)) {
      this.conditionals.push({ conditional: value, kind });
      this.takeValue(value.whenTrue, kind, scope, seen, action, getPayload);
      this.takeValue(value.whenFalse, kind, scope, seen, action, getPayload);
      return;
    }
    if (tsm.isIdentifier(value)) {
      const declaration = localDeclaration(tsm, scope, value.text);
      if (declaration?.initializer) {
        const initializer = skipTransparentWrappers(tsm, declaration.initializer);
        if (kind === 'action' && tsm.isObjectLiteralExpression(initializer)) this.actionVariables.set(declaration, initializer);
        this.takeValue(declaration.initializer, kind, scope, seen, action, getPayload);
      }
    }
  }

  /** Whether `takeValue` could record anything from this value: the same steps, by syntax alone. */
  private mayReachLiteral(expression: ts.Expression, scope: ts.Node, seen: Set<ts.Node>): boolean {
    const tsm = this.tsm;
    const value = skipTransparentWrappers(tsm, expression);
    if (seen.has(value)) return false;
    seen.add(value);
    if (tsm.isObjectLiteralExpression(value) || tsm.isConditionalExpression(value)) return true;
    if (!tsm.isIdentifier(value)) return false;
    const initializer = localDeclaration(tsm, scope, value.text)?.initializer;
    return initializer !== undefined && this.mayReachLiteral(initializer, scope, seen);
  }

  private takePayloadOf(action: ts.ObjectLiteralExpression, scope: ts.Node, seen: Set<ts.Node>): void {
    const tsm = this.tsm;
    for (const property of action.properties) {
      if (propertyNameOf(tsm, property) !== 'payload') continue;
      const value = tsm.isPropertyAssignment(property)
        ? property.initializer
        : tsm.isShorthandPropertyAssignment(property)
          ? property.name
          : undefined;
      if (value) this.takeValue(value, 'payload', scope, seen, action);
    }
  }
}

/** The `const`/`let` declaration of `name` in `scope`'s own body (not in nested functions). */
function localDeclaration(tsm: TypeScriptModule, scope: ts.Node, name: string): ts.VariableDeclaration | undefined {
  let found: ts.VariableDeclaration | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (node !== scope && tsm.isFunctionLike(node)) return;
    if (tsm.isVariableDeclaration(node) && tsm.isIdentifier(node.name) && node.name.text === name) {
      found = node;
      return;
    }
    tsm.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}
