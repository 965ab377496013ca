import { compareImportNames, compareModules, type ImportKind, importRank, QPQ_IMPORT_GROUPS } from 'qpq-contracts';
import { ts } from 'ts-morph';

import { type Edit, endOfLineAfter, insertListElement, lineStart, namedImportsList, removeListElement, trailingCommentsEnd } from './edits';
import { requiredModule } from './symbols';

/** The quote the file's imports use. */
export function quoteOf(sourceFile: ts.SourceFile): string {
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) || (ts.isExportDeclaration(statement) && statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier!;
      return sourceFile.text[specifier.getStart(sourceFile)] === '"' ? '"' : "'";
    }
  }
  const literal = /(['"])[^'"\n]*\1/.exec(sourceFile.text);
  return literal ? literal[1] : "'";
}

/** `;` or nothing: what ends the file's import and export lines (its first statement, when it has none). */
export function statementTerminator(sourceFile: ts.SourceFile): string {
  const first = sourceFile.statements.find((s) => ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) ?? sourceFile.statements[0];
  return first === undefined || sourceFile.text[first.end - 1] === ';' ? ';' : '';
}

/** Does the file already use the `@quidproquo/*` names? */
export function usesScopedNames(sourceFile: ts.SourceFile): boolean {
  return /(['"])@quidproquo\//.test(sourceFile.text);
}

/**
 * Imports `specifier` (`name` or `name as local`) from `moduleName`: into an existing
 * `import { … } from` of that module in sorted position, or as a new import where the house order
 * (qpq/import-order's) puts it. A CommonJS file without imports gets a `require`.
 */
export function addNamedImport(sourceFile: ts.SourceFile, moduleName: string, specifier: string): Edit[] {
  const [imported, local = imported] = specifier.split(' as ');
  const imports = sourceFile.statements.filter(ts.isImportDeclaration);
  for (const declaration of imports) {
    const clause = declaration.importClause;
    if (!ts.isStringLiteral(declaration.moduleSpecifier) || declaration.moduleSpecifier.text !== moduleName || !clause || clause.isTypeOnly)
      continue;
    const bindings = clause.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    if (bindings.elements.some((e) => e.name.text === local)) return [];
    const index = bindings.elements.findIndex((e) => compareImportNames((e.propertyName ?? e.name).text, imported) > 0);
    return insertListElement(
      sourceFile,
      namedImportsList(sourceFile, bindings),
      index === -1 ? bindings.elements.length - 1 : index - 1,
      specifier,
    );
  }
  const quote = quoteOf(sourceFile);
  const semi = statementTerminator(sourceFile);
  if (imports.length === 0 && /\.c?js$/.test(sourceFile.fileName)) {
    const requireLine = `const { ${imported === local ? imported : `${imported}: ${local}`} } = require(${quote}${moduleName}${quote})${semi}`;
    const edits = addRequireLine(sourceFile, moduleName, requireLine);
    if (edits) return edits;
  }
  return addImportLine(sourceFile, moduleName, `import { ${specifier} } from ${quote}${moduleName}${quote}${semi}`);
}

function kindOf(declaration: ts.ImportDeclaration): ImportKind {
  const clause = declaration.importClause;
  return !clause ? 'side-effect' : clause.isTypeOnly ? 'type' : 'value';
}

/**
 * Inserts an import line of `moduleName` where qpq/import-order puts it: in its group in module
 * order, or as a group of its own (a blank line apart) before the groups that follow it.
 */
export function addImportLine(sourceFile: ts.SourceFile, moduleName: string, line: string): Edit[] {
  const text = sourceFile.text;
  const rank = importRank(moduleName, QPQ_IMPORT_GROUPS);
  const ranked = sourceFile.statements.filter(ts.isImportDeclaration).flatMap((declaration) => {
    if (!ts.isStringLiteral(declaration.moduleSpecifier)) return [];
    const module = declaration.moduleSpecifier.text;
    const kind = kindOf(declaration);
    return [{ declaration, module, kind, rank: importRank(module, QPQ_IMPORT_GROUPS, kind) }];
  });
  const sameGroup = ranked.filter((r) => r.rank.group === rank.group);
  // Side-effect imports keep their place at the start of their pattern's modules.
  const after = sameGroup.find(
    (r) => (r.rank.pattern - rank.pattern || (r.kind === 'side-effect' ? -1 : compareModules(r.module, moduleName))) > 0,
  );
  if (after) {
    const at = lineStart(text, attachedCommentsStart(sourceFile, after.declaration));
    return [{ start: at, end: at, newText: `${line}\n` }];
  }
  if (sameGroup.length > 0) return insertAfter(text, sameGroup[sameGroup.length - 1].declaration, line, false);
  const later = ranked.find((r) => r.rank.group > rank.group);
  const anchor = later?.declaration ?? (ranked.length === 0 ? sourceFile.statements[0] : undefined);
  if (anchor) {
    const at = lineStart(text, attachedCommentsStart(sourceFile, anchor));
    return [{ start: at, end: at, newText: `${line}\n\n` }];
  }
  if (ranked.length > 0) return insertAfter(text, ranked[ranked.length - 1].declaration, line, true);
  return [{ start: text.length, end: text.length, newText: `${line}\n` }];
}

/** `line` on the line after `statement` (and a blank line between when it starts a group). */
function insertAfter(text: string, statement: ts.Node, line: string, newGroup: boolean): Edit[] {
  const end = endOfLineAfter(text, trailingCommentsEnd(text, statement.end));
  const gap = newGroup ? '\n' : '';
  if (end !== undefined) return [{ start: end, end, newText: `${gap}${line}\n` }];
  return [{ start: statement.end, end: statement.end, newText: `\n${gap}${line}` }];
}

/** A `require` line among the file's requires of the same group, in module order; undefined when the file has no requires. */
function addRequireLine(sourceFile: ts.SourceFile, moduleName: string, line: string): Edit[] | undefined {
  const text = sourceFile.text;
  const requires = sourceFile.statements.flatMap((statement) => {
    if (!ts.isVariableStatement(statement)) return [];
    const module = statement.declarationList.declarations
      .map((d) => d.initializer && requiredModule(d.initializer))
      .find((m) => m !== undefined);
    return module === undefined ? [] : [{ statement, module }];
  });
  if (requires.length === 0) return undefined;
  const rank = importRank(moduleName, QPQ_IMPORT_GROUPS);
  const sameGroup = requires.filter((r) => importRank(r.module, QPQ_IMPORT_GROUPS).group === rank.group);
  const after = sameGroup.find((r) => compareModules(r.module, moduleName) > 0);
  if (after) {
    const at = lineStart(text, attachedCommentsStart(sourceFile, after.statement));
    return [{ start: at, end: at, newText: `${line}\n` }];
  }
  const last = sameGroup[sameGroup.length - 1];
  const end = last && endOfLineAfter(text, trailingCommentsEnd(text, last.statement.end));
  if (end !== undefined) return [{ start: end, end, newText: `${line}\n` }];
  const at = lineStart(text, attachedCommentsStart(sourceFile, sourceFile.statements[0]));
  return [{ start: at, end: at, newText: `${line}\n\n` }];
}

/**
 * The import lines of a new module: one per module, names sorted, modules in the house order,
 * a blank line between groups.
 */
export function importBlock(imports: ReadonlyMap<string, Iterable<string>>, quote: string): string {
  const ranked = [...imports.keys()].map((module) => ({ module, rank: importRank(module, QPQ_IMPORT_GROUPS) }));
  ranked.sort((a, b) => a.rank.group - b.rank.group || a.rank.pattern - b.rank.pattern || compareModules(a.module, b.module));
  const lines: string[] = [];
  ranked.forEach(({ module, rank }, i) => {
    if (i > 0 && ranked[i - 1].rank.group !== rank.group) lines.push('');
    const names = [...new Set(imports.get(module)!)].sort((a, b) => {
      const [importedA, localA = importedA] = a.split(' as ');
      const [importedB, localB = importedB] = b.split(' as ');
      return compareImportNames(importedA, importedB) || compareImportNames(localA, localB);
    });
    lines.push(`import { ${names.join(', ')} } from ${quote}${module}${quote};`);
  });
  return lines.join('\n');
}

/**
 * Removes the import of `localName` (an `import { x }` specifier, or the whole declaration when it
 * was the only name). Nothing when the name is not imported that way.
 */
export function removeNamedImport(sourceFile: ts.SourceFile, localName: string): Edit[] {
  const text = sourceFile.text;
  for (const declaration of sourceFile.statements.filter(ts.isImportDeclaration)) {
    const bindings = declaration.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    const index = bindings.elements.findIndex((e) => e.name.text === localName);
    if (index === -1) continue;
    if (bindings.elements.length > 1 || declaration.importClause!.name) {
      if (bindings.elements.length > 1) return removeListElement(sourceFile, namedImportsList(sourceFile, bindings), index);
      // `import x, { y } from` -> `import x from`
      return [{ start: declaration.importClause!.name!.end, end: bindings.end, newText: '' }];
    }
    const start = lineStart(text, attachedCommentsStart(sourceFile, declaration));
    const end = endOfLineAfter(text, trailingCommentsEnd(text, declaration.end)) ?? declaration.end;
    return [{ start, end, newText: '' }];
  }
  // `const { x, y } = require('…')`
  for (const statement of sourceFile.statements.filter(ts.isVariableStatement)) {
    for (const declaration of statement.declarationList.declarations) {
      if (!declaration.initializer || requiredModule(declaration.initializer) === undefined || !ts.isObjectBindingPattern(declaration.name))
        continue;
      const pattern = declaration.name;
      const index = pattern.elements.findIndex((e) => ts.isIdentifier(e.name) && e.name.text === localName);
      if (index === -1) continue;
      if (pattern.elements.length > 1) {
        return removeListElement(
          sourceFile,
          { open: pattern.getStart(sourceFile), close: pattern.end - 1, elements: pattern.elements },
          index,
        );
      }
      if (statement.declarationList.declarations.length > 1) return [];
      const start = lineStart(text, attachedCommentsStart(sourceFile, statement));
      const end = endOfLineAfter(text, trailingCommentsEnd(text, statement.end)) ?? statement.end;
      return [{ start, end, newText: '' }];
    }
  }
  return [];
}

/** How often `name` is used in the file as a value or type, its import (or `require` destructuring) aside. */
export function countReferences(sourceFile: ts.SourceFile, name: string): number {
  let count = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node) && node.text === name) {
      const parent = node.parent;
      const isMemberName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
      const isBinding = ts.isBindingElement(parent) && (parent.name === node || parent.propertyName === node);
      if (!isMemberName && !isBinding) count++;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return count;
}

/**
 * Where a statement begins with the comments that belong to it: the comment lines right above it
 * with no blank line between (a file header separated by a blank line stays where it is).
 */
export function attachedCommentsStart(sourceFile: ts.SourceFile, node: ts.Node): number {
  const text = sourceFile.text;
  let start = node.getStart(sourceFile);
  const comments = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  for (let i = comments.length - 1; i >= 0; i--) {
    const between = text.slice(comments[i].end, start);
    if (/\n[ \t]*\r?\n/.test(between) || !/^[ \t]*$/.test(text.slice(lineStart(text, comments[i].pos), comments[i].pos))) break;
    start = comments[i].pos;
  }
  return start;
}
