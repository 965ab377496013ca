import type * as ts from 'typescript';

import { skipTransparentWrappers } from '../../engine/syntax';
import type { TextEdit } from '../../types';
import type { SiteCollector } from '../collector';
import { calleeReplacement, callsTo } from '../kinds/call-shape';
import { appendElement, argumentBounds } from '../list-edits';
import type { ExportRef, SpecialEntry } from '../tables';

/**
 * `defineLogs(rootDomain, services, settings?)` -> `defineAdminSettings(logService, rootDomain,
 * { ...settings, services })`. The log service is the module the config belongs to: the second
 * argument of `defineApplicationModule` in the same file, when it is written there.
 */
export function defineLogsSites(collector: SiteCollector, entry: SpecialEntry): void {
  const { tsm, sourceFile: sf } = collector;
  const replacement = (entry.data as { replacement: ExportRef }).replacement;
  const moduleName = applicationModuleName(collector);
  for (const call of callsTo(collector, entry.targets[0])) {
    const where = { start: call.getStart(sf), end: call.end, message: entry.title };
    const [rootDomain, services, settings] = call.arguments;
    if (!rootDomain || !services || call.arguments.length > 3 || call.arguments.some((a) => tsm.isSpreadElement(a))) {
      collector.report({
        ...where,
        entry,
        manual: `the call does not have the arguments \`(rootDomain, services, settings?)\`: ${entry.instruction}`,
      });
      continue;
    }
    if (!moduleName) {
      collector.report({
        ...where,
        entry,
        manual: `no \`defineApplicationModule\` in this file names the log service: ${entry.instruction}`,
      });
      continue;
    }
    const callee = calleeReplacement(collector, call, entry.targets[0], replacement);
    if (!callee) {
      collector.abandon();
      collector.report({ ...where, entry, manual: `\`${replacement.name}\` is already a name in this file` });
      continue;
    }
    let settingsText: string;
    const servicesText = `services: ${services.getText(sf)}`;
    const node = settings && skipTransparentWrappers(tsm, settings);
    if (!settings) settingsText = `{ ${servicesText} }`;
    else if (
      node &&
      tsm.isObjectLiteralExpression(node) &&
      !node.properties.some((p) => p.name && tsm.isIdentifier(p.name) && p.name.text === 'services')
    ) {
      const edit = appendElement(tsm, sf, node.properties, node.getStart(sf), node.end - 1, servicesText);
      const text = sf.text;
      settingsText = text.slice(node.getStart(sf), edit.start) + edit.newText + text.slice(edit.end, node.end);
    } else settingsText = `{ ...${settings.getText(sf)}, ${servicesText} }`;
    const { open, close } = argumentBounds(tsm, sf, call);
    const edits: TextEdit[] = [
      callee,
      { start: open + 1, end: close, newText: `${moduleName}, ${rootDomain.getText(sf)}, ${settingsText}` },
    ];
    collector.report({ ...where, entry, edits });
  }
}

/** The module name given to `defineApplicationModule(application, module, …)` in the file, as written. */
function applicationModuleName(collector: SiteCollector): string | undefined {
  const { tsm, sourceFile: sf } = collector;
  for (const call of callsTo(collector, { package: 'quidproquo-core', name: 'defineApplicationModule' })) {
    const argument = call.arguments[1];
    if (!argument) continue;
    const node = skipTransparentWrappers(tsm, argument);
    if (tsm.isStringLiteralLike(node)) return argument.getText(sf);
    if (tsm.isIdentifier(node) && isTopLevelConst(tsm, sf, node.text)) return node.text;
  }
  return undefined;
}

function isTopLevelConst(tsm: typeof ts, sf: ts.SourceFile, name: string): boolean {
  return sf.statements.some(
    (s) =>
      tsm.isVariableStatement(s) &&
      s.declarationList.flags & tsm.NodeFlags.Const &&
      s.declarationList.declarations.some((d) => tsm.isIdentifier(d.name) && d.name.text === name),
  );
}
