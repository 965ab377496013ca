import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';

/**
 * The generator a node runs in, looking through callbacks: code in a callback inside a story
 * runs when the story runs. Undefined outside any generator.
 */
export function enclosingGenerator(tsm: TypeScriptModule, node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (tsm.isFunctionLike(current) && (current as ts.FunctionLikeDeclarationBase).asteriskToken) return current;
  }
  return undefined;
}

/** Whether a node's nearest enclosing function is `fn` itself (not a callback inside it). */
export function isDirectlyIn(tsm: TypeScriptModule, node: ts.Node, fn: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (tsm.isFunctionLike(current)) return current === fn;
  }
  return false;
}

/** The framework's names for an action processor's type. */
const PROCESSOR_TYPE = /\b(ProcessorFor|ActionProcessor|ActionProcessorList|ActionProcessorListResolver)\b/;

/**
 * Whether a node is part of an action processor: the runtime code that carries out an action,
 * where awaiting, logging and reading the clock are its job. Recognised by the framework's own
 * shapes: an argument of `createActionProcessor(...)`, or a function or variable declared with a
 * processor type (`ProcessorFor<typeof askX>`, `ActionProcessor<...>`, a resolver).
 */
export function isInActionProcessor(tsm: TypeScriptModule, node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (tsm.isFunctionLike(current) && current.type && PROCESSOR_TYPE.test(current.type.getText())) return true;
    if (tsm.isVariableDeclaration(current) && current.type && PROCESSOR_TYPE.test(current.type.getText())) return true;
    if (tsm.isCallExpression(current) && tsm.isIdentifier(current.expression) && current.expression.text === 'createActionProcessor')
      return true;
  }
  return false;
}
