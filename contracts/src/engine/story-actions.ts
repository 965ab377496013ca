import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';
import { requestedActionTypesOfCall, requesterDefinitionOf, soleDeclaredReturnType } from './action-requester';
import { calleeSymbolOf } from './callee-symbol';
import type { StoryCallNode } from './file-index';

/** The action types a story may yield; `complete` is false where some delegation could not be followed. */
export interface YieldedActions {
  types: string[];
  complete: boolean;
}

const memoByChecker = new WeakMap<ts.TypeChecker, Map<ts.Node, YieldedActions>>();

/**
 * The action types a story call may yield, collected through the stories it delegates to within
 * the program: action requesters (see action-requester.ts; with the program, hand-written ones too),
 * requesters built with `createActionRequester({ actionType })`, `yield { type }`
 * literals, `yield*` delegations, and stories handed to combinators (`askCatch(askA())`).
 * Memoised per declaration for the life of the checker, i.e. one program version.
 */
export function yieldedActionsOfCall(
  tsm: TypeScriptModule,
  checker: ts.TypeChecker,
  call: StoryCallNode,
  program?: ts.Program,
): YieldedActions {
  let memo = memoByChecker.get(checker);
  if (!memo) memoByChecker.set(checker, (memo = new Map()));
  return new ActionCollector(tsm, checker, memo, program).ofCall(call);
}

class ActionCollector {
  private readonly inProgress = new Set<ts.Node>();

  constructor(
    private readonly tsm: TypeScriptModule,
    private readonly checker: ts.TypeChecker,
    private readonly memo: Map<ts.Node, YieldedActions>,
    private readonly program: ts.Program | undefined,
  ) {}

  ofCall(call: StoryCallNode): YieldedActions {
    const parts: YieldedActions[] = [];
    const callee = this.tsm.isTaggedTemplateExpression(call) ? call.tag : call.expression;
    // An action requester says what it yields, also where only its declaration file is in the program.
    const requested = this.program
      ? requestedActionTypesOfCall(this.tsm, this.checker, call, this.program)
      : requesterDefinitionOf(this.tsm, this.checker, this.checker.getTypeAtLocation(callee));
    const declaration = requested ? undefined : this.declarationOf(callee);
    parts.push(
      requested
        ? { types: requested.actionTypes, complete: true }
        : declaration
          ? this.ofDeclaration(declaration)
          : { types: [], complete: false },
    );
    // Stories passed to a combinator run inside it.
    if (this.tsm.isCallExpression(call)) {
      for (const argument of call.arguments) parts.push(this.ofStoryCallsWithin(argument));
    }
    return merge(parts);
  }

  private ofStoryCallsWithin(expression: ts.Expression): YieldedActions {
    const { tsm } = this;
    const parts: YieldedActions[] = [];
    const visit = (node: ts.Node): void => {
      if (tsm.isFunctionLike(node)) return;
      if (tsm.isCallExpression(node) && this.returnsGenerator(node)) {
        parts.push(this.ofCall(node));
        return;
      }
      tsm.forEachChild(node, visit);
    };
    visit(expression);
    return merge(parts);
  }

  private ofDeclaration(declaration: ts.Node): YieldedActions {
    const cached = this.memo.get(declaration);
    if (cached) return cached;
    if (this.inProgress.has(declaration)) return { types: [], complete: true };
    this.inProgress.add(declaration);
    const result = this.computeDeclaration(declaration);
    this.inProgress.delete(declaration);
    this.memo.set(declaration, result);
    return result;
  }

  private computeDeclaration(declaration: ts.Node): YieldedActions {
    const { tsm } = this;
    if (tsm.isVariableDeclaration(declaration) && declaration.initializer) {
      const requested = this.requesterActionType(declaration.initializer);
      if (requested) return requested;
      const initializer = declaration.initializer;
      if (tsm.isFunctionExpression(initializer) || tsm.isArrowFunction(initializer)) return this.ofBody(initializer);
      return { types: [], complete: false };
    }
    if (
      (tsm.isFunctionDeclaration(declaration) || tsm.isMethodDeclaration(declaration) || tsm.isFunctionExpression(declaration)) &&
      declaration.body
    ) {
      return this.ofBody(declaration);
    }
    return { types: [], complete: false };
  }

  /** `createActionRequester<R>()({ actionType: X, ... })`: the action type is X. */
  private requesterActionType(initializer: ts.Expression): YieldedActions | undefined {
    const { tsm } = this;
    if (!tsm.isCallExpression(initializer)) return undefined;
    const [config] = initializer.arguments;
    if (!config || !tsm.isObjectLiteralExpression(config)) return undefined;
    const actionType = config.properties.find(
      (p): p is ts.PropertyAssignment => tsm.isPropertyAssignment(p) && tsm.isIdentifier(p.name) && p.name.text === 'actionType',
    );
    if (!actionType) return undefined;
    const types = this.stringLiterals(this.checker.getTypeAtLocation(actionType.initializer));
    return { types, complete: types.length > 0 };
  }

  private ofBody(fn: ts.SignatureDeclaration): YieldedActions {
    const { tsm } = this;
    const parts: YieldedActions[] = [];
    const visit = (node: ts.Node): void => {
      if (node !== fn && tsm.isFunctionLike(node)) return;
      if (tsm.isYieldExpression(node) && node.expression) {
        const operand = node.expression;
        if (node.asteriskToken) {
          parts.push(
            tsm.isCallExpression(operand) || tsm.isTaggedTemplateExpression(operand)
              ? this.ofCall(operand)
              : { types: [], complete: false },
          );
          if (tsm.isCallExpression(operand)) return;
        } else {
          parts.push(this.ofYieldedValue(operand));
        }
      }
      tsm.forEachChild(node, visit);
    };
    visit(fn);
    return merge(parts);
  }

  private ofYieldedValue(value: ts.Expression): YieldedActions {
    const typeProperty = this.checker.getTypeAtLocation(value).getProperty('type');
    if (!typeProperty) return { types: [], complete: false };
    const types = this.stringLiterals(this.checker.getTypeOfSymbolAtLocation(typeProperty, value));
    return { types, complete: types.length > 0 };
  }

  private stringLiterals(type: ts.Type): string[] {
    const parts = type.isUnion() ? type.types : [type];
    return parts.filter((t): t is ts.StringLiteralType => t.isStringLiteral()).map((t) => t.value);
  }

  private returnsGenerator(call: ts.CallExpression): boolean {
    // A declared return type that is a reference (`AskResponse<R>`, `Generator<…>`) has the same
    // members whatever the call's type arguments: read without inferring them.
    const declared = soleDeclaredReturnType(this.checker.getTypeAtLocation(call.expression));
    const isReference = declared !== undefined && ((declared as ts.ObjectType).objectFlags & this.tsm.ObjectFlags.Reference) !== 0;
    const type = isReference ? declared : this.checker.getTypeAtLocation(call);
    return type.getProperty('next') !== undefined && type.getProperty('throw') !== undefined;
  }

  private declarationOf(callee: ts.Expression): ts.Node | undefined {
    const symbol = calleeSymbolOf(this.tsm, this.checker, callee);
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  }
}

function merge(parts: YieldedActions[]): YieldedActions {
  const types = new Set<string>();
  let complete = true;
  for (const part of parts) {
    part.types.forEach((t) => types.add(t));
    complete &&= part.complete;
  }
  return { types: [...types], complete };
}
