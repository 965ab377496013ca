import type * as ts from 'typescript';

import { propertyNameOf, skipTransparentWrappers } from '../../engine/syntax';
import type { SiteCollector } from '../collector';
import { callsTo } from '../kinds/call-shape';
import { literalsTypedAs, memberReads } from '../kinds/typed';
import type { ExportRef, SpecialEntry } from '../tables';

interface MemberChange {
  type: ExportRef;
  from: string;
  /** May be a path: `views.document.fold`. */
  to: string;
  /** Values this factory returns are of `type` too (`const def = createEventDocDefinition(...)`). */
  factory?: ExportRef;
}

/** A member renamed or moved deeper: reads off values of the type, and keys of literals typed so. */
export function memberRenameSites(collector: SiteCollector, entry: SpecialEntry): void {
  const { tsm, sourceFile: sf } = collector;
  for (const change of (entry.data as { members: MemberChange[] }).members) {
    if (!sf.text.includes(change.from)) continue;
    const reads = new Set<ts.PropertyAccessExpression>(memberReads(collector, change.type, change.from));
    if (change.factory) {
      const made = new Set<string>();
      for (const call of callsTo(collector, change.factory)) {
        let outer: ts.Node = call;
        while (tsm.isParenthesizedExpression(outer.parent) || tsm.isAsExpression(outer.parent)) outer = outer.parent;
        if (tsm.isVariableDeclaration(outer.parent) && tsm.isIdentifier(outer.parent.name)) made.add(outer.parent.name.text);
      }
      const visit = (node: ts.Node): void => {
        if (
          tsm.isPropertyAccessExpression(node) &&
          node.name.text === change.from &&
          tsm.isIdentifier(skipTransparentWrappers(tsm, node.expression)) &&
          made.has((skipTransparentWrappers(tsm, node.expression) as ts.Identifier).text)
        )
          reads.add(node);
        tsm.forEachChild(node, visit);
      };
      if (made.size > 0) visit(sf);
    }
    for (const read of reads) {
      collector.report({
        entry,
        start: read.name.getStart(sf),
        end: read.name.end,
        message: `\`.${change.from}\` is \`.${change.to}\``,
        edits: [{ start: read.name.getStart(sf), end: read.name.end, newText: change.to }],
      });
    }
    if (change.to.includes('.')) continue;
    for (const { literal } of literalsTypedAs(collector, [change.type])) {
      for (const property of literal.properties) {
        if (propertyNameOf(tsm, property) !== change.from || !property.name) continue;
        const newText = tsm.isShorthandPropertyAssignment(property) ? `${change.to}: ${change.from}` : change.to;
        collector.report({
          entry,
          start: property.name.getStart(sf),
          end: property.name.end,
          message: `\`${change.from}\` is \`${change.to}\``,
          edits: [{ start: property.name.getStart(sf), end: property.name.end, newText }],
        });
      }
    }
  }
}
