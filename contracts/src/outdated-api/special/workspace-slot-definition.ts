import { propertyNameOf, skipTransparentWrappers } from '../../engine/syntax';
import type { SiteCollector } from '../collector';
import { calleeReplacement, callsTo } from '../kinds/call-shape';
import { argumentBounds } from '../list-edits';
import type { ExportRef, SpecialEntry } from '../tables';

/**
 * `createEventDocWorkspaceSlot(foldConfig, api)` -> `createEventDocDefinition({ ...foldConfig
 * without kind, api })`, with `saved: false` for a local slot. The fold config must be written
 * here as a literal (its kind decides `saved`); otherwise the call is reported.
 */
export function workspaceSlotDefinitionSites(collector: SiteCollector, entry: SpecialEntry): void {
  const { tsm, sourceFile: sf } = collector;
  const replacement = (entry.data as { replacement: ExportRef }).replacement;
  for (const call of callsTo(collector, entry.targets[0])) {
    const where = {
      entry,
      start: call.getStart(sf),
      end: call.end,
      message: '`createEventDocWorkspaceSlot` is gone: a slot is an event-doc definition',
    };
    const [fold, api] = call.arguments;
    const literal = fold && skipTransparentWrappers(tsm, fold);
    if (
      !literal ||
      !api ||
      call.arguments.length !== 2 ||
      !tsm.isObjectLiteralExpression(literal) ||
      literal.properties.some((p) => tsm.isSpreadAssignment(p))
    ) {
      collector.report({ ...where, manual: entry.instruction ?? entry.title });
      continue;
    }
    const kind = literal.properties.find((p) => propertyNameOf(tsm, p) === 'kind');
    const kindText = kind && tsm.isPropertyAssignment(kind) ? kind.initializer.getText(sf) : '';
    const local = /\blocal$/.test(kindText);
    const document = /\bdocument$/.test(kindText);
    if (!local && !document) {
      collector.report({
        ...where,
        manual: `the slot's kind (${kindText || 'not written'}) decides whether the definition is saved: ${entry.instruction}`,
      });
      continue;
    }
    if (document && !literal.properties.some((p) => propertyNameOf(tsm, p) === 'schemaVersion')) {
      collector.report({
        ...where,
        manual: 'a saved definition needs `schemaVersion`: add it and build the definition with `createEventDocDefinition`',
      });
      continue;
    }
    const callee = calleeReplacement(collector, call, entry.targets[0], replacement);
    if (!callee) {
      collector.abandon();
      collector.report({ ...where, manual: `\`${replacement.name}\` is already a name in this file` });
      continue;
    }
    const members = literal.properties.filter((p) => p !== kind).map((p) => p.getText(sf));
    if (local) members.unshift('saved: false');
    const apiText = tsm.isIdentifier(api) && api.text === 'api' ? 'api' : `api: ${api.getText(sf)}`;
    members.push(apiText);
    const { open, close } = argumentBounds(tsm, sf, call);
    collector.report({ ...where, edits: [callee, { start: open + 1, end: close, newText: `{ ${members.join(', ')} }` }] });
  }
}
