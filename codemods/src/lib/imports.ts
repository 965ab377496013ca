import { ts } from 'ts-morph';
import { type Edit, endOfLineAfter, insertListElement, lineStart, namedImportsList, removeListElement, trailingCommentsEnd } from './edits';
import { qpqPackageOf } from './packages';
import { requiredModule } from './symbols';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
/** The order eslint-plugin-simple-import-sort (and qpq/import-order) gives names and modules. */
export const compareNames = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

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
 * Imports `name` from `moduleName`: into an existing `import { … } from` of that module in sorted
 * position, or as a new import where the house order puts it (framework packages first, sorted).
 * A CommonJS file without imports gets a `require`.
 */
export function addNamedImport(sourceFile: ts.SourceFile, moduleName: string, name: string): Edit[] {
  const text = sourceFile.text;
  const quote = quoteOf(sourceFile);
  const semi = statementTerminator(sourceFile);
  const imports = sourceFile.statements.filter(ts.isImportDeclaration);
  for (const declaration of imports) {
    const clause = declaration.importClause;
    if (!ts.isStringLiteral(declaration.moduleSpecifier) || declaration.moduleSpecifier.text !== moduleName || !clause || clause.isTypeOnly) continue;
    const bindings = clause.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    if (bindings.elements.some((e) => e.name.text === name)) return [];
    const index = bindings.elements.findIndex((e) => compareNames((e.propertyName ?? e.name).text, name) > 0);
    return insertListElement(sourceFile, namedImportsList(sourceFile, bindings), index === -1 ? bindings.elements.length - 1 : index - 1, name);
  }

  if (imports.length === 0) {
    const first = sourceFile.statements[0];
    const requires = sourceFile.statements.filter(
      (s): s is ts.VariableStatement => ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => d.initializer && requiredModule(d.initializer) !== undefined),
    );
    const isCommonJs = /\.c?js$/.test(sourceFile.fileName) && requires.length > 0;
    const line = isCommonJs ? `const { ${name} } = require(${quote}${moduleName}${quote})${semi}` : `import { ${name} } from ${quote}${moduleName}${quote}${semi}`;
    if (isCommonJs) {
      // Among the framework requires, in module order.
      const moduleOf = (s: ts.VariableStatement) => requiredModule(s.declarationList.declarations[0].initializer!) ?? '';
      const framework = requires.filter((s) => qpqPackageOf(moduleOf(s)) !== undefined);
      const after = framework.find((s) => compareNames(moduleOf(s), moduleName) > 0);
      if (after) {
        const at = lineStart(text, attachedCommentsStart(sourceFile, after));
        return [{ start: at, end: at, newText: `${line}\n` }];
      }
      const last = framework[framework.length - 1];
      const end = last && endOfLineAfter(text, trailingCommentsEnd(text, last.end));
      if (end !== undefined) return [{ start: end, end, newText: `${line}\n` }];
    }
    if (!first) return [{ start: text.length, end: text.length, newText: `${line}\n` }];
    const at = lineStart(text, attachedCommentsStart(sourceFile, first));
    return [{ start: at, end: at, newText: `${line}\n\n` }];
  }

  const line = `import { ${name} } from ${quote}${moduleName}${quote}${semi}`;
  const framework = imports.filter((d) => ts.isStringLiteral(d.moduleSpecifier) && qpqPackageOf(d.moduleSpecifier.text) !== undefined);
  const after = framework.find((d) => compareNames((d.moduleSpecifier as ts.StringLiteral).text, moduleName) > 0);
  if (after) {
    const at = lineStart(text, attachedCommentsStart(sourceFile, after));
    return [{ start: at, end: at, newText: `${line}\n` }];
  }
  if (framework.length > 0) {
    const last = framework[framework.length - 1];
    const end = endOfLineAfter(text, trailingCommentsEnd(text, last.end));
    if (end !== undefined) return [{ start: end, end, newText: `${line}\n` }];
    return [{ start: last.end, end: last.end, newText: `\n${line}` }];
  }
  const first = imports[0];
  const at = lineStart(text, attachedCommentsStart(sourceFile, first));
  return [{ start: at, end: at, newText: `${line}\n\n` }];
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
      if (!declaration.initializer || requiredModule(declaration.initializer) === undefined || !ts.isObjectBindingPattern(declaration.name)) continue;
      const pattern = declaration.name;
      const index = pattern.elements.findIndex((e) => ts.isIdentifier(e.name) && e.name.text === localName);
      if (index === -1) continue;
      if (pattern.elements.length > 1) {
        return removeListElement(sourceFile, { open: pattern.getStart(sourceFile), close: pattern.end - 1, elements: pattern.elements }, index);
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
      const isMemberName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
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
