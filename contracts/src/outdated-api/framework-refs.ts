import type * as ts from 'typescript';

import type { ExportRef } from './tables';

/**
 * Which framework export a name in a file stands for, read from the file's imports (the names a
 * release removed no longer resolve in the installed packages, so the import is the only witness):
 * named, aliased, namespace and default-less `import`s, `import x = require()`, `require()`
 * destructuring, deep imports (`quidproquo-core/lib/...`), the `@quidproquo/*` spelling and the
 * umbrella `quidproquo` (which re-exports core and webserver). With a type checker, a name a local
 * module re-exports (a barrel) is followed to the framework import it came from.
 */

type Tsm = typeof ts;

/** Whether a text names a framework module in quotes (an import, a `require`, a re-export): a cheap test before any parse. */
export function namesFrameworkModule(text: string): boolean {
  return /['"](?:quidproquo|@quidproquo\/)/.test(text);
}

/** `quidproquo-core/lib/x`, `@quidproquo/core` -> `quidproquo-core`; undefined for other modules. */
export function frameworkPackageOf(specifier: string): string | undefined {
  const old = /^quidproquo(?:-([a-z0-9][a-z0-9._-]*))?(?:\/.*)?$/.exec(specifier);
  if (old) return old[1] ? `quidproquo-${old[1]}` : 'quidproquo';
  const scoped = /^@quidproquo\/([a-z0-9][a-z0-9._-]*)(?:\/.*)?$/.exec(specifier);
  if (scoped) return scoped[1] === 'quidproquo' ? 'quidproquo' : `quidproquo-${scoped[1]}`;
  return undefined;
}

/** The packages the umbrella `quidproquo` re-exports. */
const UMBRELLA = new Set(['quidproquo-core', 'quidproquo-webserver']);

/** Does a name imported from `pkg` stand for `ref`'s package? */
export function packageMatches(pkg: string, refPackage: string): boolean {
  return pkg === refPackage || (pkg === 'quidproquo' && UMBRELLA.has(refPackage));
}

/** How a file spells a package it already imports from (`@quidproquo/core`, `quidproquo`), else the old name. */
export function moduleSpellingFor(index: FrameworkImports, refPackage: string): string {
  let umbrella: string | undefined;
  for (const binding of index.bindings.values()) {
    if (binding.package === refPackage && !binding.deep) return binding.module;
    if (binding.package === 'quidproquo' && UMBRELLA.has(refPackage)) umbrella = binding.module;
  }
  if (umbrella) return umbrella;
  const scoped = [...index.bindings.values()].some((b) => b.module.startsWith('@quidproquo/'));
  return scoped ? `@quidproquo/${refPackage.replace(/^quidproquo-/, '')}` : refPackage;
}

export interface ImportBinding {
  /** The local name. */
  local: string;
  /** The exported name (undefined for a namespace binding). */
  imported: string | undefined;
  package: string;
  /** The module specifier as written. */
  module: string;
  /** A path inside the package (`quidproquo-core/lib/...`). */
  deep: boolean;
  kind: 'named' | 'namespace' | 'require-named' | 'require-namespace';
  /** The specifier or binding element (for a rename or a removal). */
  node: ts.Node;
  /** The import declaration or variable statement. */
  statement: ts.Statement;
  typeOnly: boolean;
}

/** `export { x as y } from 'quidproquo-core'` in a module of the project (a barrel). */
export interface FrameworkReexport {
  exported: string;
  imported: string;
  package: string;
  module: string;
  node: ts.ExportSpecifier;
  statement: ts.ExportDeclaration;
}

export interface FrameworkImports {
  bindings: Map<string, ImportBinding>;
  reexports: FrameworkReexport[];
  /** Every import or require of a framework module, with its specifier node. */
  modules: Array<{ specifier: ts.StringLiteralLike; package: string; statement: ts.Node }>;
}

const cache = new WeakMap<ts.SourceFile, FrameworkImports>();

export function frameworkImports(tsm: Tsm, sourceFile: ts.SourceFile): FrameworkImports {
  const cached = cache.get(sourceFile);
  if (cached) return cached;
  const found: FrameworkImports = { bindings: new Map(), reexports: [], modules: [] };
  for (const statement of sourceFile.statements) {
    if (tsm.isExportDeclaration(statement) && statement.moduleSpecifier && tsm.isStringLiteral(statement.moduleSpecifier)) {
      readReexports(tsm, statement, statement.moduleSpecifier, found);
    } else if (tsm.isImportDeclaration(statement) && tsm.isStringLiteral(statement.moduleSpecifier)) {
      readImport(tsm, statement, statement.moduleSpecifier, found);
    } else if (
      tsm.isImportEqualsDeclaration(statement) &&
      tsm.isExternalModuleReference(statement.moduleReference) &&
      tsm.isStringLiteral(statement.moduleReference.expression)
    ) {
      readImportEquals(statement, statement.moduleReference.expression, found);
    } else if (tsm.isVariableStatement(statement)) {
      readRequires(tsm, statement, found);
    }
  }
  // Dynamic `import('quidproquo-web/auth')` and nested `require` calls name modules too.
  if (/\b(?:import|require)\s*\(/.test(sourceFile.text)) readDynamicImports(tsm, sourceFile, found);
  cache.set(sourceFile, found);
  return found;
}

const isDeep = (specifier: string) => /^(?:@quidproquo\/[^/]+|quidproquo(?:-[^/]+)?)\/./.test(specifier);

/** `export { a, b as c } from 'quidproquo-core'` */
function readReexports(
  tsm: Tsm,
  statement: ts.ExportDeclaration,
  specifier: ts.StringLiteral,
  { modules, reexports }: FrameworkImports,
): void {
  const module = specifier.text;
  const pkg = frameworkPackageOf(module);
  if (!pkg) return;
  modules.push({ specifier, package: pkg, statement });
  if (statement.exportClause && tsm.isNamedExports(statement.exportClause)) {
    for (const element of statement.exportClause.elements) {
      reexports.push({
        exported: element.name.text,
        imported: (element.propertyName ?? element.name).text,
        package: pkg,
        module,
        node: element,
        statement,
      });
    }
  }
}

/** `import x, { a, b as c } from ...`, `import * as x from ...` */
function readImport(tsm: Tsm, statement: ts.ImportDeclaration, specifier: ts.StringLiteral, { modules, bindings }: FrameworkImports): void {
  const module = specifier.text;
  const pkg = frameworkPackageOf(module);
  if (!pkg) return;
  modules.push({ specifier, package: pkg, statement });
  const clause = statement.importClause;
  if (!clause) return;
  const named = clause.namedBindings;
  if (named && tsm.isNamespaceImport(named)) {
    bindings.set(named.name.text, {
      local: named.name.text,
      imported: undefined,
      package: pkg,
      module,
      deep: isDeep(module),
      kind: 'namespace',
      node: named,
      statement,
      typeOnly: clause.isTypeOnly,
    });
  } else if (named && tsm.isNamedImports(named)) {
    for (const element of named.elements) {
      bindings.set(element.name.text, {
        local: element.name.text,
        imported: (element.propertyName ?? element.name).text,
        package: pkg,
        module,
        deep: isDeep(module),
        kind: 'named',
        node: element,
        statement,
        typeOnly: clause.isTypeOnly || element.isTypeOnly,
      });
    }
  }
  // A default import of a framework package: its members are the package's exports.
  if (clause.name)
    bindings.set(clause.name.text, {
      local: clause.name.text,
      imported: undefined,
      package: pkg,
      module,
      deep: isDeep(module),
      kind: 'namespace',
      node: clause,
      statement,
      typeOnly: clause.isTypeOnly,
    });
}

/** `import x = require(...)` */
function readImportEquals(
  statement: ts.ImportEqualsDeclaration,
  specifier: ts.StringLiteral,
  { modules, bindings }: FrameworkImports,
): void {
  const module = specifier.text;
  const pkg = frameworkPackageOf(module);
  if (!pkg) return;
  modules.push({ specifier, package: pkg, statement });
  bindings.set(statement.name.text, {
    local: statement.name.text,
    imported: undefined,
    package: pkg,
    module,
    deep: isDeep(module),
    kind: 'namespace',
    node: statement,
    statement,
    typeOnly: false,
  });
}

/** `const x = require(...)`, `const { a, b: c } = require(...)` */
function readRequires(tsm: Tsm, statement: ts.VariableStatement, { modules, bindings }: FrameworkImports): void {
  for (const declaration of statement.declarationList.declarations) {
    const required = declaration.initializer && requiredSpecifier(tsm, declaration.initializer);
    if (!required) continue;
    const module = required.text;
    const pkg = frameworkPackageOf(module);
    if (!pkg) continue;
    modules.push({ specifier: required, package: pkg, statement });
    if (tsm.isIdentifier(declaration.name)) {
      bindings.set(declaration.name.text, {
        local: declaration.name.text,
        imported: undefined,
        package: pkg,
        module,
        deep: isDeep(module),
        kind: 'require-namespace',
        node: declaration,
        statement,
        typeOnly: false,
      });
    } else if (tsm.isObjectBindingPattern(declaration.name)) {
      for (const element of declaration.name.elements) {
        if (!tsm.isIdentifier(element.name) || element.dotDotDotToken) continue;
        const imported =
          element.propertyName && (tsm.isIdentifier(element.propertyName) || tsm.isStringLiteral(element.propertyName))
            ? element.propertyName.text
            : element.name.text;
        bindings.set(element.name.text, {
          local: element.name.text,
          imported,
          package: pkg,
          module,
          deep: isDeep(module),
          kind: 'require-named',
          node: element,
          statement,
          typeOnly: false,
        });
      }
    }
  }
}

function readDynamicImports(tsm: Tsm, sourceFile: ts.SourceFile, { modules }: FrameworkImports): void {
  const visit = (node: ts.Node): void => {
    if (tsm.isCallExpression(node) && node.arguments.length === 1 && tsm.isStringLiteralLike(node.arguments[0])) {
      const isImport = node.expression.kind === tsm.SyntaxKind.ImportKeyword;
      const isRequire = tsm.isIdentifier(node.expression) && node.expression.text === 'require';
      const pkg = (isImport || isRequire) && frameworkPackageOf(node.arguments[0].text);
      if (pkg && !modules.some((m) => m.specifier === node.arguments[0]))
        modules.push({ specifier: node.arguments[0], package: pkg, statement: node });
    }
    tsm.forEachChild(node, visit);
  };
  visit(sourceFile);
}

function requiredSpecifier(tsm: Tsm, expression: ts.Expression): ts.StringLiteralLike | undefined {
  let node = expression;
  while (tsm.isParenthesizedExpression(node) || tsm.isAwaitExpression(node)) node = node.expression;
  if (!tsm.isCallExpression(node) || node.arguments.length !== 1 || !tsm.isStringLiteralLike(node.arguments[0])) return undefined;
  const isRequire = tsm.isIdentifier(node.expression) && node.expression.text === 'require';
  return isRequire ? node.arguments[0] : undefined;
}

/** What a name or member chain refers to: a framework export, with the path of members read off it. */
export interface ResolvedRef {
  package: string;
  /** The export, with members read off a namespace or util object joined by dots (`qpqWebServerUtils.decodeJWT`). */
  name: string;
  binding: ImportBinding | undefined;
}

/**
 * Resolves references against the file's framework imports. An identifier shadowed by a local
 * declaration is not the import; with a checker that is decided by symbol, without one by the
 * declarations of the enclosing functions and blocks.
 */
export class FrameworkResolver {
  readonly imports: FrameworkImports;

  constructor(
    private readonly tsm: Tsm,
    readonly sourceFile: ts.SourceFile,
    private readonly checker?: ts.TypeChecker,
  ) {
    this.imports = frameworkImports(tsm, sourceFile);
  }

  /** The binding an identifier uses, if it is a framework import and not shadowed. */
  bindingOf(identifier: ts.Identifier): ImportBinding | undefined {
    const binding = this.imports.bindings.get(identifier.text);
    if (binding && !this.isShadowed(identifier, binding)) return binding;
    return this.checker ? this.throughLocalModules(identifier) : undefined;
  }

  /** `decodeJWT`, `web.preformNetworkRequest`, `qpqWebServerUtils.decodeJWT`, `Construct.method`. */
  resolve(expression: ts.Node): ResolvedRef | undefined {
    const tsm = this.tsm;
    let node = expression;
    while (tsm.isParenthesizedExpression(node) || tsm.isNonNullExpression(node) || tsm.isAsExpression(node)) node = node.expression;
    if (tsm.isIdentifier(node)) {
      const binding = this.bindingOf(node);
      if (!binding || binding.imported === undefined) return undefined;
      return { package: binding.package, name: binding.imported, binding };
    }
    if (tsm.isPropertyAccessExpression(node) && tsm.isIdentifier(node.name)) {
      const base = node.expression;
      if (tsm.isIdentifier(base)) {
        const binding = this.bindingOf(base);
        if (binding?.imported === undefined && binding) return { package: binding.package, name: node.name.text, binding };
      }
      const inner = this.resolve(base);
      return inner ? { package: inner.package, name: `${inner.name}.${node.name.text}`, binding: inner.binding } : undefined;
    }
    if (tsm.isQualifiedName(node)) {
      const left = node.left;
      if (tsm.isIdentifier(left)) {
        const binding = this.bindingOf(left);
        if (binding?.imported === undefined && binding) return { package: binding.package, name: node.right.text, binding };
        if (binding) return { package: binding.package, name: `${binding.imported}.${node.right.text}`, binding };
      }
      return undefined;
    }
    return undefined;
  }

  matches(expression: ts.Node, ref: ExportRef): boolean {
    const resolved = this.resolve(expression);
    return resolved !== undefined && resolved.name === ref.name && packageMatches(resolved.package, ref.package);
  }

  private isShadowed(identifier: ts.Identifier, binding: ImportBinding): boolean {
    const tsm = this.tsm;
    if (identifier.parent === binding.node || (tsm.isImportSpecifier(binding.node) && identifier === binding.node.name)) return false;
    if (this.checker) {
      try {
        const symbol = this.checker.getSymbolAtLocation(identifier);
        const declarations = symbol?.declarations ?? [];
        if (declarations.length === 0) return false;
        return !declarations.some((d) => d === binding.node || d.getSourceFile() !== this.sourceFile || isWithin(d, binding.statement));
      } catch {
        return false;
      }
    }
    // Without a checker: a parameter or local declaration of the same name in an enclosing scope.
    for (let scope: ts.Node | undefined = identifier.parent; scope && scope !== this.sourceFile; scope = scope.parent) {
      if (declaresName(tsm, scope, identifier.text)) return true;
    }
    return false;
  }

  /** A name imported from a local module that re-exports a framework export (a barrel). */
  private throughLocalModules(identifier: ts.Identifier): ImportBinding | undefined {
    const tsm = this.tsm;
    const checker = this.checker!;
    let symbol: ts.Symbol | undefined;
    try {
      symbol = checker.getSymbolAtLocation(identifier);
    } catch {
      return undefined;
    }
    for (let depth = 0; symbol && depth < 10; depth++) {
      const declaration = symbol.declarations?.[0];
      if (!declaration || !(symbol.flags & tsm.SymbolFlags.Alias)) return undefined;
      if (tsm.isImportSpecifier(declaration) || tsm.isExportSpecifier(declaration)) {
        const specifier = tsm.isImportSpecifier(declaration)
          ? declaration.parent.parent.parent.moduleSpecifier
          : declaration.parent.parent.moduleSpecifier;
        const module = specifier && tsm.isStringLiteral(specifier) ? specifier.text : undefined;
        const pkg = module && frameworkPackageOf(module);
        if (pkg && module) {
          const imported = (declaration.propertyName ?? declaration.name).text;
          const statement = (
            tsm.isImportSpecifier(declaration) ? declaration.parent.parent.parent : declaration.parent.parent
          ) as ts.Statement;
          return {
            local: identifier.text,
            imported,
            package: pkg,
            module,
            deep: false,
            kind: 'named',
            node: declaration,
            statement,
            typeOnly: false,
          };
        }
      }
      try {
        const next = checker.getImmediateAliasedSymbol(symbol);
        if (!next || next === symbol) return undefined;
        symbol = next;
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
}

function isWithin(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

function declaresName(tsm: Tsm, scope: ts.Node, name: string): boolean {
  const bindsName = (binding: ts.BindingName): boolean =>
    tsm.isIdentifier(binding) ? binding.text === name : binding.elements.some((e) => !tsm.isOmittedExpression(e) && bindsName(e.name));
  if (tsm.isFunctionLike(scope)) {
    if (scope.parameters.some((p) => bindsName(p.name))) return true;
    if (
      (tsm.isFunctionExpression(scope) || tsm.isClassExpression(scope as ts.Node)) &&
      (scope as ts.FunctionExpression).name?.text === name
    )
      return true;
  }
  if (tsm.isBlock(scope) || tsm.isSourceFile(scope) || tsm.isModuleBlock(scope) || tsm.isCaseClause(scope) || tsm.isDefaultClause(scope)) {
    for (const statement of scope.statements) {
      if (tsm.isVariableStatement(statement) && statement.declarationList.declarations.some((d) => bindsName(d.name))) return true;
      if ((tsm.isFunctionDeclaration(statement) || tsm.isClassDeclaration(statement)) && statement.name?.text === name) return true;
    }
  }
  if (
    (tsm.isForStatement(scope) || tsm.isForOfStatement(scope) || tsm.isForInStatement(scope)) &&
    scope.initializer &&
    tsm.isVariableDeclarationList(scope.initializer)
  ) {
    if (scope.initializer.declarations.some((d) => bindsName(d.name))) return true;
  }
  if (tsm.isCatchClause(scope) && scope.variableDeclaration && bindsName(scope.variableDeclaration.name)) return true;
  return false;
}
