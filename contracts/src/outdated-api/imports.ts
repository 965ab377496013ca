import type * as ts from 'typescript';

import { compareImportNames } from '../engine/import-sort';
import type { TextEdit } from '../types';
import { type FrameworkResolver, type ImportBinding, moduleSpellingFor, namesFrameworkModule, packageMatches } from './framework-refs';
import type { ExportRef } from './tables';

type Tsm = typeof ts;

interface Addition {
  module: string;
  name: string;
  typeOnly: boolean;
}

/**
 * The import changes of one fix: names to import (merged into the file's import of that module,
 * in sorted position, or a new import after the framework's), and bindings no longer used.
 * A name is never imported twice: an existing import of it is reused, and a name some other
 * binding already takes makes `use` answer undefined (the site is left to a person).
 */
export class ImportPlan {
  private readonly additions: Addition[] = [];
  private readonly dropped = new Set<ts.Node>();
  /** Import specifiers whose imported name changes in place (`{ old as x }` -> `{ new as x }`). */
  private readonly renamed = new Map<ts.Node, string>();
  private readonly taken: Set<string>;

  constructor(
    private readonly tsm: Tsm,
    private readonly sourceFile: ts.SourceFile,
    private readonly resolver: FrameworkResolver,
  ) {
    this.taken = topLevelNames(tsm, sourceFile);
  }

  /** The text to write for `ref` in this file; undefined when its name is taken by something else. */
  use(ref: ExportRef, options: { typeOnly?: boolean } = {}): string | undefined {
    const [head, ...members] = ref.name.split('.');
    const suffix = members.length > 0 ? `.${members.join('.')}` : '';
    for (const binding of this.resolver.imports.bindings.values()) {
      if (this.dropped.has(binding.node) || binding.imported !== head || !packageMatches(binding.package, ref.package) || binding.deep)
        continue;
      if (binding.typeOnly && !options.typeOnly) continue;
      return `${binding.local}${suffix}`;
    }
    const module = moduleSpellingFor(this.resolver.imports, ref.package);
    if (this.additions.some((a) => a.name === head && a.module === module)) return `${head}${suffix}`;
    const existing = this.resolver.imports.bindings.get(head);
    if (this.taken.has(head) && !(existing && this.dropped.has(existing.node))) return undefined;
    this.additions.push({ module, name: head, typeOnly: options.typeOnly === true && usesTypeImports(this.sourceFile) });
    this.taken.add(head);
    return `${head}${suffix}`;
  }

  /** `import { old as local }` -> `import { name as local }`: the local name and its uses stay. */
  renameImported(binding: ImportBinding, name: string): void {
    this.renamed.set(binding.node, name);
  }

  /** The binding's import goes (its references are all rewritten). */
  drop(binding: ImportBinding): void {
    this.dropped.add(binding.node);
  }

  isEmpty(): boolean {
    return this.additions.length === 0 && this.dropped.size === 0 && this.renamed.size === 0;
  }

  edits(): TextEdit[] {
    const tsm = this.tsm;
    const sf = this.sourceFile;
    const text = sf.text;
    const edits: TextEdit[] = [];
    const pending = [...this.additions];
    const quote = quoteOf(tsm, sf);
    const semi = terminatorOf(tsm, sf);

    for (const statement of sf.statements) {
      if (tsm.isImportDeclaration(statement) && tsm.isStringLiteral(statement.moduleSpecifier)) {
        const clause = statement.importClause;
        const named = clause?.namedBindings && tsm.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
        const module = statement.moduleSpecifier.text;
        const removed = named ? named.elements.filter((e) => this.dropped.has(e) || this.renamed.has(e)) : [];
        const namespaceDropped =
          clause?.namedBindings && tsm.isNamespaceImport(clause.namedBindings) && this.dropped.has(clause.namedBindings);
        const added = named && !clause!.isTypeOnly ? pending.filter((a) => a.module === module) : [];
        for (const a of added) pending.splice(pending.indexOf(a), 1);
        if (namespaceDropped && !clause!.name) {
          edits.push(statementRemoval(tsm, sf, statement));
          continue;
        }
        if (!named || (removed.length === 0 && added.length === 0)) continue;
        const kept = named.elements
          .filter((e) => !this.dropped.has(e))
          .map((e) => {
            const renamed = this.renamed.get(e);
            return renamed === undefined
              ? { name: (e.propertyName ?? e.name).text, text: e.getText(sf) }
              : { name: renamed, text: `${e.isTypeOnly ? 'type ' : ''}${renamed} as ${e.name.text}` };
          });
        for (const a of added) {
          const item = { name: a.name, text: a.typeOnly ? `type ${a.name}` : a.name };
          const at = kept.findIndex((k) => compareImportNames(k.name, a.name) > 0);
          kept.splice(at === -1 ? kept.length : at, 0, item);
        }
        if (kept.length === 0 && !clause!.name) edits.push(statementRemoval(tsm, sf, statement));
        else if (kept.length === 0) edits.push({ start: clause!.name!.end, end: named.end, newText: '' });
        else
          edits.push({
            start: named.getStart(sf),
            end: named.end,
            newText: listText(
              text,
              named.getStart(sf),
              named.end,
              named.elements,
              kept.map((k) => k.text),
            ),
          });
        continue;
      }
      if (tsm.isImportEqualsDeclaration(statement) && this.dropped.has(statement)) {
        edits.push(statementRemoval(tsm, sf, statement));
        continue;
      }
      if (tsm.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (this.dropped.has(declaration) && statement.declarationList.declarations.length === 1) {
            edits.push(statementRemoval(tsm, sf, statement));
            continue;
          }
          if (!tsm.isObjectBindingPattern(declaration.name)) continue;
          const pattern = declaration.name;
          const removed = pattern.elements.filter((e) => this.dropped.has(e));
          const module = requireModule(tsm, declaration.initializer);
          const added = module !== undefined && !usesImports(tsm, sf) ? pending.filter((a) => a.module === module) : [];
          for (const a of added) pending.splice(pending.indexOf(a), 1);
          if (removed.length === 0 && added.length === 0) continue;
          const kept = pattern.elements.filter((e) => !this.dropped.has(e)).map((e) => e.getText(sf));
          for (const a of added) kept.push(a.name);
          if (kept.length === 0 && statement.declarationList.declarations.length === 1) edits.push(statementRemoval(tsm, sf, statement));
          else
            edits.push({
              start: pattern.getStart(sf),
              end: pattern.end,
              newText: listText(text, pattern.getStart(sf), pattern.end, pattern.elements, kept),
            });
        }
      }
    }

