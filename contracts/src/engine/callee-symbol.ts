import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';
import { isFileChecked } from './checked-files';
import { getFileIndex } from './file-index';
import { generatorResultType } from './generator-type';
import { importedName, NOT_READ, unaliased } from './imported-symbol';

/**
 * What a call's callee names, aliases followed: the function of `askDateNow()`, the method of
 * `Math.floor(x)` or `todoLogic.askCreate(x)`. Resolved once per callee node and checker, whichever
 * contract asks first, so every rule on the file shares the answer.
 *
 * A method is read from its receiver's declared type when that type is plain (one object or
 * primitive type, no union): the checker's own route checks the receiver expression, with control
 * flow analysis back to the start of the function, and a story body asks about hundreds of
 * `id.split(...)` and `Math.min(...)` calls. Narrowing cannot change the member of a type that is
 * not a union; a member the declared type lacks (found by an `in` or `instanceof` guard) takes
 * the checker's route. A default-library method of a receiver made by a generic call is found on
 * what that call declares to return, without inferring the call (`libraryMemberOfDeclaredShape`).
 * Those routes spare a file the checker has not checked; in one it has (checked-files.ts, the
 * editor's case) the checker's own answer is already kept with the node and is asked directly.
 */
export function calleeSymbolOf(tsm: TypeScriptModule, checker: ts.TypeChecker, callee: ts.Expression): ts.Symbol | undefined {
  let cache = cachesByChecker.get(checker);
  if (!cache) cachesByChecker.set(checker, (cache = new WeakMap()));
  if (cache.has(callee)) return cache.get(callee);
  const symbol = resolveCallee(tsm, checker, callee);
  cache.set(callee, symbol);
  return symbol;
}

