import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';
import { kindFlagTable } from './kind-flags';

/**
 * Whether an expression at this position must be wrapped in parentheses to become a `yield*`
 * expression. A yield is an AssignmentExpression: it stands without parentheses only where the
 * grammar takes one (initializers, returns, arguments, branches of a conditional, ...).
 */
export function yieldNeedsParens(tsm: TypeScriptModule, node: ts.Expression): boolean {
  const parent = node.parent;
  const SK = tsm.SyntaxKind;
  switch (parent.kind) {
    case SK.ParenthesizedExpression:
    case SK.VariableDeclaration:
    case SK.PropertyAssignment:
    case SK.ReturnStatement:
    case SK.ExpressionStatement:
    case SK.ThrowStatement:
    case SK.ArrayLiteralExpression:
    case SK.SpreadElement:
    case SK.SpreadAssignment:
    case SK.TemplateSpan:
    case SK.YieldExpression:
    case SK.IfStatement:
    case SK.WhileStatement:
    case SK.DoStatement:
    case SK.ForStatement:
    case SK.ForOfStatement:
    case SK.ForInStatement:
    case SK.SwitchStatement:
    case SK.CaseClause:
    case SK.ExportAssignment:
    case SK.JsxExpression:
      return false;
    case SK.CallExpression:
    case SK.NewExpression:
      // Arguments take an AssignmentExpression; the callee does not.
      return (parent as ts.CallExpression | ts.NewExpression).expression === node;
    case SK.ElementAccessExpression:
      return (parent as ts.ElementAccessExpression).argumentExpression !== node;
    case SK.ConditionalExpression:
      return (parent as ts.ConditionalExpression).condition === node;
    case SK.BinaryExpression: {
      const binary = parent as ts.BinaryExpression;
      const op = binary.operatorToken.kind;
      if (op === SK.CommaToken) return false;
      const isAssignment = op >= SK.FirstAssignment && op <= SK.LastAssignment;
      return !(isAssignment && binary.right === node);
    }
    default:
      // Operands of unary, binary and member expressions, callees, tags, type assertions.
      return true;
  }
}

// What the helpers below do with a node of each kind: they run for every call in every story.
const TRANSPARENT = 1;
/** Wrappers, array and object literals and spreads, which carry a value outwards to where it is used (`destinationOf`). */
const CARRIES = 2;

const valueFlags = kindFlagTable((mark, SK) => {
  mark(
    [SK.ParenthesizedExpression, SK.AsExpression, SK.NonNullExpression, SK.SatisfiesExpression, SK.TypeAssertionExpression],
    TRANSPARENT | CARRIES,
  );
  mark([SK.ArrayLiteralExpression, SK.ObjectLiteralExpression, SK.SpreadElement, SK.SpreadAssignment], CARRIES);
});

/** Wrappers that pass a value through unchanged: parentheses and type-only syntax. */
export function isTransparentWrapper(tsm: TypeScriptModule, node: ts.Node): boolean {
  return (valueFlags(tsm)[node.kind] & TRANSPARENT) !== 0;
}

export function skipTransparentWrappers(tsm: TypeScriptModule, node: ts.Expression): ts.Expression {
  const flags = valueFlags(tsm);
  let current = node;
  while (flags[current.kind] & TRANSPARENT) current = (current as ts.ParenthesizedExpression).expression;
  return current;
}

/** Where a value ends up, looking through literals and conditionals that only carry it. */
export type ValueDestination =
  | { kind: 'argument'; call: ts.CallExpression | ts.NewExpression }
  | { kind: 'returned' }
  | { kind: 'delegated' }
  | { kind: 'yielded'; yieldExpression: ts.YieldExpression }
  | { kind: 'variable'; name: string }
  | { kind: 'other' };

/**
 * Follows a value outwards through parentheses, array and object literals and conditional
 * branches to where it is used: passed as an argument, returned, delegated with `yield*`, yielded,
 * stored in a variable, or something else.
 */
export function destinationOf(tsm: TypeScriptModule, node: ts.Expression): ValueDestination {
  const flags = valueFlags(tsm);
  const SK = tsm.SyntaxKind;
  let current: ts.Node = node;
  for (;;) {
    const parent: ts.Node = current.parent;
    const kind = parent.kind;
    if (
      flags[kind] & CARRIES ||
      (kind === SK.PropertyAssignment && (parent as ts.PropertyAssignment).initializer === current) ||
      (kind === SK.ConditionalExpression && (parent as ts.ConditionalExpression).condition !== current)
    ) {
      current = parent;
      continue;
    }
    switch (kind) {
      case SK.CallExpression:
      case SK.NewExpression: {
        const call = parent as ts.CallExpression | ts.NewExpression;
        return call.arguments?.includes(current as ts.Expression) ? { kind: 'argument', call } : { kind: 'other' };
      }
      case SK.ReturnStatement:
        return { kind: 'returned' };
      case SK.ArrowFunction:
        return (parent as ts.ArrowFunction).body === current ? { kind: 'returned' } : { kind: 'other' };
      case SK.YieldExpression: {
        const yieldExpression = parent as ts.YieldExpression;
        return yieldExpression.asteriskToken ? { kind: 'delegated' } : { kind: 'yielded', yieldExpression };
      }
      case SK.VariableDeclaration: {
        const declaration = parent as ts.VariableDeclaration;
        return declaration.initializer === current && declaration.name.kind === SK.Identifier
          ? { kind: 'variable', name: declaration.name.text }
          : { kind: 'other' };
      }
      case SK.BinaryExpression: {
        const binary = parent as ts.BinaryExpression;
        return binary.operatorToken.kind === SK.EqualsToken && binary.right === current && binary.left.kind === SK.Identifier
          ? { kind: 'variable', name: (binary.left as ts.Identifier).text }
          : { kind: 'other' };
      }
      default:
        return { kind: 'other' };
    }
  }
}

