import { propertyNameOf } from '../../engine/syntax';
import type { TextEdit } from '../../types';
import type { SiteCollector } from '../collector';
import { appendElement, removeElement } from '../list-edits';
import type { RequiredFieldEntry } from '../tables';
import { literalsTypedAs } from './typed';

/** `required-field`: literals typed as a setting that gained a required member get it, with the value that keeps the old behaviour. */
export function requiredFieldSites(collector: SiteCollector, entry: RequiredFieldEntry): void {
  const { tsm, sourceFile: sf } = collector;
  for (const { literal, ref } of literalsTypedAs(collector, entry.types)) {
    const properties = literal.properties;
    const names = properties.map((p) => propertyNameOf(tsm, p));
    const hasSpread = properties.some((p) => tsm.isSpreadAssignment(p));
    const removals = (entry as RequiredFieldEntry & { remove?: string[] }).remove ?? [];
    const edits: TextEdit[] = [];
    properties.forEach((_, index) => {
      if (removals.includes(names[index] ?? '')) edits.push(removeElement(tsm, sf, properties, index, literal.getStart(sf)));
    });
    if (!names.includes(entry.key)) {
      if (hasSpread) {
        collector.report({
          entry,
          start: literal.getStart(sf),
          end: literal.end,
          message: `this \`${ref.name}\` has no \`${entry.key}\``,
          manual: `a spread may carry \`${entry.key}\`: add \`${entry.key}: ${entry.value}\` if it does not`,
        });
        continue;
      }
      let value = entry.value;
      for (const imported of entry.imports ?? []) {
        const local = collector.plan().use(imported);
        if (local === undefined) {
          value = '';
          break;
        }
        value = value.split(imported.name).join(local);
      }
      if (value === '') {
        collector.abandon();
        collector.report({
          entry,
          start: literal.getStart(sf),
          end: literal.end,
          message: `this \`${ref.name}\` has no \`${entry.key}\``,
          manual: `add \`${entry.key}: ${entry.value}\` (its name is taken in this file)`,
        });
        continue;
      }
      edits.push(appendElement(tsm, sf, properties, literal.getStart(sf), literal.end - 1, `${entry.key}: ${value}`));
    }
    if (edits.length === 0) continue;
    collector.report({
      entry,
      start: literal.getStart(sf),
      end: literal.end,
      message: `this \`${ref.name}\` needs \`${entry.key}\``,
      edits,
    });
  }
}
