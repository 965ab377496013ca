import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';
import { getActionTypeModel } from './action-type';
import { calleeSymbolOf } from './callee-symbol';
import type { StoryCallNode } from './file-index';
import { generatorResultType } from './generator-type';
import { getStoryRecognizer } from './story-recognition';

/** What a call of an action requester asks the runtime for, and what the story gets back. */
export interface RequestedAction {
  /** The action type (more than one only when a requester's type is a union of them). */
  actionTypes: string[];
  /** The payload's type; undefined for an action without payload. */
  payload: ts.Type | undefined;
  /** What `yield*` of the call evaluates to: the runtime's answer; undefined when unknown. */
  returns: ts.Type | undefined;
}

/**
 * The definition a requester built by the framework's factory carries on itself
 * (`createActionRequester<R>()({ actionType, getPayload })` returns a story function with
 * `actionType` and `getPayload` properties): read from the type, so a requester declared in the
 * framework's `.d.ts` files is known as well as one written in the program.
 */
export function requesterDefinitionOf(
  tsm: TypeScriptModule,
  checker: ts.TypeChecker,
  requester: ts.Type,
): { actionTypes: string[]; payload: ts.Type | undefined } | undefined {
  const actionType = requester.getProperty('actionType');
  const getPayload = requester.getProperty('getPayload');
  if (!actionType || !getPayload || requester.getCallSignatures().length === 0) return undefined;
  const actionTypes = stringLiteralValues(checker.getTypeOfSymbol(actionType));
  if (actionTypes.length === 0) return undefined;
  const built = checker.getTypeOfSymbol(getPayload).getCallSignatures()[0]?.getReturnType();
  return { actionTypes, payload: built && payloadType(tsm, checker, built) };
}

/**
 * The action a story call requests, when the call is one of an action requester: a story that
 * yields one action and returns what the runtime sends back. Factory requesters are known by the
 * definition they carry; hand-written ones (`function* askX(): XActionRequester { return yield
 * { type, payload } }`) by a declared yield type with one action type, or by a body with one plain
 * `yield` of an action and no delegation. Needs the type checker.
 */
export function requestedActionOfCall(
  tsm: TypeScriptModule,
  checker: ts.TypeChecker,
  call: StoryCallNode,
  program?: ts.Program,
): RequestedAction | undefined {
  const action = requestedActionTypesOfCall(tsm, checker, call, program);
  return action && { ...action, returns: generatorResultType(tsm, checker, checker.getTypeAtLocation(call)) };
}

/** The return type the one call signature of a type declares; undefined for none or overloads. */
export function soleDeclaredReturnType(type: ts.Type): ts.Type | undefined {
  const [signature, ...others] = type.getCallSignatures();
  return signature && others.length === 0 ? signature.getReturnType() : undefined;
}

/**
 * `requestedActionOfCall` without what the call returns, which only the call's own type says.
 * The yield type is read from the callee's declaration where the call's type arguments cannot
 * change it (`AskResponse<R>` yields `Action<any>` whatever `R` is): inferring them is most of the
 * cost of a call in a file the checker has not checked, as are the calls of the stories a hover
 * follows.
 */
export function requestedActionTypesOfCall(
  tsm: TypeScriptModule,
  checker: ts.TypeChecker,
  call: StoryCallNode,
  program?: ts.Program,
): { actionTypes: string[]; payload: ts.Type | undefined } | undefined {
  const stories = getStoryRecognizer(tsm, call.getSourceFile(), checker, program);
  if (!stories.isStoryCall(call)) return undefined;
  const calleeType = checker.getTypeAtLocation(stories.calleeOf(call));
  const definition = requesterDefinitionOf(tsm, checker, calleeType);
  if (definition) return definition;

  const model = getActionTypeModel(tsm, checker, program);
  const returned = soleDeclaredReturnType(calleeType);
  let declared = returned ? stories.yieldTypeOf(returned) : null;
  if (!declared || dependsOnTypeParameters(tsm, checker, declared)) declared = stories.yieldTypeOf(checker.getTypeAtLocation(call));
  if (declared && model.isAction(declared) === 'yes') {
    const action = actionOfType(tsm, checker, declared, undefined);
    if (action && action.actionTypes.length === 1) return action;
  }
  const yielded = onlyYield(tsm, declarationOf(tsm, checker, stories.calleeOf(call)));
  if (!yielded || model.isAction(checker.getTypeAtLocation(yielded)) !== 'yes') return undefined;
  const action = actionOfType(tsm, checker, checker.getTypeAtLocation(yielded), yielded);
  return action && action.actionTypes.length === 1 ? action : undefined;
}

