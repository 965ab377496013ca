import type * as ts from 'typescript';

import { propertyNameOf, skipTransparentWrappers } from '../../engine/syntax';
import type { SiteCollector } from '../collector';
import { callsTo } from '../kinds/call-shape';
import { removeElement } from '../list-edits';
import type { SpecialEntry } from '../tables';

/**
 * A saved definition's `{ schemaVersion, foldReducer, createInitialViewState }` declares its views
 * per version: `versions: [{ version: schemaVersion, views: { document: { foldReducer,
 * createInitialViewState } } }]`. A definition with `migrations` needs one entry per version,
 * each later view with its `migrateFromPrevious`: reported, not rewritten.
 */
export function eventDocVersionsSites(collector: SiteCollector, entry: SpecialEntry): void {
  const { tsm, sourceFile: sf } = collector;
  for (const call of callsTo(collector, entry.targets[0])) {
    const config = call.arguments[0] && skipTransparentWrappers(tsm, call.arguments[0]);
    if (!config || !tsm.isObjectLiteralExpression(config)) continue;
    const byName = new Map<string, ts.ObjectLiteralElementLike>();
    for (const property of config.properties) {
      const name = propertyNameOf(tsm, property);
      if (name !== undefined) byName.set(name, property);
    }
    if (!byName.has('foldReducer') || byName.has('versions')) continue;
    const saved = byName.get('saved');
    if (saved && tsm.isPropertyAssignment(saved) && saved.initializer.kind === tsm.SyntaxKind.FalseKeyword) continue;
    const where = {
      entry,
      start: call.getStart(sf),
      end: call.end,
      message: 'the definition declares `foldReducer` and `createInitialViewState` at the top, not per version',
    };
    if (byName.has('migrations') || config.properties.some((p) => tsm.isSpreadAssignment(p))) {
      collector.report({ ...where, manual: entry.instruction ?? entry.title });
      continue;
    }
    const foldReducer = byName.get('foldReducer')!;
    const initial = byName.get('createInitialViewState');
    const version = byName.get('schemaVersion');
    if (!initial || !version) {
      collector.report({
        ...where,
        manual: 'a saved definition needs `schemaVersion` and `createInitialViewState`: add them, then declare `versions`',
      });
      continue;
    }
    const valueOf = (property: ts.ObjectLiteralElementLike) =>
      tsm.isPropertyAssignment(property)
        ? property.initializer.getText(sf)
        : tsm.isShorthandPropertyAssignment(property)
          ? property.name.text
          : undefined;
    const member = (property: ts.ObjectLiteralElementLike, name: string) => {
      if (tsm.isMethodDeclaration(property)) return property.getText(sf);
      const value = valueOf(property);
      return value === name ? name : `${name}: ${value}`;
    };
    const versionValue = valueOf(version);
    if (versionValue === undefined) {
      collector.report({ ...where, manual: '`schemaVersion` is not written as a value here: declare `versions` by hand' });
      continue;
    }
    const views = `{ document: { ${member(foldReducer, 'foldReducer')}, ${member(initial, 'createInitialViewState')} } }`;
    const edits = [
      { start: foldReducer.getStart(sf), end: foldReducer.end, newText: `versions: [{ version: ${versionValue}, views: ${views} }]` },
      removeElement(tsm, sf, config.properties, config.properties.indexOf(initial), config.getStart(sf)),
    ];
    collector.report({ ...where, edits });
  }
}
