import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';
import { getFileIndex } from './file-index';

/**
 * What a call's callee names, aliases followed: the function of `askDateNow()`, the method of
 * `Math.floor(x)` or `todoLogic.askCreate(x)`. Resolved once per callee node and checker, whichever
 * contract asks first, so every rule on the file shares the answer.
 *
 * A method is read from its receiver's declared type when that type is plain (one object or
 * primitive type, no union): the checker's own route checks the receiver expression, with control
 * flow analysis back to the start of the function, and a story body asks about hundreds of
 * `id.split(...)` and `Math.min(...)` calls. Narrowing cannot change the member of a type that is
 * not a union; a member the declared type lacks (found by an `in` or `instanceof` guard) takes
 * the checker's route.
 */
export function calleeSymbolOf(tsm: TypeScriptModule, checker: ts.TypeChecker, callee: ts.Expression): ts.Symbol | undefined {
  let cache = cachesByChecker.get(checker);
  if (!cache) cachesByChecker.set(checker, (cache = new WeakMap()));
  if (cache.has(callee)) return cache.get(callee);
  const symbol = resolveCallee(tsm, checker, callee);
  cache.set(callee, symbol);
  return symbol;
}

/** The callee's own name as written: `askCatch` of `askCatch(...)` and `system.askCatch(...)`; undefined for other callees. */
export function calleeName(tsm: TypeScriptModule, callee: ts.Expression): string | undefined {
  if (tsm.isIdentifier(callee)) return callee.text;
  if (tsm.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The callee of a call or tagged template, as written. */
export function calleeExpressionOf(tsm: TypeScriptModule, call: ts.CallExpression | ts.TaggedTemplateExpression): ts.Expression {
  return tsm.isTaggedTemplateExpression(call) ? call.tag : call.expression;
}

const cachesByChecker = new WeakMap<ts.TypeChecker, WeakMap<ts.Node, ts.Symbol | undefined>>();
const namesByChecker = new WeakMap<ts.TypeChecker, WeakMap<ts.SourceFile, Map<string, ts.Symbol | undefined>>>();

/**
 * What a name in a value position refers to, aliases followed. A name that means one thing
 * everywhere in its file (see FileIndex.meansOneThing), like an imported `askLogCreate` called a
 * hundred times, is resolved once per file.
 */
function symbolOfName(tsm: TypeScriptModule, checker: ts.TypeChecker, name: ts.Identifier): ts.Symbol | undefined {
  const sourceFile = name.getSourceFile();
  if (!getFileIndex(tsm, sourceFile).meansOneThing(name.text)) return unaliased(tsm, checker, checker.getSymbolAtLocation(name));
  let files = namesByChecker.get(checker);
  if (!files) namesByChecker.set(checker, (files = new WeakMap()));
  let names = files.get(sourceFile);
  if (!names) files.set(sourceFile, (names = new Map()));
  if (names.has(name.text)) return names.get(name.text);
  const binding = importsOf(tsm, sourceFile).get(name.text);
  let symbol = binding ? importedSymbol(tsm, checker, binding) : NOT_READ;
  if (symbol === NOT_READ) symbol = unaliased(tsm, checker, checker.getSymbolAtLocation(name));
  names.set(name.text, symbol);
  return symbol;
}

/** A value name a file's import binds: `x` of `import { y as x } from 'm'` imports `y`; `*` is the namespace. */
interface ImportBinding {
  specifier: ts.StringLiteral;
  imported: string;
}

const importsByFile = new WeakMap<ts.SourceFile, Map<string, ImportBinding>>();

function importsOf(tsm: TypeScriptModule, sourceFile: ts.SourceFile): Map<string, ImportBinding> {
  let imports = importsByFile.get(sourceFile);
  if (imports) return imports;
  imports = new Map();
  for (const statement of sourceFile.statements) {
    if (!tsm.isImportDeclaration(statement) || !tsm.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    const specifier = statement.moduleSpecifier;
    if (clause.name) imports.set(clause.name.text, { specifier, imported: 'default' });
    const bindings = clause.namedBindings;
    if (bindings && tsm.isNamespaceImport(bindings)) imports.set(bindings.name.text, { specifier, imported: '*' });
    if (bindings && tsm.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        // An import named by a string (`import { 'a-b' as x }`) is left to the checker.
        if (!element.isTypeOnly && (!element.propertyName || tsm.isIdentifier(element.propertyName)))
          imports.set(element.name.text, { specifier, imported: (element.propertyName ?? element.name).text });
      }
    }
  }
  importsByFile.set(sourceFile, imports);
  return imports;
}

/** The checker's route is taken: the fast one cannot say for sure. */
const NOT_READ = Symbol('not read');

const moduleExportsByChecker = new WeakMap<ts.TypeChecker, Map<ts.Symbol, Map<string, ts.Symbol>>>();

/**
 * What an import names, read from the module's exports, which are listed once per program: an
 * imported name used in a thousand files is resolved once, not once per file. Modules with
 * `export =` (CommonJS), and names the list lacks, take the checker's route.
 */
function importedSymbol(tsm: TypeScriptModule, checker: ts.TypeChecker, binding: ImportBinding): ts.Symbol | undefined | typeof NOT_READ {
  const moduleSymbol = moduleSymbolOf(checker, binding.specifier);
  if (!moduleSymbol || !moduleSymbol.exports || moduleSymbol.exports.has(EXPORT_EQUALS)) return NOT_READ;
  if (binding.imported === '*') return moduleSymbol;
  let modules = moduleExportsByChecker.get(checker);
  if (!modules) moduleExportsByChecker.set(checker, (modules = new Map()));
  let exports = modules.get(moduleSymbol);
  if (!exports) {
    exports = new Map(checker.getExportsOfModule(moduleSymbol).map((symbol) => [symbol.name, symbol] as const));
    modules.set(moduleSymbol, exports);
  }
  const exported = exports.get(binding.imported);
  return exported ? unaliased(tsm, checker, exported) : NOT_READ;
}

const EXPORT_EQUALS = 'export=' as ts.__String;

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

function resolveCallee(tsm: TypeScriptModule, checker: ts.TypeChecker, callee: ts.Expression): ts.Symbol | undefined {
  if (tsm.isIdentifier(callee)) return symbolOfName(tsm, checker, callee);
  if (!tsm.isPropertyAccessExpression(callee) || !tsm.isIdentifier(callee.name)) return undefined;
  const receiver = declaredTypeOf(tsm, checker, callee.expression, 0);
  const member = receiver && checker.getPropertyOfType(checker.getApparentType(receiver), callee.name.text);
  return unaliased(tsm, checker, member ?? checker.getSymbolAtLocation(callee.name));
}

/** Receivers read by declaration: names, property chains and calls, `event.path.split('/')` at most a few deep. */
const MAX_DEPTH = 4;

/**
 * The type a receiver has by its declarations alone, when narrowing cannot make it another type
 * with other members: undefined for unions, `any`, `unknown`, type parameters, generic calls and
 * receivers that are not a name, a property chain or a call (`this`, element access).
 */
function declaredTypeOf(tsm: TypeScriptModule, checker: ts.TypeChecker, expression: ts.Expression, depth: number): ts.Type | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let type: ts.Type | undefined;
  if (tsm.isIdentifier(expression)) {
    const symbol = symbolOfName(tsm, checker, expression);
    type = symbol && checker.getTypeOfSymbol(symbol);
  } else if (tsm.isPropertyAccessExpression(expression) && !expression.questionDotToken && tsm.isIdentifier(expression.name)) {
    const owner = declaredTypeOf(tsm, checker, expression.expression, depth + 1);
    const member = owner && unaliased(tsm, checker, checker.getPropertyOfType(checker.getApparentType(owner), expression.name.text));
    type = member && checker.getTypeOfSymbol(member);
  } else if (tsm.isCallExpression(expression) && !expression.questionDotToken) {
    const callee =
      tsm.isPropertyAccessExpression(expression.expression) || tsm.isIdentifier(expression.expression) ? expression.expression : undefined;
    const fn = callee && calleeSymbolOf(tsm, checker, callee);
    type = fn && onlyReturnType(checker, checker.getTypeOfSymbol(fn));
  }
  const { TypeFlags } = tsm;
  if (!type || type.flags & (TypeFlags.Union | TypeFlags.Any | TypeFlags.Unknown | TypeFlags.Never | TypeFlags.Instantiable))
    return undefined;
  return type;
}

/** What every call of a non-generic function returns, when all its overloads agree (`split` -> `string[]`). */
function onlyReturnType(checker: ts.TypeChecker, fn: ts.Type): ts.Type | undefined {
  const signatures = fn.getCallSignatures();
  if (signatures.length === 0 || signatures.some((s) => s.typeParameters !== undefined)) return undefined;
  const returned = checker.getReturnTypeOfSignature(signatures[0]);
  return signatures.every((s) => checker.getReturnTypeOfSignature(s) === returned) ? returned : undefined;
}

function unaliased(tsm: TypeScriptModule, checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  return symbol && symbol.flags & tsm.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}
