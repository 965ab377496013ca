import type * as ts from 'typescript';

import { propertyNameOf, skipTransparentWrappers } from '../../engine/syntax';
import type { TextEdit } from '../../types';
import type { SiteCollector } from '../collector';
import { literalsTypedAs, typeReferencesTo } from '../kinds/typed';
import type { ExportRef, SpecialEntry } from '../tables';

interface Data {
  helper: ExportRef;
  /** Functions declared with one of these types answer a `QpqIsoDateTime`. */
  functionTypes?: ExportRef[];
  /** Literals typed so carry a `QpqIsoDateTime` in `keys`. */
  literalTypes?: ExportRef[];
  keys?: string[];
}

/** `date.toISOString()` where a `QpqIsoDateTime` is expected -> `getQpqIsoDateTimeFromDate(date)`. */
export function isoDateTimeSites(collector: SiteCollector, entry: SpecialEntry): void {
  const { tsm, sourceFile: sf } = collector;
  if (!sf.text.includes('toISOString')) return;
  const data = entry.data as unknown as Data;
  const scopes: ts.Node[] = [];
  for (const { node } of typeReferencesTo(collector, data.functionTypes ?? [])) {
    const holder = node.parent;
    if (tsm.isVariableDeclaration(holder) && holder.type === node && holder.initializer) scopes.push(holder.initializer);
  }
  for (const { literal } of literalsTypedAs(collector, data.literalTypes ?? [])) {
    for (const property of literal.properties) {
      if (tsm.isPropertyAssignment(property) && (data.keys ?? []).includes(propertyNameOf(tsm, property) ?? ''))
        scopes.push(property.initializer);
    }
  }
  for (const scope of scopes) {
    const calls: ts.CallExpression[] = [];
    const visit = (node: ts.Node): void => {
      if (
        tsm.isCallExpression(node) &&
        node.arguments.length === 0 &&
        tsm.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'toISOString'
      )
        calls.push(node);
      tsm.forEachChild(node, visit);
    };
    visit(scope);
    for (const call of calls) {
      const helper = collector.plan().use(data.helper);
      const start = call.getStart(sf);
      if (!helper) {
        collector.abandon();
        collector.report({
          entry,
          start,
          end: call.end,
          message: entry.title,
          manual: `\`${data.helper.name}\` is already a name in this file`,
        });
        continue;
      }
      const date = (call.expression as ts.PropertyAccessExpression).expression;
      const edits: TextEdit[] = [{ start, end: call.end, newText: `${helper}(${skipTransparentWrappers(tsm, date).getText(sf)})` }];
      collector.report({
        entry,
        start,
        end: call.end,
        message: '`toISOString()` is a plain string, where a `QpqIsoDateTime` is expected',
        edits,
      });
    }
  }
}
