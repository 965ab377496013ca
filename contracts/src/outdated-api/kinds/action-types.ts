import type * as ts from 'typescript';

import type { TextEdit } from '../../types';
import { referencesOf, type SiteCollector } from '../collector';
import { packageMatches } from '../framework-refs';
import type { ActionTypeName, ActionTypesEntry, ExportRef } from '../tables';

type Tsm = typeof ts;

const CORE = 'quidproquo-core';

/**
 * `action-types`: the framework's hand-written action types give way to the action factory's:
 * `XErrorTypeEnum.M` -> `askX.errorType.M`, `XAction` -> `ActionOf<typeof askX>`,
 * `XActionPayload` -> `ActionOf<typeof askX>['payload']`, `XActionProcessor` ->
 * `ProcessorFor<typeof askX>`, `XActionRequester<A>` -> `AskResponse<R>` (R with A filled in).
 * `askX` is the factory requester (`askXBase` where `askX` became a story over it).
 */
export function actionTypeSites(collector: SiteCollector, entry: ActionTypesEntry): void {
  const { tsm, sourceFile: sf, resolver } = collector;
  const rows = new Map<string, ActionTypeName[]>();
  for (const row of entry.names) rows.set(row.name, [...(rows.get(row.name) ?? []), row]);
  for (const binding of [...resolver.imports.bindings.values()]) {
    if (binding.imported === undefined) continue;
    const row = rows.get(binding.imported)?.find((r) => packageMatches(binding.package, r.package));
    if (!row) continue;
    const where = { start: binding.node.getStart(sf), end: binding.node.end };
    const message = `\`${row.name}\` is ${replacementDescription(row)}`;
    const plan = collector.plan();
    collector.drop(binding);
    // The requester is imported only where the new text names it (not for `AskResponse<R>`).
    const base = row.kind === 'requester' ? '' : plan.use({ package: row.package, name: row.base });
    const edits: TextEdit[] = [];
    let manual: string | undefined = base === undefined ? `\`${row.base}\` is already a name in this file` : undefined;
    const helper = (name: string) => plan.use({ package: CORE, name }, { typeOnly: true });
    for (const reference of referencesOf(tsm, sf, resolver, binding)) {
      if (manual) break;
      const result = rewriteReference(tsm, sf, reference, row, base!, helper, (ref) => plan.use(ref, { typeOnly: true }));
      if (typeof result === 'string') manual = result;
      else edits.push(result);
    }
    if (manual) {
      collector.abandon();
      collector.report({ entry, ...where, message, manual: `${manual}: ${replacementDescription(row)}` });
    } else collector.report({ entry, ...where, message, edits });
  }
  // A barrel that re-exports a removed name cannot keep exporting it: its users change with it.
  for (const reexport of resolver.imports.reexports) {
    const row = rows.get(reexport.imported)?.find((r) => packageMatches(reexport.package, r.package));
    if (!row) continue;
    collector.report({
      entry,
      start: reexport.node.getStart(sf),
      end: reexport.node.end,
      message: `\`${row.name}\` is ${replacementDescription(row)}`,
      manual: `re-export \`${row.base}\` instead, and have the modules that import \`${reexport.exported}\` from here use ${replacementDescription(row)}`,
    });
  }
}

function replacementDescription(row: ActionTypeName): string {
  switch (row.kind) {
    case 'errorEnum':
      return `\`${row.base}.errorType\``;
    case 'action':
      return `\`ActionOf<typeof ${row.base}>\``;
    case 'payload':
      return `\`ActionOf<typeof ${row.base}>['payload']\``;
    case 'processor':
      return `\`ProcessorFor<typeof ${row.base}>\``;
    default:
      return `\`AskResponse<${row.result ?? 'void'}>\``;
  }
}

/** The edit of one reference, or why it cannot be made. */
export function rewriteReference(
  tsm: Tsm,
  sf: ts.SourceFile,
  reference: ts.Identifier,
  row: ActionTypeName,
  base: string,
  helper: (name: string) => string | undefined,
  importType: (ref: ExportRef) => string | undefined,
): TextEdit | string {
  if (row.kind === 'errorEnum') return { start: reference.getStart(sf), end: reference.end, newText: `${base}.errorType` };
  const parent = reference.parent;
  const typeNode =
    (tsm.isTypeReferenceNode(parent) && parent.typeName === reference) ||
    (tsm.isExpressionWithTypeArguments(parent) && parent.expression === reference)
      ? parent
      : undefined;
  if (!typeNode)
    return `\`${reference.text}\` is used where a type cannot stand in for it (${parent.getText(sf).replace(/\s+/g, ' ').slice(0, 50)})`;
  const range = { start: typeNode.getStart(sf), end: typeNode.end };
  if (row.kind === 'action' || row.kind === 'payload') {
    const actionOf = helper('ActionOf');
    if (!actionOf) return '`ActionOf` is already a name in this file';
    return { ...range, newText: `${actionOf}<typeof ${base}>${row.kind === 'payload' ? "['payload']" : ''}` };
  }
  if (row.kind === 'processor') {
    const processorFor = helper('ProcessorFor');
    if (!processorFor) return '`ProcessorFor` is already a name in this file';
    return { ...range, newText: `${processorFor}<typeof ${base}>` };
  }
  const askResponse = helper('AskResponse');
  if (!askResponse) return '`AskResponse` is already a name in this file';
  const args = (typeNode as ts.TypeReferenceNode).typeArguments ?? [];
  let result = row.result ?? 'void';
  for (const imported of (row as ActionTypeName & { resultImports?: ExportRef[] }).resultImports ?? []) {
    const local = importType(imported);
    if (local === undefined) return `\`${imported.name}\` is already a name in this file`;
    if (local !== imported.name) result = replaceWord(result, imported.name, local);
  }
  (row.typeParameters ?? []).forEach((parameter, i) => {
    result = replaceWord(result, parameter, args[i] ? args[i].getText(sf) : 'any');
  });
  return { ...range, newText: `${askResponse}<${result}>` };
}

function replaceWord(text: string, word: string, replacement: string): string {
  return text.replace(new RegExp(`\\b${word.replace(/[$]/g, '\\$')}\\b`, 'g'), replacement);
}
