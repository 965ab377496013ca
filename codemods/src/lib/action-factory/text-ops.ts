import * as path from 'node:path';
import { compareModules } from 'qpq-contracts';
import { ts } from 'ts-morph';

import { applyEdits, type Edit, endOfLineAfter, lineStart, trailingCommentsEnd } from '../edits';
import { addNamedImport, attachedCommentsStart, countReferences, quoteOf, removeNamedImport, statementTerminator } from '../imports';

export function parse(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '/index.ts', '/index.tsx', '/index.js'];

/** The project file a relative module specifier names, among `files`. */
export function resolveRelative(fromFile: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  if (files.has(base)) return base;
  const stripped = base.replace(/\.(?:[cm]?js|jsx)$/, '');
  for (const ext of EXTENSIONS) if (files.has(stripped + ext)) return stripped + ext;
  return undefined;
}

/** `./askX` for a module seen from `fromFile`. */
export function relativeSpecifier(fromFile: string, toFile: string): string {
  let relative = path.relative(path.dirname(fromFile), toFile).split(path.sep).join('/');
  relative = relative.replace(/\.(?:tsx?|[cm]ts|jsx?)$/, '').replace(/\/index$/, '');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** A statement's whole lines, with the comments attached above it and one blank line after it when it stood between blank lines. */
export function statementRange(sourceFile: ts.SourceFile, statement: ts.Node): { start: number; end: number } {
  const text = sourceFile.text;
  const start = lineStart(text, attachedCommentsStart(sourceFile, statement));
  let end = endOfLineAfter(text, trailingCommentsEnd(text, statement.end)) ?? statement.end;
  const blankAfter = /^[ \t]*\r?\n/.exec(text.slice(end));
  const blankBefore = start === 0 || /\n[ \t]*\r?\n$/.test(text.slice(0, start));
  if (blankAfter && blankBefore) end += blankAfter[0].length;
  else if (end >= text.length && start > 0) {
    // The last statement: the blank line before it goes with it.
    const before = /\r?\n[ \t]*\r?\n$/.exec(text.slice(0, start));
    if (before) return { start: start - before[0].length + before[0].indexOf('\n') + 1, end };
  }
  return { start, end };
}

/** Re-indents the lines after the first from `from` to `to`. */
export function reindent(text: string, from: string, to: string): string {
  if (from === to) return text;
  return text
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(from) ? to + line.slice(from.length) : line))
    .join('\n');
}

export interface ImportAddition {
  module: string;
  /** `name` or `name as local`. */
  specifier: string;
}

/**
 * Applies import changes one at a time, re-parsing in between so each sees the text the last
 * one left: imports of `unusedCandidates` that nothing uses any more go, specifiers in `moved`
 * leave their old import, additions join an import of their module or get a new line in the
 * house order.
 */
export function updateImports(
  fileName: string,
  text: string,
  changes: { unusedCandidates: Iterable<string>; moved: Iterable<string>; additions: readonly ImportAddition[] },
): string {
  let current = text;
  // Parsed again only after a step changed the text.
  let sf = parse(fileName, current);
  const step = (edits: (sf: ts.SourceFile) => Edit[]) => {
    const list = edits(sf);
    if (list.length === 0) return;
    current = applyEdits(current, list, '\n', fileName);
    sf = parse(fileName, current);
  };
  for (const name of new Set(changes.moved)) step((sf) => removeNamedImport(sf, name));
  for (const name of new Set(changes.unusedCandidates)) {
    step((sf) => (isImported(sf, name) && countReferences(sf, name) === 0 ? removeNamedImport(sf, name) : []));
  }
  const seen = new Set<string>();
  for (const addition of changes.additions) {
    const key = `${addition.module}\0${addition.specifier}`;
    if (seen.has(key)) continue;
    seen.add(key);
    step((sf) => {
      // A name the file already has (the requester imported through a barrel, say) is not declared again.
      const local = addition.specifier.split(' as ').pop()!;
      if (declaredNames(sf).has(local) && !importedFrom(sf, local, addition.module)) return [];
      return addNamedImport(sf, addition.module, addition.specifier);
    });
  }
  return current;
}

/** Names declared at the top of a module: its imports, functions, classes, variables and types. */
function declaredNames(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      else if (bindings) for (const element of bindings.elements) names.add(element.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.add(statement.name.text);
    }
  }
  return names;
}

function importedFrom(sourceFile: ts.SourceFile, localName: string, moduleName: string): boolean {
  return sourceFile.statements.some((s) => {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || s.moduleSpecifier.text !== moduleName) return false;
    const bindings = s.importClause?.namedBindings;
    return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.some((e) => e.name.text === localName);
  });
}

function isImported(sourceFile: ts.SourceFile, localName: string): boolean {
  return sourceFile.statements.some((s) => {
    const bindings = ts.isImportDeclaration(s) ? s.importClause?.namedBindings : undefined;
    return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.some((e) => e.name.text === localName);
  });
}

/** Adds `export * from '<module>'` among the file's `export *` lines, in module order. */
export function addExportStar(sourceFile: ts.SourceFile, moduleName: string): Edit[] {
  const text = sourceFile.text;
  const stars = sourceFile.statements.filter(
    (s): s is ts.ExportDeclaration =>
      ts.isExportDeclaration(s) && !s.exportClause && s.moduleSpecifier !== undefined && ts.isStringLiteral(s.moduleSpecifier),
  );
  const moduleOf = (s: ts.ExportDeclaration) => (s.moduleSpecifier as ts.StringLiteral).text;
  if (stars.some((s) => moduleOf(s) === moduleName)) return [];
  const quote = quoteOf(sourceFile);
  const line = `export * from ${quote}${moduleName}${quote}${statementTerminator(sourceFile)}`;
  const after = stars.find((s) => compareModules(moduleOf(s), moduleName) > 0);
  if (after) {
    const at = lineStart(text, attachedCommentsStart(sourceFile, after));
    return [{ start: at, end: at, newText: `${line}\n` }];
  }
  const last = stars[stars.length - 1];
  if (last) {
    const end = endOfLineAfter(text, trailingCommentsEnd(text, last.end));
    if (end !== undefined) return [{ start: end, end, newText: `${line}\n` }];
    return [{ start: last.end, end: last.end, newText: `\n${line}` }];
  }
  const first = sourceFile.statements[0];
  if (!first) return [{ start: text.length, end: text.length, newText: `${line}\n` }];
  const at = lineStart(text, attachedCommentsStart(sourceFile, first));
  return [{ start: at, end: at, newText: `${line}\n\n` }];
}

/** True when the file holds nothing but imports (and empty exports). */
export function isEmptyModule(sourceFile: ts.SourceFile): boolean {
  return sourceFile.statements.every(
    (s) =>
      ts.isImportDeclaration(s) ||
      (ts.isExportDeclaration(s) &&
        s.exportClause !== undefined &&
        ts.isNamedExports(s.exportClause) &&
        s.exportClause.elements.length === 0 &&
        !s.moduleSpecifier),
  );
}
