import type * as ts from 'typescript';

import type { SiteCollector } from '../collector';
import { callsTo } from '../kinds/call-shape';
import type { SpecialEntry } from '../tables';

/** A function that answers `[value, flag]` now: `const x = f()` -> `const [x] = f()`, `x = f()` -> `[x] = f()`, other uses `f()[0]`. */
export function tupleResultSites(collector: SiteCollector, entry: SpecialEntry): void {
  const { tsm, sourceFile: sf } = collector;
  for (const call of callsTo(collector, entry.targets[0])) {
    let outer: ts.Node = call;
    while (tsm.isParenthesizedExpression(outer.parent)) outer = outer.parent;
    const parent = outer.parent;
    const where = { entry, start: call.getStart(sf), end: call.end, message: `\`${entry.targets[0].name}\` answers \`[state, accepted]\`` };
    if (tsm.isVariableDeclaration(parent) && parent.initializer === outer) {
      if (!tsm.isIdentifier(parent.name)) continue; // already destructured
      const type = parent.type ? { start: parent.name.end, end: parent.type.end } : undefined;
      const edits = [{ start: parent.name.getStart(sf), end: parent.name.end, newText: `[${parent.name.text}]` }];
      if (type) edits.push({ start: type.start, end: type.end, newText: '' });
      collector.report({ ...where, edits });
    } else if (tsm.isBinaryExpression(parent) && parent.operatorToken.kind === tsm.SyntaxKind.EqualsToken && parent.right === outer) {
      if (tsm.isArrayLiteralExpression(parent.left)) continue;
      collector.report({
        ...where,
        edits: [{ start: parent.left.getStart(sf), end: parent.left.end, newText: `[${parent.left.getText(sf)}]` }],
      });
    } else if (tsm.isExpressionStatement(parent)) {
      continue; // the result is not used
    } else {
      collector.report({ ...where, edits: [{ start: call.end, end: call.end, newText: '[0]' }] });
    }
  }
}
