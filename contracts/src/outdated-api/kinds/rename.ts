import type * as ts from 'typescript';

import type { TextEdit } from '../../types';
import { referenceReplacement, referencesOf, type SiteCollector } from '../collector';
import { frameworkPackageOf, packageMatches } from '../framework-refs';
import type { ExportRef, RenameEntry } from '../tables';

/**
 * `rename`: a name moved or renamed (an import specifier, its references, members read off a
 * namespace or util object), a deep module path changed, a string value changed.
 */
export function renameSites(collector: SiteCollector, entry: RenameEntry): void {
  renameImportedNames(collector, entry);
  renameReexports(collector, entry);
  renameMembers(collector, entry);
  renameModulePaths(collector, entry);
  renameStringValues(collector, entry);
}

/** Named imports of a moved name. */
function renameImportedNames(collector: SiteCollector, entry: RenameEntry): void {
  const { tsm, sourceFile: sf, resolver } = collector;
  const moves = entry.names ?? [];
  for (const binding of [...resolver.imports.bindings.values()]) {
    if (binding.imported === undefined) continue;
    const move = moves.find(
      (m) => !m.from.name.includes('.') && m.from.name === binding.imported && packageMatches(binding.package, m.from.package),
    );
    if (!move) continue;
    const where = binding.node;
    const message = moveMessage(binding.imported, binding.package, move.to);
    const sameModule = packageMatches(binding.package, move.to.package) && !move.to.name.includes('.');
    const references = referencesOf(tsm, sf, resolver, binding);
    const edits: TextEdit[] = [];
    if (
      sameModule &&
      !move.call &&
      binding.kind === 'named' &&
      binding.local !== binding.imported &&
      tsm.isImportSpecifier(where) &&
      where.propertyName
    ) {
      // `import { old as x }`: only the imported name changes.
      collector.plan().renameImported(binding, move.to.name);
      collector.report({ entry, start: where.getStart(sf), end: where.end, message, edits: [] });
      continue;
    }
    collector.drop(binding);
    const local = collector.plan().use(move.to, { typeOnly: binding.typeOnly });
    if (local === undefined) {
      collector.abandon();
      collector.report({
        entry,
        start: where.getStart(sf),
        end: where.end,
        message,
        manual: `\`${move.to.name}\` is already a name in this file: import it under another name and replace \`${binding.local}\``,
      });
      continue;
    }
    for (const reference of references) edits.push(referenceReplacement(tsm, reference, move.call ? `${local}()` : local));
    collector.report({ entry, start: where.getStart(sf), end: where.end, message, edits });
  }
}

/** A barrel's `export { old } from 'pkg'`: the module keeps exporting the name it had. */
function renameReexports(collector: SiteCollector, entry: RenameEntry): void {
  const { sourceFile: sf, resolver } = collector;
  const moves = entry.names ?? [];
  const byStatement = new Map<ts.ExportDeclaration, Array<{ element: ts.ExportSpecifier; to: ExportRef; exported: string }>>();
  for (const reexport of resolver.imports.reexports) {
    const move = moves.find(
      (m) => !m.from.name.includes('.') && !m.call && m.from.name === reexport.imported && packageMatches(reexport.package, m.from.package),
    );
    if (!move) continue;
    const list = byStatement.get(reexport.statement) ?? [];
    list.push({ element: reexport.node, to: move.to, exported: reexport.exported });
    byStatement.set(reexport.statement, list);
  }
  for (const [statement, moved] of byStatement) {
    const module = (statement.moduleSpecifier as ts.StringLiteral).text;
    const quote = sf.text[statement.moduleSpecifier!.getStart(sf)];
    const semi = sf.text[statement.end - 1] === ';' ? ';' : '';
    const elements = (statement.exportClause as ts.NamedExports).elements;
    const kept: string[] = [];
    const elsewhere = new Map<string, string[]>();
    for (const element of elements) {
      const hit = moved.find((m) => m.element === element);
      if (!hit) {
        kept.push(element.getText(sf));
        continue;
      }
      const spelled = hit.to.name === hit.exported ? hit.to.name : `${hit.to.name} as ${hit.exported}`;
      if (packageMatches(frameworkPackageOfModule(module), hit.to.package)) kept.push(spelled);
      else {
        const target = spellingLike(module, hit.to.package);
        elsewhere.set(target, [...(elsewhere.get(target) ?? []), spelled]);
      }
    }
    const typeOnly = statement.isTypeOnly ? 'type ' : '';
    const lines = [
      ...(kept.length > 0 ? [`export ${typeOnly}{ ${kept.join(', ')} } from ${quote}${module}${quote}${semi}`] : []),
      ...[...elsewhere].map(([target, names]) => `export ${typeOnly}{ ${names.join(', ')} } from ${quote}${target}${quote}${semi}`),
    ];
    collector.report({
      entry,
      start: statement.getStart(sf),
      end: statement.end,
      message: moved
        .map((m) => moveMessage((m.element.propertyName ?? m.element.name).text, frameworkPackageOfModule(module), m.to))
        .join('; '),
      edits: [{ start: statement.getStart(sf), end: statement.end, newText: lines.join('\n') }],
    });
  }
}