    if (pending.length > 0) {
      const byModule = new Map<string, Addition[]>();
      for (const a of pending) byModule.set(a.module, [...(byModule.get(a.module) ?? []), a]);
      const commonJs = !usesImports(tsm, sf) && /\brequire\s*\(/.test(text);
      const lines = [...byModule.keys()].sort(compareImportNames).map((module) => {
        const names = byModule.get(module)!.sort((a, b) => compareImportNames(a.name, b.name));
        if (commonJs) return `const { ${names.map((n) => n.name).join(', ')} } = require(${quote}${module}${quote})${semi}`;
        const allTypes = names.every((n) => n.typeOnly);
        const list = names.map((n) => (n.typeOnly && !allTypes ? `type ${n.name}` : n.name)).join(', ');
        return `import ${allTypes ? 'type ' : ''}{ ${list} } from ${quote}${module}${quote}${semi}`;
      });
      edits.push(newImportsEdit(tsm, sf, lines, [...byModule.keys()]));
    }
    return edits;
  }
}

/** Names declared at the top of the file: imports, functions, classes, variables, types. */
export function topLevelNames(tsm: Tsm, sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const addBinding = (name: ts.BindingName) => {
    if (tsm.isIdentifier(name)) names.add(name.text);
    else for (const e of name.elements) if (!tsm.isOmittedExpression(e)) addBinding(e.name);
  };
  for (const statement of sf.statements) {
    if (tsm.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && tsm.isNamespaceImport(bindings)) names.add(bindings.name.text);
      else if (bindings) for (const e of bindings.elements) names.add(e.name.text);
    } else if (tsm.isImportEqualsDeclaration(statement)) names.add(statement.name.text);
    else if (tsm.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) addBinding(d.name);
    else if (
      (tsm.isFunctionDeclaration(statement) ||
        tsm.isClassDeclaration(statement) ||
        tsm.isInterfaceDeclaration(statement) ||
        tsm.isTypeAliasDeclaration(statement) ||
        tsm.isEnumDeclaration(statement) ||
        tsm.isModuleDeclaration(statement)) &&
      statement.name &&
      tsm.isIdentifier(statement.name)
    ) {
      names.add(statement.name.text);
    }
  }
  return names;
}

function usesImports(tsm: Tsm, sf: ts.SourceFile): boolean {
  return sf.statements.some((s) => tsm.isImportDeclaration(s) || (tsm.isExportDeclaration(s) && s.moduleSpecifier !== undefined));
}

