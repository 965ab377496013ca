import type * as ts from 'typescript';

import { skipTransparentWrappers } from '../../engine/syntax';
import type { SiteCollector } from '../collector';
import { typeReferencesTo } from '../kinds/typed';
import type { SpecialEntry } from '../tables';

/** `await logger.log(result)` -> `logger.log(result)` where `logger` is declared a `QpqLogger` (or typed so, with a checker). */
export function syncLoggerLogSites(collector: SiteCollector, entry: SpecialEntry): void {
  const { tsm, sourceFile: sf, checker } = collector;
  if (!/\bawait\b/.test(sf.text) || !sf.text.includes('.log(')) return;
  const loggers = new Set<string>();
  for (const { node } of typeReferencesTo(collector, entry.targets)) {
    const holder = node.parent;
    if (
      (tsm.isParameter(holder) || tsm.isVariableDeclaration(holder) || tsm.isPropertyDeclaration(holder)) &&
      holder.type === node &&
      tsm.isIdentifier(holder.name)
    )
      loggers.add(holder.name.text);
  }
  const isLogger = (expression: ts.Expression): boolean => {
    const node = skipTransparentWrappers(tsm, expression);
    const name = tsm.isIdentifier(node)
      ? node.text
      : tsm.isPropertyAccessExpression(node) && node.expression.kind === tsm.SyntaxKind.ThisKeyword
        ? node.name.text
        : undefined;
    if (name !== undefined && loggers.has(name)) return true;
    if (!checker) return false;
    try {
      const type = checker.getTypeAtLocation(node);
      return (type.aliasSymbol ?? type.getSymbol())?.getName() === 'QpqLogger';
    } catch {
      return false;
    }
  };
  const visit = (node: ts.Node): void => {
    if (tsm.isAwaitExpression(node)) {
      const call = skipTransparentWrappers(tsm, node.expression);
      if (
        tsm.isCallExpression(call) &&
        tsm.isPropertyAccessExpression(call.expression) &&
        call.expression.name.text === 'log' &&
        isLogger(call.expression.expression)
      ) {
        const start = node.getStart(sf);
        collector.report({
          entry,
          start,
          end: node.end,
          message: '`QpqLogger.log` returns nothing to await',
          edits: [{ start, end: node.expression.getStart(sf), newText: '' }],
        });
      }
    }
    tsm.forEachChild(node, visit);
  };
  visit(sf);
}
