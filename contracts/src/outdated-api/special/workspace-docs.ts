import type * as ts from 'typescript';

import { skipTransparentWrappers } from '../../engine/syntax';
import type { TextEdit } from '../../types';
import type { SiteCollector } from '../collector';
import { callsTo } from '../kinds/call-shape';
import { typeReferencesTo } from '../kinds/typed';
import type { SpecialEntry } from '../tables';

const PER_SLOT_SELECTORS = new Set(['view', 'liveEvents', 'slotState']);
/** The workspace's own verbs, at `ws.api` since 0.1.11 (never slot names). */
const BUILT_IN_VERBS = new Set(['askInit', 'askSave', 'askCancel', 'askRefresh', 'askLoadHistory', 'askLoadOlderHistory']);

/**
 * A workspace reaches each doc through `docs.<slot>`: `ws.api.<slot>.<verb>` ->
 * `ws.docs.<slot>.api.<verb>`, `ws.api.workspace.<verb>` -> `ws.api.<verb>`,
 * `ws.selectors.view.<slot>` (and `liveEvents`, `slotState`) -> `ws.docs.<slot>.view`.
 * Workspaces are found where they are created (`const ws = createEventDocWorkspace(...)`) or declared
 * with the `EventDocWorkspace` type in the file.
 */
export function workspaceDocsSites(collector: SiteCollector, entry: SpecialEntry): void {
  const { tsm, sourceFile: sf } = collector;
  const names = new Set<string>();
  for (const call of callsTo(collector, entry.targets[0])) {
    let outer: ts.Node = call;
    while (tsm.isParenthesizedExpression(outer.parent) || tsm.isAsExpression(outer.parent)) outer = outer.parent;
    if (tsm.isVariableDeclaration(outer.parent) && tsm.isIdentifier(outer.parent.name)) names.add(outer.parent.name.text);
  }
  for (const { node } of typeReferencesTo(collector, [{ package: entry.targets[0].package, name: 'EventDocWorkspace' }])) {
    const holder = node.parent;
    if ((tsm.isParameter(holder) || tsm.isVariableDeclaration(holder)) && holder.type === node && tsm.isIdentifier(holder.name))
      names.add(holder.name.text);
  }
  if (names.size === 0) return;
  const isWorkspace = (node: ts.Expression) =>
    tsm.isIdentifier(skipTransparentWrappers(tsm, node)) && names.has((skipTransparentWrappers(tsm, node) as ts.Identifier).text);
  const memberName = (node: ts.Node) =>
    tsm.isPropertyAccessExpression(node)
      ? node.name.text
      : tsm.isElementAccessExpression(node) && tsm.isStringLiteralLike(node.argumentExpression)
        ? node.argumentExpression.text
        : undefined;
  const slotText = (node: ts.PropertyAccessExpression | ts.ElementAccessExpression) =>
    tsm.isPropertyAccessExpression(node) ? `.${node.name.text}` : `[${node.argumentExpression.getText(sf)}]`;
  const visit = (node: ts.Node): void => {
    // `ws.api.<slot>` / `ws.selectors.<per-slot>.<slot>`: the chain read off the workspace.
    if (
      (tsm.isPropertyAccessExpression(node) || tsm.isElementAccessExpression(node)) &&
      (tsm.isPropertyAccessExpression(node.expression) || tsm.isElementAccessExpression(node.expression))
    ) {
      const group = node.expression;
      const base = group.expression;
      const groupName = memberName(group);
      let edit: TextEdit | undefined;
      if (isWorkspace(base) && groupName === 'api') {
        const slot = memberName(node);
        // A slot's api is read further (`ws.api.todo.askRename`); the workspace's own verbs are not slots.
        const readFurther =
          (tsm.isPropertyAccessExpression(node.parent) || tsm.isElementAccessExpression(node.parent)) && node.parent.expression === node;
        if (slot === 'workspace') edit = { start: node.getStart(sf), end: node.end, newText: `${base.getText(sf)}.api` };
        else if (readFurther && !BUILT_IN_VERBS.has(slot ?? ''))
          edit = { start: node.getStart(sf), end: node.end, newText: `${base.getText(sf)}.docs${slotText(node)}.api` };
      } else if (
        (tsm.isPropertyAccessExpression(group) || tsm.isElementAccessExpression(group)) &&
        (tsm.isPropertyAccessExpression(group.expression) || tsm.isElementAccessExpression(group.expression))
      ) {
        const selectors = group.expression;
        if (isWorkspace(selectors.expression) && memberName(selectors) === 'selectors' && PER_SLOT_SELECTORS.has(groupName ?? '')) {
          edit = {
            start: node.getStart(sf),
            end: node.end,
            newText: `${selectors.expression.getText(sf)}.docs${slotText(node)}.${groupName}`,
          };
        }
      }
      if (edit) {
        collector.report({
          entry,
          start: node.getStart(sf),
          end: node.end,
          message: `\`${node.getText(sf)}\` is \`${edit.newText}\``,
          edits: [edit],
        });
        return;
      }
    }
    tsm.forEachChild(node, visit);
  };
  visit(sf);
}
