import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';

/**
 * What a file's imports name, read from each module's list of exports, which is made once per
 * program: a name imported by a thousand files is looked up in one list instead of resolved a
 * thousand times by the checker (each import is its own alias to resolve). The answer is the
 * checker's own (a test compares the two on every call of the fixtures); where this cannot be
 * sure, `NOT_READ` sends the caller to the checker.
 */

/** The fast route cannot say for sure: ask the checker. */
export const NOT_READ = Symbol('not read');

/** A name a file's import binds: `x` of `import { y as x } from 'm'` imports `y`; `*` is the namespace. */
export interface ImportBinding {
  specifier: ts.StringLiteral;
  imported: string;
  /** `import type`, or `import { type x }`: a type name only. */
  typeOnly: boolean;
}

/**
 * What `name` means in the file, when one of its imports binds it: as a value (a type-only import
 * binds none), or as a type (the caller knows no local type or type parameter of the same name
 * shadows the import where the name is written).
 */
export function importedName(
  tsm: TypeScriptModule,
  checker: ts.TypeChecker,
  sourceFile: ts.SourceFile,
  name: string,
  meaning: 'value' | 'type',
): ts.Symbol | undefined | typeof NOT_READ {
  const binding = fileImports(tsm, sourceFile).get(name);
  return binding && (meaning === 'type' || !binding.typeOnly) ? importedSymbol(tsm, checker, binding) : NOT_READ;
}

/** The symbol an import or re-export stands for; any other symbol as it is. */
export function unaliased(tsm: TypeScriptModule, checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  return symbol && symbol.flags & tsm.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

const importsByFile = new WeakMap<ts.SourceFile, Map<string, ImportBinding>>();

/** Every name the file's imports bind, by local name: read once per file for every rule. */
export function fileImports(tsm: TypeScriptModule, sourceFile: ts.SourceFile): ReadonlyMap<string, ImportBinding> {
  let imports = importsByFile.get(sourceFile);
  if (imports) return imports;
  imports = new Map();
  for (const statement of sourceFile.statements) {
    if (!tsm.isImportDeclaration(statement) || !tsm.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    if (!clause) continue;
    const specifier = statement.moduleSpecifier;
    if (clause.name) imports.set(clause.name.text, { specifier, imported: 'default', typeOnly: clause.isTypeOnly });
    const bindings = clause.namedBindings;
    if (bindings && tsm.isNamespaceImport(bindings))
      imports.set(bindings.name.text, { specifier, imported: '*', typeOnly: clause.isTypeOnly });
    if (bindings && tsm.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        imports.set(element.name.text, {
          specifier,
          imported: (element.propertyName ?? element.name).text,
          typeOnly: clause.isTypeOnly || element.isTypeOnly,
        });
      }
    }
  }
  importsByFile.set(sourceFile, imports);
  return imports;
}

const moduleExportsByChecker = new WeakMap<ts.TypeChecker, Map<ts.Symbol, Map<string, ts.Symbol>>>();
const EXPORT_EQUALS = 'export=' as ts.__String;

/** Modules with `export =` (CommonJS), and names the list lacks, take the checker's route. */
function importedSymbol(tsm: TypeScriptModule, checker: ts.TypeChecker, binding: ImportBinding): ts.Symbol | undefined | typeof NOT_READ {
  const moduleSymbol = moduleSymbolOf(checker, binding);
  if (!moduleSymbol || !moduleSymbol.exports || moduleSymbol.exports.has(EXPORT_EQUALS)) return NOT_READ;
  if (binding.imported === '*') return moduleSymbol;
  let modules = moduleExportsByChecker.get(checker);
  if (!modules) moduleExportsByChecker.set(checker, (modules = new Map()));
  let listed = modules.get(moduleSymbol);
  if (!listed) {
    listed = new Map(checker.getExportsOfModule(moduleSymbol).map((symbol) => [symbol.name, symbol] as const));
    modules.set(moduleSymbol, listed);
  }
  const exported = listed.get(binding.imported);
  if (!exported) return NOT_READ;
  return unaliased(tsm, checker, exported);
}

const moduleSymbolsByChecker = new WeakMap<ts.TypeChecker, Map<string, ts.Symbol | undefined>>();

/**
 * The module an import declaration names. Module resolution reads the importing file's folder,
 * its module format and whether the import is type-only, nothing else of it: the files of one
 * folder that import a module alike share one answer (a thousand files importing
 * `quidproquo-core` ask the checker a few times, not a thousand). An import with attributes
 * (`with { 'resolution-mode': ... }`) is asked on its own.
 */
function moduleSymbolOf(checker: ts.TypeChecker, binding: ImportBinding): ts.Symbol | undefined {
  const { specifier } = binding;
  const declaration = specifier.parent as ts.ImportDeclaration;
  // `assertClause`: the same, before TypeScript 5.3 named it `attributes`.
  if (declaration.attributes || (declaration as { assertClause?: unknown }).assertClause) return checker.getSymbolAtLocation(specifier);
  const file = declaration.getSourceFile();
  const folder = file.fileName.slice(0, file.fileName.lastIndexOf('/') + 1);
  const key = `${folder}\0${file.impliedNodeFormat ?? ''}\0${binding.typeOnly ? 'type' : 'value'}\0${specifier.text}`;
  let modules = moduleSymbolsByChecker.get(checker);
  if (!modules) moduleSymbolsByChecker.set(checker, (modules = new Map()));
  if (modules.has(key)) return modules.get(key);
  const symbol = checker.getSymbolAtLocation(specifier);
  modules.set(key, symbol);
  return symbol;
}
