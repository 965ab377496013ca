import type * as ts from 'typescript';

import { propertyNameOf, skipTransparentWrappers } from '../../engine/syntax';
import type { SiteCollector } from '../collector';
import { packageMatches } from '../framework-refs';
import type { ExportRef, ManualEntry, SiteFinder } from '../tables';
import { callsTo } from './call-shape';
import { literalsTypedAs, memberReads, typeReferencesTo } from './typed';

/** `manual` (class B): the sites are found and reported with what a person does there. */
export function manualSites(collector: SiteCollector, entry: ManualEntry): void {
  const { sourceFile: sf } = collector;
  const seen = new Set<number>();
  const report = (node: ts.Node, what: string) => {
    const start = node.getStart(sf);
    if (seen.has(start) || (entry.oncePerFile && seen.size > 0)) return;
    seen.add(start);
    collector.report({ entry, start, end: node.end, message: what, manual: entry.instruction ?? entry.title });
  };
  for (const finder of entry.find) findSites(collector, finder, report);
}

type Report = (node: ts.Node, what: string) => void;

function usesAny(collector: SiteCollector, refs: readonly ExportRef[] | undefined): boolean {
  if (!refs) return true;
  return [...collector.resolver.imports.bindings.values()].some((b) =>
    refs.some((r) => packageMatches(b.package, r.package) && (b.imported === r.name || b.imported === undefined)),
  );
}

function findSites(collector: SiteCollector, finder: SiteFinder & { onlyWith?: ExportRef[] }, report: Report): void {
  const { tsm, sourceFile: sf, resolver } = collector;
  if (!usesAny(collector, finder.onlyWith)) return;
  if ('module' in finder) {
    const pattern = new RegExp(finder.module);
    for (const { specifier } of resolver.imports.modules) if (pattern.test(specifier.text)) report(specifier, `\`${specifier.text}\``);
    return;
  }
  if ('import' in finder) {
    const plain = finder.import.filter((r) => !r.name.includes('.'));
    for (const binding of resolver.imports.bindings.values()) {
      if (binding.imported === undefined) continue;
      const ref = plain.find((r) => r.name === binding.imported && packageMatches(binding.package, r.package));
      if (ref) report(binding.node, `\`${ref.name}\``);
    }
    for (const reexport of resolver.imports.reexports) {
      const ref = plain.find((r) => r.name === reexport.imported && packageMatches(reexport.package, r.package));
      if (ref) report(reexport.node, `\`${ref.name}\``);
    }
    // Members of a namespace import or a util object: `core.askClaudeAiMessagesApi`, `qpqCoreUtils.getAllClaudeAiConfigs`.
    if (
      (finder.import.length > 0 && [...resolver.imports.bindings.values()].some((b) => b.imported === undefined)) ||
      finder.import.some((r) => r.name.includes('.'))
    ) {
      const visit = (node: ts.Node): void => {
        if (tsm.isPropertyAccessExpression(node) || tsm.isQualifiedName(node)) {
          const resolved = resolver.resolve(node);
          const ref = resolved && finder.import.find((r) => r.name === resolved.name && packageMatches(resolved.package, r.package));
          if (ref && (ref.name.includes('.') || resolved!.binding?.imported === undefined)) {
            report(node, `\`${ref.name}\``);
            return;
          }
        }
        tsm.forEachChild(node, visit);
      };
      visit(sf);
    }
    return;
  }
  if ('call' in finder) {
    for (const call of callsTo(collector, finder.call)) {
      const count = call.arguments.length;
      const spread = call.arguments.some((a) => tsm.isSpreadElement(a));
      if (typeof finder.args === 'number' && (count !== finder.args || spread)) continue;
      if (Array.isArray(finder.args) && (count < finder.args[0] || count > finder.args[1] || spread)) continue;
      report(call, `\`${finder.call.name}(…)\``);
    }
    return;
  }
  if ('option' in finder) {
    for (const call of callsTo(collector, finder.option)) {
      const argument = call.arguments[finder.index];
      const object = argument && skipTransparentWrappers(tsm, argument);
      if (!object || !tsm.isObjectLiteralExpression(object)) continue;
      for (const property of object.properties) {
        const name = propertyNameOf(tsm, property);
        if (name !== undefined && finder.keys.includes(name)) report(property, `\`${name}\` in \`${finder.option.name}(…)\``);
      }
    }
    return;
  }
  if ('missingOption' in finder) {
    for (const call of callsTo(collector, finder.missingOption)) {
      const argument = call.arguments[finder.index];
      const object = argument && skipTransparentWrappers(tsm, argument);
      if (object && !tsm.isObjectLiteralExpression(object)) continue;
      if (
        object &&
        tsm.isObjectLiteralExpression(object) &&
        (object.properties.some((p) => tsm.isSpreadAssignment(p)) || object.properties.some((p) => propertyNameOf(tsm, p) === finder.key))
      )
        continue;
      report(call, `\`${finder.missingOption.name}(…)\` without \`${finder.key}\``);
    }
    return;
  }
  if ('typed' in finder) {
    for (const { node, ref } of typeReferencesTo(collector, finder.typed)) report(node, `\`${ref.name}\``);
    return;
  }
  if ('literal' in finder) {
    for (const { literal, ref } of literalsTypedAs(collector, finder.literal)) {
      const required = finder.missing?.[ref.name];
      const keys = new Set(literal.properties.map((p) => propertyNameOf(tsm, p)));
      const absent = required?.filter((k) => !keys.has(k)) ?? [];
      if (required && (absent.length === 0 || literal.properties.some((p) => tsm.isSpreadAssignment(p)))) continue;
      report(
        literal,
        absent.length > 0 ? `\`${ref.name}\` without ${absent.map((k) => `\`${k}\``).join(', ')}` : `\`${ref.name}\` written by hand`,
      );
    }
    return;
  }
  if ('member' in finder) {
    for (const node of memberReads(collector, finder.member, finder.property))
      report(node, `\`${node.getText(sf).replace(/\s+/g, ' ').slice(0, 60)}\``);
  }
}