/** The callee's own name as written: `askCatch` of `askCatch(...)` and `system.askCatch(...)`; undefined for other callees. */
export function calleeName(tsm: TypeScriptModule, callee: ts.Expression): string | undefined {
  if (tsm.isIdentifier(callee)) return callee.text;
  if (tsm.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The callee of a call or tagged template, as written. */
export function calleeExpressionOf(tsm: TypeScriptModule, call: ts.CallExpression | ts.TaggedTemplateExpression): ts.Expression {
  return tsm.isTaggedTemplateExpression(call) ? call.tag : call.expression;
}

const cachesByChecker = new WeakMap<ts.TypeChecker, WeakMap<ts.Node, ts.Symbol | undefined>>();
const namesByChecker = new WeakMap<ts.TypeChecker, WeakMap<ts.SourceFile, Map<string, ts.Symbol | undefined>>>();

/**
 * What a name in a value position refers to, aliases followed. A name that means one thing
 * everywhere in its file (see FileIndex.meansOneThing), like an imported `askLogCreate` called a
 * hundred times, is resolved once per file.
 */
function symbolOfName(tsm: TypeScriptModule, checker: ts.TypeChecker, name: ts.Identifier): ts.Symbol | undefined {
  const sourceFile = name.getSourceFile();
  if (!getFileIndex(tsm, sourceFile).meansOneThing(name.text)) return unaliased(tsm, checker, checker.getSymbolAtLocation(name));
  let files = namesByChecker.get(checker);
  if (!files) namesByChecker.set(checker, (files = new WeakMap()));
  let names = files.get(sourceFile);
  if (!names) files.set(sourceFile, (names = new Map()));
  if (names.has(name.text)) return names.get(name.text);
  let symbol = importedName(tsm, checker, sourceFile, name.text, 'value');
  if (symbol === NOT_READ) symbol = unaliased(tsm, checker, checker.getSymbolAtLocation(name));
  names.set(name.text, symbol);
  return symbol;
}

function resolveCallee(tsm: TypeScriptModule, checker: ts.TypeChecker, callee: ts.Expression): ts.Symbol | undefined {
  const isName = tsm.isIdentifier(callee);
  if (!isName && (!tsm.isPropertyAccessExpression(callee) || !tsm.isIdentifier(callee.name))) return undefined;
  // A file the checker has checked: what it resolved is kept with each node, the cheapest answer.
  if (isFileChecked(checker, callee.getSourceFile()))
    return unaliased(tsm, checker, checker.getSymbolAtLocation(isName ? callee : (callee as ts.PropertyAccessExpression).name));
  if (isName) return symbolOfName(tsm, checker, callee);
  // A receiver's name is resolved once for both routes: a local name is a question to the checker.
  const named = tsm.isIdentifier(callee.expression) ? symbolOfName(tsm, checker, callee.expression) : undefined;
  const libraryMember = libraryMemberOfDeclaredShape(tsm, checker, callee.expression, named, callee.name.text);
  if (libraryMember) return libraryMember;
  const receiver = declaredTypeOf(tsm, checker, callee.expression, 0, named);
  const member = receiver && checker.getPropertyOfType(checker.getApparentType(receiver), callee.name.text);
  return unaliased(tsm, checker, member ?? checker.getSymbolAtLocation(callee.name));
}

/** Receivers read by declaration: names, property chains and calls, `event.path.split('/')` at most a few deep. */
const MAX_DEPTH = 4;

/**
 * The type a receiver has by its declarations alone, when narrowing cannot make it another type
 * with other members: undefined for unions, `any`, `unknown`, type parameters, generic calls and
 * receivers that are not a name, a property chain or a call (`this`, element access).
 */
function declaredTypeOf(
  tsm: TypeScriptModule,
  checker: ts.TypeChecker,
  expression: ts.Expression,
  depth: number,
  named?: ts.Symbol,
): ts.Type | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let type: ts.Type | undefined;
  if (tsm.isIdentifier(expression)) {
    const symbol = named ?? symbolOfName(tsm, checker, expression);
    type = symbol && checker.getTypeOfSymbol(symbol);
  } else if (tsm.isPropertyAccessExpression(expression) && !expression.questionDotToken && tsm.isIdentifier(expression.name)) {
    const owner = declaredTypeOf(tsm, checker, expression.expression, depth + 1);
    const member = owner && unaliased(tsm, checker, checker.getPropertyOfType(checker.getApparentType(owner), expression.name.text));
    type = member && checker.getTypeOfSymbol(member);
  } else if (tsm.isCallExpression(expression) && !expression.questionDotToken) {
    const callee =
      tsm.isPropertyAccessExpression(expression.expression) || tsm.isIdentifier(expression.expression) ? expression.expression : undefined;
    const fn = callee && calleeSymbolOf(tsm, checker, callee);
    type = fn && onlyReturnType(checker, checker.getTypeOfSymbol(fn));
  }
  const { TypeFlags } = tsm;
  if (!type || type.flags & (TypeFlags.Union | TypeFlags.Any | TypeFlags.Unknown | TypeFlags.Never | TypeFlags.Instantiable))
    return undefined;
  return type;
}

/** What every call of a non-generic function returns, when all its overloads agree (`split` -> `string[]`). */
function onlyReturnType(checker: ts.TypeChecker, fn: ts.Type): ts.Type | undefined {
  const signatures = fn.getCallSignatures();
  if (signatures.length === 0 || signatures.some((s) => s.typeParameters !== undefined)) return undefined;
  const returned = checker.getReturnTypeOfSignature(signatures[0]);
  return signatures.every((s) => checker.getReturnTypeOfSignature(s) === returned) ? returned : undefined;
}

/**
 * A default-library method (`filter`, `flat`, `slice`) of a receiver that generic code makes:
 * `const results = yield* askMap(...)` then `results.flat()`, or `items.map(...).filter(...)`.
 * Its type is an instantiation of what the called function declares (`R[]`), and an
 * instantiation has the members its declaration has, whatever the type arguments: the member is
 * found on the declared type, and the receiver is not inferred (inferring it resolves the whole
 * generic call, the costliest question a story body asks). Only members the default library
 * declares are taken this way (their verdicts do not depend on the instantiation); undefined
 * sends the caller to the receiver's own type.
 */
function libraryMemberOfDeclaredShape(
  tsm: TypeScriptModule,
  checker: ts.TypeChecker,
  receiver: ts.Expression,
  named: ts.Symbol | undefined,
  name: string,
): ts.Symbol | undefined {
  const shape = declaredShapeOf(tsm, checker, receiver, named);
  const member = shape && checker.getPropertyOfType(checker.getApparentType(shape), name);
  const declarations = member?.declarations;
  if (!declarations || declarations.length === 0 || !declarations.every((d) => d.getSourceFile().hasNoDefaultLib)) return undefined;
  return member;
}

/**
 * The declared type a receiver is an instantiation of: for a call, what its function declares to
 * return; for a name, that of the call that initialises it (`yield*` of a call: the result the
 * story declares). Undefined where that is not an object type with members fixed by its
 * declaration, and for anything else (annotated variables and parameters have cheap types).
 * `named` is what the receiver names, when it is a name.
 */
function declaredShapeOf(
  tsm: TypeScriptModule,
  checker: ts.TypeChecker,
  receiver: ts.Expression,
  named: ts.Symbol | undefined,
): ts.Type | undefined {
  if (tsm.isCallExpression(receiver)) return declaredReturnShape(tsm, checker, receiver, false);
  const declaration = named?.valueDeclaration;
  if (!declaration || !tsm.isVariableDeclaration(declaration) || declaration.type || !declaration.initializer) return undefined;
  let value = declaration.initializer;
  while (tsm.isParenthesizedExpression(value)) value = value.expression;
  if (tsm.isYieldExpression(value) && value.asteriskToken && value.expression) {
    let delegated = value.expression;
    while (tsm.isParenthesizedExpression(delegated)) delegated = delegated.expression;
    return tsm.isCallExpression(delegated) ? declaredReturnShape(tsm, checker, delegated, true) : undefined;
  }
  return tsm.isCallExpression(value) ? declaredReturnShape(tsm, checker, value, false) : undefined;
}

/** What every signature of the call's function declares to return (with `delegated`, as a generator's result), when they agree on its shape. */
function declaredReturnShape(
  tsm: TypeScriptModule,
  checker: ts.TypeChecker,
  call: ts.CallExpression,
  delegated: boolean,
): ts.Type | undefined {
  if (call.questionDotToken) return undefined;
  const callee = call.expression;
  if (!tsm.isIdentifier(callee) && !tsm.isPropertyAccessExpression(callee)) return undefined;
  const fn = calleeSymbolOf(tsm, checker, callee);
  const signatures = fn ? checker.getTypeOfSymbol(fn).getCallSignatures() : [];
  let shape: ts.Type | undefined;
  for (const signature of signatures) {
    let returned: ts.Type | undefined = checker.getReturnTypeOfSignature(signature);
    if (delegated) returned = generatorResultType(tsm, checker, returned);
    if (!returned || !hasMembersOfItsDeclaration(tsm, returned)) return undefined;
    if (shape === undefined) shape = returned;
    else if (!sameDeclaredShape(tsm, shape, returned)) return undefined;
  }
  return shape;
}

/**
 * A primitive, or an object type whose members an instantiation keeps: not a mapped type (whose
 * keys may come from a type argument), and not a union, intersection or type parameter, which
 * instantiation can turn into types with other members.
 */
function hasMembersOfItsDeclaration(tsm: TypeScriptModule, type: ts.Type): boolean {
  const { TypeFlags } = tsm;
  if (type.flags & (TypeFlags.StringLike | TypeFlags.NumberLike | TypeFlags.BooleanLike | TypeFlags.BigIntLike)) return true;
  return (type.flags & TypeFlags.Object) !== 0 && ((type as ts.ObjectType).objectFlags & tsm.ObjectFlags.Mapped) === 0;
}

/** Two declared return types with the same members: one type, or references to one generic type (`S[]` and `T[]`). */
function sameDeclaredShape(tsm: TypeScriptModule, a: ts.Type, b: ts.Type): boolean {
  if (a === b) return true;
  const { Reference } = tsm.ObjectFlags;
  return (
    ((a as ts.ObjectType).objectFlags & Reference) !== 0 &&
    ((b as ts.ObjectType).objectFlags & Reference) !== 0 &&
    (a as ts.TypeReference).target === (b as ts.TypeReference).target
  );
}