function usesTypeImports(sf: ts.SourceFile): boolean {
  return /\bimport\s+type\b|[{,]\s*type\s+\w/.test(sf.text);
}

function requireModule(tsm: Tsm, initializer: ts.Expression | undefined): string | undefined {
  if (
    !initializer ||
    !tsm.isCallExpression(initializer) ||
    !tsm.isIdentifier(initializer.expression) ||
    initializer.expression.text !== 'require'
  )
    return undefined;
  const argument = initializer.arguments[0];
  return argument && tsm.isStringLiteralLike(argument) ? argument.text : undefined;
}

export function quoteOf(tsm: Tsm, sf: ts.SourceFile): string {
  for (const statement of sf.statements) {
    if (tsm.isImportDeclaration(statement)) return sf.text[statement.moduleSpecifier.getStart(sf)] === '"' ? '"' : "'";
  }
  const literal = /(['"])[^'"\n]*\1/.exec(sf.text);
  return literal ? literal[1] : "'";
}

function terminatorOf(tsm: Tsm, sf: ts.SourceFile): string {
  const first = sf.statements.find((s) => tsm.isImportDeclaration(s) || tsm.isVariableStatement(s)) ?? sf.statements[0];
  return first === undefined || sf.text[first.end - 1] === ';' ? ';' : '';
}

/** A list's text with new elements, in the layout it had (one per line, or `{ a, b }` on one). */
function listText(text: string, start: number, end: number, original: readonly ts.Node[], items: string[]): string {
  const inner = text.slice(start + 1, end - 1);
  if (/\n/.test(inner) && original.length > 0) {
    const firstStart = original[0].getStart();
    const lineStart = text.lastIndexOf('\n', firstStart) + 1;
    const indentation = text.slice(lineStart, firstStart);
    const closeIndentation = /\n([ \t]*)$/.exec(text.slice(0, end - 1))?.[1] ?? '';
    const trailing = /,\s*$/.test(inner);
    return `{\n${items.map((item, i) => `${indentation}${item}${i < items.length - 1 || trailing ? ',' : ''}`).join('\n')}\n${closeIndentation}}`;
  }
  const spaced = /^\s/.test(inner) || inner.length === 0;
  return spaced ? `{ ${items.join(', ')} }` : `{${items.join(', ')}}`;
}

/** Removes a whole statement with its line (and the comment lines glued above it). */
export function statementRemoval(tsm: Tsm, sf: ts.SourceFile, statement: ts.Node): TextEdit {
  const text = sf.text;
  let start = statement.getStart(sf);
  const comments = tsm.getLeadingCommentRanges(text, statement.pos) ?? [];
  for (let i = comments.length - 1; i >= 0; i--) {
    if (/\n[ \t]*\r?\n/.test(text.slice(comments[i].end, start))) break;
    start = comments[i].pos;
  }
  start = text.lastIndexOf('\n', start - 1) + 1;
  let end = statement.end;
  const trailing = tsm.getTrailingCommentRanges(text, end) ?? [];
  if (trailing.length > 0) end = trailing[trailing.length - 1].end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { start, end, newText: '' };
}

/** New import lines after the framework's imports (or the other imports, or at the top). */
function newImportsEdit(tsm: Tsm, sf: ts.SourceFile, lines: string[], modules: string[]): TextEdit {
  const text = sf.text;
  const imports = sf.statements.filter(
    (s) =>
      tsm.isImportDeclaration(s) ||
      tsm.isImportEqualsDeclaration(s) ||
      (tsm.isVariableStatement(s) && s.declarationList.declarations.some((d) => requireModule(tsm, d.initializer) !== undefined)),
  );
  const isFramework = (s: ts.Statement) => namesFrameworkModule(s.getText(sf));
  const framework = imports.filter(isFramework);
  // Before the first framework import that sorts after the new module, else after the last of them.
  const after = framework.find((s) => {
    const module = /['"]([^'"]+)['"]/.exec(s.getText(sf))?.[1] ?? '';
    return compareImportNames(module, modules[0]) > 0;
  });
  const block = lines.join('\n');
  if (after) {
    const at = text.lastIndexOf('\n', after.getStart(sf) - 1) + 1;
    return { start: at, end: at, newText: `${block}\n` };
  }
  const anchor = framework[framework.length - 1];
  if (anchor) return { start: lineEndAfter(text, anchor.end), end: lineEndAfter(text, anchor.end), newText: `${block}\n` };
  const first = imports[0];
  if (first) {
    const at = text.lastIndexOf('\n', first.getStart(sf) - 1) + 1;
    return { start: at, end: at, newText: `${block}\n\n` };
  }
  // No imports: after a leading directive prologue and header comments.
  const firstStatement = sf.statements[0];
  if (!firstStatement) return { start: text.length, end: text.length, newText: `${block}\n` };
  const directive =
    tsm.isExpressionStatement(firstStatement) && tsm.isStringLiteral(firstStatement.expression) ? firstStatement : undefined;
  if (directive) {
    const end = lineEndAfter(text, directive.end);
    return { start: end, end, newText: `\n${block}\n` };
  }
  const at = text.lastIndexOf('\n', firstStatement.getStart(sf) - 1) + 1;
  return { start: at, end: at, newText: `${block}\n\n` };
}

function lineEndAfter(text: string, position: number): number {
  const newline = text.indexOf('\n', position);
  return newline === -1 ? text.length : newline + 1;
}
