import type * as ts from 'typescript';

import { propertyNameOf, skipTransparentWrappers } from '../../engine/syntax';
import type { TextEdit } from '../../types';
import type { SiteCollector } from '../collector';
import { callsTo } from '../kinds/call-shape';
import { literalsTypedAs } from '../kinds/typed';
import type { ExportRef, SpecialEntry } from '../tables';

interface Data {
  call: ExportRef;
  index: number;
  key: string;
  types?: ExportRef[];
}

/** A callback option that must answer `null` where it answered `undefined`: its `return undefined` / `return;` / `=> undefined`. */
export function nullNotUndefinedSites(collector: SiteCollector, entry: SpecialEntry): void {
  const { tsm, sourceFile: sf } = collector;
  const data = entry.data as unknown as Data;
  const objects: ts.ObjectLiteralExpression[] = [];
  for (const call of callsTo(collector, data.call)) {
    const argument = call.arguments[data.index] && skipTransparentWrappers(tsm, call.arguments[data.index]);
    if (argument && tsm.isObjectLiteralExpression(argument)) objects.push(argument);
  }
  for (const { literal } of literalsTypedAs(collector, data.types ?? [])) if (!objects.includes(literal)) objects.push(literal);
  for (const object of objects) {
    for (const property of object.properties) {
      if (propertyNameOf(tsm, property) !== data.key) continue;
      const fn = tsm.isMethodDeclaration(property)
        ? property
        : tsm.isPropertyAssignment(property)
          ? skipTransparentWrappers(tsm, property.initializer)
          : undefined;
      if (!fn || !(tsm.isArrowFunction(fn) || tsm.isFunctionExpression(fn) || tsm.isMethodDeclaration(fn)) || !fn.body) continue;
      const edits: TextEdit[] = [];
      const isUndefined = (e: ts.Expression) =>
        tsm.isIdentifier(skipTransparentWrappers(tsm, e)) && (skipTransparentWrappers(tsm, e) as ts.Identifier).text === 'undefined';
      if (!tsm.isBlock(fn.body)) {
        if (isUndefined(fn.body)) edits.push({ start: fn.body.getStart(sf), end: fn.body.end, newText: 'null' });
      } else {
        const visit = (node: ts.Node): void => {
          if (tsm.isFunctionLike(node)) return;
          if (tsm.isReturnStatement(node)) {
            if (!node.expression) edits.push({ start: node.getStart(sf), end: node.end, newText: 'return null;' });
            else if (isUndefined(node.expression))
              edits.push({ start: node.expression.getStart(sf), end: node.expression.end, newText: 'null' });
          }
          tsm.forEachChild(node, visit);
        };
        fn.body.statements.forEach(visit);
      }
      if (edits.length > 0)
        collector.report({
          entry,
          start: property.getStart(sf),
          end: property.end,
          message: `\`${data.key}\` answers \`undefined\`, where \`null\` is expected`,
          edits,
        });
    }
  }
}
