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
  const moduleSymbol = moduleSymbolOf(checker, binding.specifier);
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
  return exported.flags & tsm.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
}

const moduleSymbolsByChecker = new WeakMap<ts.TypeChecker, WeakMap<ts.StringLiteral, ts.Symbol | undefined>>();

/** The module an import declaration names, resolved once per declaration for all its names. */
function moduleSymbolOf(checker: ts.TypeChecker, specifier: ts.StringLiteral): ts.Symbol | undefined {
  let modules = moduleSymbolsByChecker.get(checker);
  if (!modules) moduleSymbolsByChecker.set(checker, (modules = new WeakMap()));
  if (modules.has(specifier)) return modules.get(specifier);
  const symbol = checker.getSymbolAtLocation(specifier);
  modules.set(specifier, symbol);
  return symbol;
}