/** Members read off a namespace import or a util object: `web.preformNetworkRequest`, `qpqWebServerUtils.decodeJWT`. */
function renameMembers(collector: SiteCollector, entry: RenameEntry): void {
  const { tsm, sourceFile: sf, resolver } = collector;
  const moves = entry.names ?? [];
  const memberMoves = moves.filter(
    (m) =>
      m.from.name.includes('.') ||
      [...resolver.imports.bindings.values()].some((b) => b.imported === undefined && packageMatches(b.package, m.from.package)),
  );
  if (memberMoves.length > 0) {
    const visit = (node: ts.Node): void => {
      if (tsm.isPropertyAccessExpression(node) && tsm.isIdentifier(node.name)) {
        const resolved = resolver.resolve(node);
        const move = resolved && memberMoves.find((m) => m.from.name === resolved.name && packageMatches(resolved.package, m.from.package));
        if (resolved && move) {
          const message = moveMessage(resolved.name, resolved.package, move.to);
          const toHead = move.to.name.split('.')[0];
          const fromHead = move.from.name.includes('.') ? move.from.name.split('.')[0] : undefined;
          let edit: TextEdit | undefined;
          if (
            fromHead !== undefined &&
            move.to.name.includes('.') &&
            toHead === fromHead &&
            packageMatches(resolved.package, move.to.package)
          ) {
            edit = { start: node.name.getStart(sf), end: node.name.end, newText: move.to.name.split('.').slice(1).join('.') };
          } else if (
            fromHead === undefined &&
            resolved.binding?.imported === undefined &&
            packageMatches(resolved.package, move.to.package) &&
            !move.to.name.includes('.')
          ) {
            edit = { start: node.name.getStart(sf), end: node.name.end, newText: move.to.name };
          } else {
            const local = collector.plan().use(move.to);
            if (local !== undefined) edit = { start: node.getStart(sf), end: node.end, newText: move.call ? `${local}()` : local };
          }
          if (edit) collector.report({ entry, start: node.getStart(sf), end: node.end, message, edits: [edit] });
          else {
            collector.abandon();
            collector.report({
              entry,
              start: node.getStart(sf),
              end: node.end,
              message,
              manual: `\`${move.to.name}\` is already a name in this file: import it under another name`,
            });
          }
          return;
        }
      }
      tsm.forEachChild(node, visit);
    };
    visit(sf);
  }
}

/** Deep module paths. */
function renameModulePaths(collector: SiteCollector, entry: RenameEntry): void {
  const { sourceFile: sf, resolver } = collector;
  for (const moduleMove of entry.modules ?? []) {
    const pattern = new RegExp(moduleMove.from);
    for (const { specifier } of resolver.imports.modules) {
      if (!pattern.test(specifier.text)) continue;
      const quote = sf.text[specifier.getStart(sf)];
      collector.report({
        entry,
        start: specifier.getStart(sf),
        end: specifier.end,
        message: `\`${specifier.text}\` is \`${moduleMove.to}\``,
        edits: [{ start: specifier.getStart(sf), end: specifier.end, newText: `${quote}${moduleMove.to}${quote}` }],
      });
    }
  }
}

/** String values. */
function renameStringValues(collector: SiteCollector, entry: RenameEntry): void {
  const { tsm, sourceFile: sf } = collector;
  const strings = (entry.strings ?? []).filter((s) => sf.text.includes(s.from));
  if (strings.length > 0) {
    const visit = (node: ts.Node): void => {
      if (
        tsm.isStringLiteral(node) ||
        tsm.isNoSubstitutionTemplateLiteral(node) ||
        tsm.isTemplateHead(node) ||
        tsm.isTemplateMiddle(node) ||
        tsm.isTemplateTail(node)
      ) {
        const raw = sf.text.slice(node.getStart(sf), node.end);
        for (const change of strings) {
          const whole = (tsm.isStringLiteral(node) || tsm.isNoSubstitutionTemplateLiteral(node)) && node.text === change.from;
          const part = (change as { part?: boolean }).part && raw.includes(change.from);
          if (!whole && !part) continue;
          const newText = raw.split(change.from).join(change.to);
          collector.report({
            entry,
            start: node.getStart(sf),
            end: node.end,
            message: `\`${change.from}\` is \`${change.to}\``,
            edits: [{ start: node.getStart(sf), end: node.end, newText }],
          });
          break;
        }
      }
      tsm.forEachChild(node, visit);
    };
    visit(sf);
  }
}

function frameworkPackageOfModule(module: string): string {
  return frameworkPackageOf(module) ?? module;
}

/** `quidproquo-features` spelled the way `module` spells its package (`@quidproquo/features`). */
function spellingLike(module: string, pkg: string): string {
  return module.startsWith('@quidproquo/') ? `@quidproquo/${pkg.replace(/^quidproquo-/, '')}` : pkg;
}

/** `decodeJWT` is `unsafeDecodeJWTPayload`; `defineAdminSettings` moved to `quidproquo-features`; both when both changed. */
function moveMessage(name: string, fromPackage: string, to: ExportRef): string {
  const samePackage = packageMatches(fromPackage, to.package);
  if (name === to.name && !samePackage) return `\`${name}\` moved to \`${to.package}\``;
  return `\`${name}\` is \`${to.name}\`${samePackage ? '' : ` from \`${to.package}\``}`;
}
