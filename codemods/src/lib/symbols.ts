import * as path from 'node:path';
import { ts } from 'ts-morph';

import { readIfExists } from './installed';
import { qpqPackageOf, qpqPackageOfPath } from './packages';
import { messageOf } from './project';

/** What an expression refers to: an export of a framework package (old spelling: `quidproquo-core`). */
export interface QpqExport {
  pkg: string;
  name: string;
}

const MAX_DEPTH = 8;

/**
 * Answers "which framework export is this?" by what a name resolves to, not by how it is spelled:
 * named imports (aliased or not), namespace and default imports, `import x = require()`,
 * `require()` destructuring, local re-export modules, and plain `const x = imported` copies.
 * A local function that happens to share a framework name resolves to itself and is not matched.
 */
export class QpqResolver {
  constructor(
    private readonly getChecker: () => ts.TypeChecker,
    /** Directories whose files are framework sources (the reference runtime), by package. */
    private readonly sourceDirs: ReadonlyArray<{ dir: string; pkg: string }> = [],
  ) {}

  resolve(expression: ts.Expression, depth = 0): QpqExport | undefined {
    const node = skipOuter(expression);
    if (ts.isIdentifier(node)) return this.fromSymbol(this.getChecker().getSymbolAtLocation(node), depth);
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
      const pkg = this.namespacePackage(node.expression, depth);
      if (pkg) return { pkg, name: node.name.text };
      return this.fromSymbol(this.getChecker().getSymbolAtLocation(node.name), depth);
    }
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      const pkg = this.namespacePackage(node.expression, depth);
      if (pkg) return { pkg, name: node.argumentExpression.text };
    }
    return undefined;
  }

  /** The framework package an expression stands for as a whole (`import * as core from 'quidproquo-core'`). */
  namespacePackage(expression: ts.Expression, depth = 0): string | undefined {
    const node = skipOuter(expression);
    if (!ts.isIdentifier(node) || depth > MAX_DEPTH) return undefined;
    const symbol = this.getChecker().getSymbolAtLocation(node);
    for (const declaration of symbol?.declarations ?? []) {
      if (ts.isNamespaceImport(declaration)) return moduleOf(declaration.parent.parent.moduleSpecifier);
      if (ts.isImportClause(declaration) && declaration.name) return moduleOf(declaration.parent.moduleSpecifier);
      if (ts.isImportEqualsDeclaration(declaration) && ts.isExternalModuleReference(declaration.moduleReference)) {
        return moduleOf(declaration.moduleReference.expression);
      }
      if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
        const required = requiredModule(declaration.initializer);
        if (required !== undefined) return qpqPackageOf(required);
        if (ts.isIdentifier(skipOuter(declaration.initializer))) return this.namespacePackage(declaration.initializer, depth + 1);
      }
    }
    return undefined;
  }

  private fromSymbol(symbol: ts.Symbol | undefined, depth: number): QpqExport | undefined {
    if (!symbol || depth > MAX_DEPTH) return undefined;
    const checker = this.getChecker();
    for (const declaration of symbol.declarations ?? []) {
      if (ts.isImportSpecifier(declaration) || ts.isExportSpecifier(declaration)) {
        const imported = (declaration.propertyName ?? declaration.name).text;
        const specifier = ts.isImportSpecifier(declaration)
          ? declaration.parent.parent.parent.moduleSpecifier
          : declaration.parent.parent.moduleSpecifier;
        const pkg = specifier ? moduleOf(specifier) : undefined;
        if (pkg) return { pkg, name: imported };
        const next = symbol.flags & ts.SymbolFlags.Alias ? checker.getImmediateAliasedSymbol(symbol) : undefined;
        if (next && next !== symbol && (next.declarations?.length ?? 0) > 0) return this.fromSymbol(next, depth + 1);
        // Unresolved: a module re-exporting a framework package with `export *` that does not resolve itself.
        return specifier ? this.throughExportStar(specifier, imported, depth + 1) : undefined;
      }
      if (ts.isBindingElement(declaration)) {
        const required = requiredModuleOfBinding(declaration);
        const pkg = required !== undefined ? qpqPackageOf(required) : undefined;
        const name = declaration.propertyName ?? declaration.name;
        if (pkg && (ts.isIdentifier(name) || ts.isStringLiteral(name))) return { pkg, name: name.text };
        continue;
      }
      if (ts.isVariableDeclaration(declaration) && declaration.initializer && isConst(declaration)) {
        const initializer = skipOuter(declaration.initializer);
        if (ts.isIdentifier(initializer) || ts.isPropertyAccessExpression(initializer)) return this.resolve(initializer, depth + 1);
        continue;
      }
      const fileName = declaration.getSourceFile().fileName;
      const pkg =
        qpqPackageOfPath(fileName) ?? this.sourceDirs.find((d) => isInside(fileName, d.dir))?.pkg ?? frameworkPackageOwning(fileName);
      if (pkg) return { pkg, name: symbol.name };
    }
    return undefined;
  }

  private throughExportStar(specifier: ts.Expression, name: string, depth: number): QpqExport | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const moduleSymbol = this.getChecker().getSymbolAtLocation(specifier);
    const file = moduleSymbol?.declarations?.find(ts.isSourceFile);
    if (!file) return undefined;
    for (const statement of file.statements) {
      if (!ts.isExportDeclaration(statement) || statement.exportClause || !statement.moduleSpecifier) continue;
      const pkg = moduleOf(statement.moduleSpecifier);
      if (pkg) return { pkg, name };
      const found = this.throughExportStar(statement.moduleSpecifier, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
}

const owners = new Map<string, string | undefined>();

/**
 * The framework package a source file belongs to, by the name in the nearest package.json: the
 * framework's own sources (and a copy of them in a project) declare its types under relative paths.
 */
export function frameworkPackageOwning(fileName: string): string | undefined {
  const dir = path.dirname(path.resolve(fileName));
  if (owners.has(dir)) return owners.get(dir);
  let owner: string | undefined;
  const manifest = path.join(dir, 'package.json');
  const text = readIfExists(manifest);
  if (text !== undefined) {
    let name: unknown;
    try {
      name = (JSON.parse(text) as { name?: unknown }).name;
    } catch (error) {
      throw new Error(`${manifest} is not valid JSON (${messageOf(error)}), so the package its files belong to is not known`);
    }
    owner = typeof name === 'string' ? qpqPackageOf(name) : undefined;
  } else if (path.dirname(dir) !== dir) {
    owner = frameworkPackageOwning(dir);
  }
  owners.set(dir, owner);
  return owner;
}

function isConst(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

function isInside(fileName: string, dir: string): boolean {
  const relative = path.relative(dir, fileName);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export function skipOuter(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isTypeAssertionExpression(current)
    ) {
      current = current.expression;
    } else if (ts.isAwaitExpression(current)) {
      current = current.expression;
    } else return current;
  }
}

function moduleOf(specifier: ts.Expression): string | undefined {
  return ts.isStringLiteralLike(specifier) ? qpqPackageOf(specifier.text) : undefined;
}

/** `require('x')`, `await import('x')` -> 'x'. */
export function requiredModule(expression: ts.Expression): string | undefined {
  const node = skipOuter(expression);
  if (!ts.isCallExpression(node) || node.arguments.length < 1 || !ts.isStringLiteralLike(node.arguments[0])) return undefined;
  const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
  const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
  return isRequire || isImport ? node.arguments[0].text : undefined;
}

function requiredModuleOfBinding(element: ts.BindingElement): string | undefined {
  let current: ts.Node = element.parent;
  while (ts.isObjectBindingPattern(current) || ts.isBindingElement(current)) current = current.parent;
  return ts.isVariableDeclaration(current) && current.initializer ? requiredModule(current.initializer) : undefined;
}