/**
 * Whether a declared type may mention a type parameter, so that a call's type arguments could
 * change it. An object type counts unless it is a class or an interface, or a reference whose
 * arguments do not count: the members of a literal or mapped type are not read here.
 */
function dependsOnTypeParameters(tsm: TypeScriptModule, checker: ts.TypeChecker, type: ts.Type, depth = 0): boolean {
  const { TypeFlags, ObjectFlags } = tsm;
  if (type.flags & TypeFlags.Instantiable || depth > 4) return true;
  if (type.isUnionOrIntersection()) return type.types.some((t) => dependsOnTypeParameters(tsm, checker, t, depth + 1));
  if (!(type.flags & TypeFlags.Object)) return false;
  const objectFlags = (type as ts.ObjectType).objectFlags;
  if (objectFlags & ObjectFlags.Reference)
    return checker.getTypeArguments(type as ts.TypeReference).some((t) => dependsOnTypeParameters(tsm, checker, t, depth + 1));
  return (objectFlags & ObjectFlags.ClassOrInterface) === 0;
}

/** The string values of a string literal type, or of a union of them (string enum members too). */
export function stringLiteralValues(type: ts.Type): string[] {
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((t) => t.isStringLiteral()) ? parts.map((t) => (t as ts.StringLiteralType).value) : [];
}

/**
 * An action's `type` values and payload. For an object literal (`at`), its own property values
 * are read: the literal's type has `type: string`, widened from the string it holds.
 */
function actionOfType(
  tsm: TypeScriptModule,
  checker: ts.TypeChecker,
  action: ts.Type,
  at: ts.Expression | undefined,
): { actionTypes: string[]; payload: ts.Type | undefined } | undefined {
  const valueOf = (name: string): ts.Type | undefined => {
    if (at && tsm.isObjectLiteralExpression(at)) {
      const property = at.properties.find((p) => p.name && tsm.isIdentifier(p.name) && p.name.text === name);
      if (property && tsm.isPropertyAssignment(property)) return checker.getTypeAtLocation(property.initializer);
      if (property && tsm.isShorthandPropertyAssignment(property)) return checker.getTypeAtLocation(property.name);
      if (property) return undefined;
    }
    const symbol = action.getProperty(name);
    return symbol && checker.getTypeOfSymbol(symbol);
  };
  const typeValue = valueOf('type');
  const actionTypes = typeValue ? stringLiteralValues(typeValue) : [];
  if (actionTypes.length === 0) return undefined;
  const payload = valueOf('payload');
  return { actionTypes, payload: payload && payloadType(tsm, checker, payload) };
}

/** A payload type without the `undefined` an optional key adds; undefined when nothing is left. */
function payloadType(tsm: TypeScriptModule, checker: ts.TypeChecker, type: ts.Type): ts.Type | undefined {
  const defined = checker.getNonNullableType(type);
  return defined.flags & (tsm.TypeFlags.Never | tsm.TypeFlags.Undefined | tsm.TypeFlags.Void | tsm.TypeFlags.Null) ? undefined : defined;
}

/** The generator function a callee names, when its body is in the program. */
function declarationOf(tsm: TypeScriptModule, checker: ts.TypeChecker, callee: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  let declaration: ts.Node | undefined = calleeSymbolOf(tsm, checker, callee)?.valueDeclaration;
  if (declaration && (tsm.isVariableDeclaration(declaration) || tsm.isPropertyAssignment(declaration)))
    declaration = declaration.initializer;
  if (
    !declaration ||
    !(tsm.isFunctionDeclaration(declaration) || tsm.isFunctionExpression(declaration) || tsm.isMethodDeclaration(declaration))
  ) {
    return undefined;
  }
  return declaration.asteriskToken && declaration.body ? declaration : undefined;
}

/** The operand of the one plain `yield` of a generator that delegates nowhere, if it has exactly that. */
function onlyYield(tsm: TypeScriptModule, fn: ts.FunctionLikeDeclaration | undefined): ts.Expression | undefined {
  if (!fn?.body) return undefined;
  const yields: ts.YieldExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (node !== fn && tsm.isFunctionLike(node)) return;
    if (tsm.isYieldExpression(node)) yields.push(node);
    tsm.forEachChild(node, visit);
  };
  visit(fn);
  const [only] = yields;
  return yields.length === 1 && !only.asteriskToken ? only.expression : undefined;
}
