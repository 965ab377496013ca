import type * as ts from 'typescript';

import { propertyNameOf, skipTransparentWrappers } from '../../engine/syntax';
import type { TextEdit } from '../../types';
import type { SiteCollector } from '../collector';
import { callsTo } from '../kinds/call-shape';
import { appendElement, removeElement } from '../list-edits';
import type { ExportRef, SpecialEntry } from '../tables';

/**
 * `useQpqRuntime(definition, mainStory, name?, processors?)` drops the main story: the definition
 * runs it as `onInit`. Moved when the definition is created in the same file with an object
 * literal that has no `onInit`; reported otherwise.
 */
export function runtimeMainStorySites(collector: SiteCollector, entry: SpecialEntry): void {
  const { tsm, sourceFile: sf } = collector;
  const factory = (entry.data as { definition: ExportRef }).definition;
  const definitions = new Map<string, ts.ObjectLiteralExpression>();
  for (const call of callsTo(collector, factory)) {
    const options = call.arguments[0] && skipTransparentWrappers(tsm, call.arguments[0]);
    let outer: ts.Node = call;
    while (tsm.isParenthesizedExpression(outer.parent) || tsm.isAsExpression(outer.parent)) outer = outer.parent;
    if (
      options &&
      tsm.isObjectLiteralExpression(options) &&
      call.arguments.length === 1 &&
      tsm.isVariableDeclaration(outer.parent) &&
      tsm.isIdentifier(outer.parent.name)
    ) {
      definitions.set(outer.parent.name.text, options);
    }
  }
  const moved = new Set<ts.ObjectLiteralExpression>();
  for (const hook of entry.targets) {
    for (const call of callsTo(collector, hook)) {
      if (call.arguments.length < 2 || call.arguments.some((a) => tsm.isSpreadElement(a))) continue;
      const [definition, story] = call.arguments;
      const where = {
        entry,
        start: call.getStart(sf),
        end: call.end,
        message: `\`${hook.name}\` takes no main story: the definition runs it as \`onInit\``,
      };
      // A name where the story was: the call was already migrated (or never had one).
      if (tsm.isStringLiteralLike(skipTransparentWrappers(tsm, story))) continue;
      const dropStory: TextEdit = removeElement(tsm, sf, call.arguments, 1, call.arguments.pos - 1);
      const storyNode = skipTransparentWrappers(tsm, story);
      if (tsm.isIdentifier(storyNode) && storyNode.text === 'undefined') {
        collector.report({ ...where, edits: [dropStory] });
        continue;
      }
      const literal = tsm.isIdentifier(skipTransparentWrappers(tsm, definition))
        ? definitions.get((skipTransparentWrappers(tsm, definition) as ts.Identifier).text)
        : undefined;
      if (
        !literal ||
        moved.has(literal) ||
        literal.properties.some((p) => propertyNameOf(tsm, p) === 'onInit' || tsm.isSpreadAssignment(p))
      ) {
        collector.report({ ...where, manual: entry.instruction ?? entry.title });
        continue;
      }
      moved.add(literal);
      const onInit = appendElement(tsm, sf, literal.properties, literal.getStart(sf), literal.end - 1, `onInit: ${story.getText(sf)}`);
      collector.report({ ...where, edits: [onInit, dropStory] });
    }
  }
}
