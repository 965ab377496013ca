import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';

/** A part of a value that does not survive a trip through JSON, and where it sits in the value. */
export interface NotSerializable {
  /** `''` for the value itself, else a path such as `.handlers.onSave` or `.items[]`. */
  path: string;
  /** What it is, for a message: `a function`, `a Map`, `an instance of TodoCache`, ... */
  what: string;
}

/**
 * Built-in objects that hold state JSON does not carry (methods, prototypes, identities): they
 * arrive on the other side as `{}`, a string, or not at all.
 */
const BUILT_IN_OBJECTS = new Set([
  'Map',
  'ReadonlyMap',
  'Set',
  'ReadonlySet',
  'WeakMap',
  'WeakSet',
  'WeakRef',
  'Promise',
  'PromiseLike',
  'Date',
  'RegExp',
  'Error',
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Generator',
  'AsyncGenerator',
  'Iterator',
  'IterableIterator',
  'AsyncIterator',
  'AsyncIterableIterator',
  'Function',
  'Symbol',
]);
const TYPED_ARRAY = /^(Big)?(Int|Uint|Float)(8|16|32|64)(Clamped)?Array$/;
/** How deep into a value the check looks: deeper types are rare and costly to expand. */
const MAX_DEPTH = 8;

/**
 * Finds a part of a type that JSON does not carry: functions (methods included), class
 * instances, built-in objects such as `Map`, `Set`, `Date` and `Promise`, symbols and bigints,
 * anywhere in the value (properties, index signatures, array and tuple elements, union members).
 * `any`, `unknown` and unconstrained type parameters say nothing and pass.
 */
export function findNotSerializable(tsm: TypeScriptModule, checker: ts.TypeChecker, type: ts.Type): NotSerializable | undefined {
  const inProgress = new Set<ts.Type>();
  const { TypeFlags, ObjectFlags, SymbolFlags, IndexKind } = tsm;

  const visit = (current: ts.Type, path: string, depth: number): NotSerializable | undefined => {
    if (depth > MAX_DEPTH || inProgress.has(current)) return undefined;
    const flags = current.flags;
    if (flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.Never)) return undefined;
    if (flags & TypeFlags.ESSymbolLike) return { path, what: 'a symbol' };
    if (flags & TypeFlags.BigIntLike) return { path, what: 'a bigint' };
    if (flags & TypeFlags.Instantiable) {
      const constraint = checker.getBaseConstraintOfType(current);
      return constraint && constraint !== current ? visit(constraint, path, depth) : undefined;
    }
    if (current.isUnionOrIntersection()) {
      for (const part of current.types) {
        const found = visit(part, path, depth);
        if (found) return found;
      }
      return undefined;
    }
    if (!(flags & TypeFlags.Object)) return undefined;

    inProgress.add(current);
    try {
      if (current.getCallSignatures().length > 0) return { path, what: 'a function' };
      if (current.getConstructSignatures().length > 0) return { path, what: 'a class' };
      if (checker.isArrayType(current) || checker.isTupleType(current)) {
        const elements = checker.isTupleType(current)
          ? checker.getTypeArguments(current as ts.TypeReference)
          : [checker.getIndexTypeOfType(current, IndexKind.Number)!];
        for (const element of elements) {
          const found = element && visit(element, `${path}[]`, depth + 1);
          if (found) return found;
        }
        return undefined;
      }
      const objectFlags = (current as ts.ObjectType).objectFlags;
      const target = objectFlags & ObjectFlags.Reference ? (current as ts.TypeReference).target : current;
      const symbol = target.getSymbol() ?? current.getSymbol();
      if (symbol) {
        const name = symbol.getName();
        if (BUILT_IN_OBJECTS.has(name) || TYPED_ARRAY.test(name)) return { path, what: `a ${name}` };
        if (symbol.flags & SymbolFlags.Class) return { path, what: `an instance of ${name}` };
      }
      for (const property of checker.getPropertiesOfType(current)) {
        const found = visit(checker.getTypeOfSymbol(property), `${path}.${property.getName()}`, depth + 1);
        if (found) return found;
      }
      for (const kind of [IndexKind.String, IndexKind.Number]) {
        const indexed = checker.getIndexTypeOfType(current, kind);
        const found = indexed && visit(indexed, `${path}[]`, depth + 1);
        if (found) return found;
      }
      return undefined;
    } finally {
      inProgress.delete(current);
    }
  };
  return visit(type, '', 0);
}

/**
 * The same question asked of written code, without types: a function, method, class or `new`
 * expression, a `Symbol(...)` or a bigint, as the value or inside the object and array literals
 * that make it up.
 */
export function findNotSerializableLiteral(tsm: TypeScriptModule, expression: ts.Expression): NotSerializable | undefined {
  const visit = (node: ts.Expression, path: string): NotSerializable | undefined => {
    while (tsm.isParenthesizedExpression(node) || tsm.isAsExpression(node) || tsm.isSatisfiesExpression(node)) node = node.expression;
    if (tsm.isArrowFunction(node) || tsm.isFunctionExpression(node)) return { path, what: 'a function' };
    if (tsm.isClassExpression(node)) return { path, what: 'a class' };
    if (tsm.isNewExpression(node)) {
      const name = tsm.isIdentifier(node.expression) ? node.expression.text : undefined;
      if (name && (BUILT_IN_OBJECTS.has(name) || TYPED_ARRAY.test(name))) return { path, what: `a ${name}` };
      return { path, what: name ? `an instance of ${name}` : 'a class instance' };
    }
    if (tsm.isCallExpression(node) && tsm.isIdentifier(node.expression) && node.expression.text === 'Symbol')
      return { path, what: 'a symbol' };
    if (tsm.isBigIntLiteral(node)) return { path, what: 'a bigint' };
    if (tsm.isArrayLiteralExpression(node)) {
      for (const element of node.elements) {
        const found = tsm.isSpreadElement(element) ? undefined : visit(element, `${path}[]`);
        if (found) return found;
      }
      return undefined;
    }
    if (tsm.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        const name =
          property.name && (tsm.isIdentifier(property.name) || tsm.isStringLiteral(property.name)) ? property.name.text : undefined;
        if (name === undefined) continue;
        // A getter is read by JSON for its value; a method is not a value.
        if (tsm.isMethodDeclaration(property)) return { path: `${path}.${name}`, what: 'a function' };
        const found = tsm.isPropertyAssignment(property) ? visit(property.initializer, `${path}.${name}`) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(expression, '');
}