/** Identifiers named `name` inside `root`, other than declarations and property names. */
export function referencesTo(tsm: TypeScriptModule, root: ts.Node, name: string): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (tsm.isIdentifier(node)) {
      if (node.text === name && isValueReference(tsm, node)) found.push(node);
      return;
    }
    tsm.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

function isValueReference(tsm: TypeScriptModule, id: ts.Identifier): boolean {
  const parent = id.parent;
  if (tsm.isVariableDeclaration(parent) && parent.name === id) return false;
  if (tsm.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if (tsm.isPropertyAssignment(parent) && parent.name === id) return false;
  if (tsm.isBinaryExpression(parent) && parent.left === id && parent.operatorToken.kind === tsm.SyntaxKind.EqualsToken) {
    return false;
  }
  return true;
}

/** Short source text for messages: whitespace folded, long text cut. */
export function snippet(node: ts.Node, sourceFile: ts.SourceFile, max = 40): string {
  const text = node.getText(sourceFile).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The name a function literal is known by: its own, or that of the variable, property, class
 * member or assignment target it is bound to. Undefined for computed and anonymous names.
 */
export function functionNameOf(tsm: TypeScriptModule, fn: ts.Node): { text: string; node: ts.Node } | undefined {
  const own = (fn as ts.FunctionLikeDeclarationBase).name;
  if (own && (tsm.isIdentifier(own) || tsm.isStringLiteral(own))) return { text: own.text, node: own };
  if (own) return undefined;
  let outer: ts.Node = fn;
  while (tsm.isParenthesizedExpression(outer.parent) || tsm.isAsExpression(outer.parent) || tsm.isSatisfiesExpression(outer.parent))
    outer = outer.parent;
  const parent = outer.parent;
  const named = (name: ts.Node | undefined) =>
    name && (tsm.isIdentifier(name) || tsm.isStringLiteral(name)) ? { text: name.text, node: name } : undefined;
  if (tsm.isVariableDeclaration(parent) && parent.initializer === outer) return named(parent.name);
  if (tsm.isPropertyAssignment(parent) && parent.initializer === outer) return named(parent.name);
  if (tsm.isPropertyDeclaration(parent) && parent.initializer === outer) return named(parent.name);
  if (tsm.isBinaryExpression(parent) && parent.operatorToken.kind === tsm.SyntaxKind.EqualsToken && parent.right === outer) {
    const left = skipTransparentWrappers(tsm, parent.left);
    if (tsm.isIdentifier(left)) return named(left);
    if (tsm.isPropertyAccessExpression(left)) return named(left.name);
  }
  return undefined;
}

/** What a function returns: its expression body, or the operands of its own `return`s (not those of functions inside it). */
export function returnedExpressions(tsm: TypeScriptModule, fn: ts.SignatureDeclaration): ts.Expression[] {
  const body = (fn as ts.FunctionLikeDeclarationBase).body;
  if (!body) return [];
  if (!tsm.isBlock(body)) return [body as ts.Expression];
  const returned: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (tsm.isFunctionLike(node)) return;
    if (tsm.isReturnStatement(node) && node.expression) returned.push(node.expression);
    tsm.forEachChild(node, visit);
  };
  tsm.forEachChild(body, visit);
  return returned;
}

/** The name of an object literal member, when it is written plainly (`a`, `'a'`, `1`). */
export function propertyNameOf(tsm: TypeScriptModule, property: ts.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  if (!name) return undefined;
  if (tsm.isIdentifier(name) || tsm.isStringLiteral(name) || tsm.isNumericLiteral(name)) return name.text;
  return undefined;
}

/**
 * Whether a function-like node is declared `async`. Read from the node's own list: `getModifiers`
 * copies it (without decorators) for every call.
 */
export function hasAsyncModifier(tsm: TypeScriptModule, node: ts.Node): boolean {
  const modifiers = (node as { modifiers?: ts.NodeArray<ts.ModifierLike> }).modifiers;
  if (!modifiers) return false;
  const ASYNC = tsm.SyntaxKind.AsyncKeyword;
  for (const modifier of modifiers) if (modifier.kind === ASYNC) return true;
  return false;
}
