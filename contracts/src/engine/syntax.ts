import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';

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

/** Wrappers that pass a value through unchanged: parentheses and type-only syntax. */
export function isTransparentWrapper(tsm: TypeScriptModule, node: ts.Node): boolean {
  return (
    tsm.isParenthesizedExpression(node) ||
    tsm.isAsExpression(node) ||
    tsm.isNonNullExpression(node) ||
    tsm.isSatisfiesExpression(node) ||
    tsm.isTypeAssertionExpression(node)
  );
}

export function skipTransparentWrappers(tsm: TypeScriptModule, node: ts.Expression): ts.Expression {
  let current = node;
  while (isTransparentWrapper(tsm, current)) current = (current as ts.ParenthesizedExpression).expression;
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
  let current: ts.Node = node;
  for (;;) {
    const parent: ts.Node = current.parent;
    if (
      isTransparentWrapper(tsm, parent) ||
      tsm.isArrayLiteralExpression(parent) ||
      tsm.isObjectLiteralExpression(parent) ||
      tsm.isSpreadElement(parent) ||
      tsm.isSpreadAssignment(parent) ||
      (tsm.isPropertyAssignment(parent) && parent.initializer === current) ||
      (tsm.isConditionalExpression(parent) && parent.condition !== current)
    ) {
      current = parent;
      continue;
    }
    if ((tsm.isCallExpression(parent) || tsm.isNewExpression(parent)) && parent.arguments?.includes(current as ts.Expression)) {
      return { kind: 'argument', call: parent };
    }
    if (tsm.isReturnStatement(parent) || (tsm.isArrowFunction(parent) && parent.body === current)) return { kind: 'returned' };
    if (tsm.isYieldExpression(parent)) {
      return parent.asteriskToken ? { kind: 'delegated' } : { kind: 'yielded', yieldExpression: parent };
    }
    if (tsm.isVariableDeclaration(parent) && parent.initializer === current && tsm.isIdentifier(parent.name)) {
      return { kind: 'variable', name: parent.name.text };
    }
    if (
      tsm.isBinaryExpression(parent) &&
      parent.operatorToken.kind === tsm.SyntaxKind.EqualsToken &&
      parent.right === current &&
      tsm.isIdentifier(parent.left)
    ) {
      return { kind: 'variable', name: parent.left.text };
    }
    return { kind: 'other' };
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
