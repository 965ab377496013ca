import type * as ts from 'typescript';

import { returnedExpressions, skipTransparentWrappers } from '../../engine/syntax';
import type { SiteCollector } from '../collector';
import { packageMatches } from '../framework-refs';
import type { ExportRef } from '../tables';

/** Type references in the file that name one of `refs` (through the file's framework imports). */
export function typeReferencesTo(
  collector: SiteCollector,
  refs: readonly ExportRef[],
): Array<{ node: ts.TypeReferenceNode | ts.ExpressionWithTypeArguments; ref: ExportRef }> {
  const { tsm, sourceFile: sf, resolver } = collector;
  if (
    !refs.some((r) => sf.text.includes(r.name)) &&
    ![...resolver.imports.bindings.values()].some((b) => b.imported !== undefined && refs.some((r) => r.name === b.imported))
  )
    return [];
  const found: Array<{ node: ts.TypeReferenceNode | ts.ExpressionWithTypeArguments; ref: ExportRef }> = [];
  const visit = (node: ts.Node): void => {
    if (tsm.isImportDeclaration(node)) return;
    const name = tsm.isTypeReferenceNode(node) ? node.typeName : tsm.isExpressionWithTypeArguments(node) ? node.expression : undefined;
    if (name) {
      const resolved = resolver.resolve(name);
      const ref = resolved && refs.find((r) => r.name === resolved.name && packageMatches(resolved.package, r.package));
      if (ref) found.push({ node: node as ts.TypeReferenceNode, ref });
    }
    tsm.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * Object literals whose type is written as one of `refs` in the file: a variable, property or
 * parameter annotation (also `T[]` / `Array<T>` of literals), `as T`, `satisfies T`, or the declared
 * return type of the function that returns them.
 */
export function literalsTypedAs(
  collector: SiteCollector,
  refs: readonly ExportRef[],
): Array<{ literal: ts.ObjectLiteralExpression; ref: ExportRef }> {
  const { tsm } = collector;
  const found: Array<{ literal: ts.ObjectLiteralExpression; ref: ExportRef }> = [];
  const seen = new Set<ts.Node>();
  const take = (expression: ts.Expression | undefined, ref: ExportRef, array: boolean) => {
    if (!expression) return;
    const node = skipTransparentWrappers(tsm, expression);
    if (array && tsm.isArrayLiteralExpression(node)) {
      for (const element of node.elements) take(element, ref, false);
      return;
    }
    if (!array && tsm.isObjectLiteralExpression(node) && !seen.has(node)) {
      seen.add(node);
      found.push({ literal: node, ref });
    }
  };
  for (const { node, ref } of typeReferencesTo(collector, refs)) {
    if (!tsm.isTypeReferenceNode(node)) continue;
    // `T[]` and `Array<T>` annotate arrays of literals.
    let typeNode: ts.Node = node;
    let array = false;
    if (tsm.isArrayTypeNode(node.parent)) {
      typeNode = node.parent;
      array = true;
    } else if (tsm.isTypeReferenceNode(node.parent) && tsm.isIdentifier(node.parent.typeName) && node.parent.typeName.text === 'Array') {
      typeNode = node.parent;
      array = true;
    }
    const holder = typeNode.parent;
    if ((tsm.isVariableDeclaration(holder) || tsm.isPropertyDeclaration(holder) || tsm.isParameter(holder)) && holder.type === typeNode)
      take(holder.initializer, ref, array);
    else if (
      (tsm.isAsExpression(holder) || tsm.isSatisfiesExpression(holder) || tsm.isTypeAssertionExpression(holder)) &&
      holder.type === typeNode
    )
      take(holder.expression, ref, array);
    else if (tsm.isFunctionLike(holder) && (holder as ts.SignatureDeclaration).type === typeNode) {
      for (const returned of returnedExpressions(tsm, holder as ts.SignatureDeclaration)) take(returned, ref, array);
    }
  }
  return found;
}

/**
 * Identifiers whose declared type (a parameter or variable annotation in the file, or with a
 * checker the type itself) is `ref`, or which are `ref` itself; with the member read off them.
 */
export function memberReads(collector: SiteCollector, ref: ExportRef, property: string): ts.PropertyAccessExpression[] {
  const { tsm, sourceFile: sf, resolver, checker } = collector;
  if (!sf.text.includes(property)) return [];
  const annotated = new Set<string>();
  for (const { node } of typeReferencesTo(collector, [ref])) {
    const holder = node.parent;
    if ((tsm.isParameter(holder) || tsm.isVariableDeclaration(holder)) && holder.type === node && tsm.isIdentifier(holder.name))
      annotated.add(holder.name.text);
  }
  const found: ts.PropertyAccessExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (tsm.isPropertyAccessExpression(node) && node.name.text === property) {
      const base = skipTransparentWrappers(tsm, node.expression);
      let hit = resolver.matches(base, ref) || (tsm.isIdentifier(base) && annotated.has(base.text));
      if (!hit && checker) {
        try {
          const type = checker.getTypeAtLocation(base);
          const symbol = type.aliasSymbol ?? type.getSymbol();
          hit =
            symbol !== undefined &&
            symbol.getName() === ref.name.split('.').pop() &&
            (symbol.declarations ?? []).some((d) => /[\\/]quidproquo[^\\/]*[\\/]|[\\/]@quidproquo[\\/]/.test(d.getSourceFile().fileName));
        } catch {
          hit = false;
        }
      }
      if (hit) found.push(node);
    }
    tsm.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
