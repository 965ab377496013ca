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
