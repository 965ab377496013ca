import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';
import { unaliased } from './imported-symbol';
import { ProgramFold } from './program-fold';
import { allOf, anyOf, type Verdict } from './verdicts';

/** Module names under which the framework publishes its `Action` type. */
const FRAMEWORK_MODULES = new Set(['quidproquo-core', '@quidproquo/core', 'quidproquo']);
/** Where `Action` is declared inside the framework's core package, when no file imports it by name. */
const ACTION_DECLARATION_FILE = /(?:^|\/)(?:quidproquo-core|@quidproquo\/core)\/(?:src|lib|dist)\/types\/Action\.(?:d\.)?[cm]?ts$/;

/**
 * Decides whether a type is one of the framework's actions. Nominal when the program holds the
 * framework's `Action` (from `quidproquo-core`, `@quidproquo/core`, the umbrella package or the
 * reference runtime mapped in their place): the type is `Action`, extends or intersects it, or is
 * a union of such types. Object literal types are actions by shape (an unannotated generator that
 * yields `{ type: '...' }` literals). When the framework's types are not in the program at all,
 * "has a string `type`" is the only test left.
 */
export class ActionTypeModel {
  private readonly memo = new Map<ts.Type, Verdict>();

  constructor(
    private readonly tsm: TypeScriptModule,
    private readonly checker: ts.TypeChecker,
    /** The framework's `Action` declarations; empty when the program has none. */
    readonly actionSymbols: ReadonlySet<ts.Symbol>,
  ) {}

  get nominal(): boolean {
    return this.actionSymbols.size > 0;
  }

  isAction(type: ts.Type): Verdict {
    let verdict = this.memo.get(type);
    if (verdict === undefined) {
      // A recursive type asks about itself while being judged: no verdict from that path.
      this.memo.set(type, 'unknown');
      verdict = this.judge(type);
      this.memo.set(type, verdict);
    }
    return verdict;
  }

  private judge(type: ts.Type): Verdict {
    const { TypeFlags } = this.tsm;
    if (type.flags & (TypeFlags.Any | TypeFlags.Unknown)) return 'unknown';
    if (type.flags & TypeFlags.Never) return 'yes';
    if (type.flags & TypeFlags.Instantiable) {
      // A type parameter (or an indexed access on one) is judged by its constraint.
      const constraint = this.checker.getBaseConstraintOfType(type);
      return constraint && constraint !== type ? this.isAction(constraint) : 'unknown';
    }
    if (type.isUnion()) {
      const parts = type.types.filter((t) => !(t.flags & (TypeFlags.Undefined | TypeFlags.Null | TypeFlags.Void)));
      return allOf(
        parts.map((t) => this.isAction(t)),
        'no',
      );
    }
    if (type.isIntersection()) return anyOf(type.types.map((t) => this.isAction(t)));
    if (!(type.flags & TypeFlags.Object)) return 'no';
    if (!this.nominal || this.isObjectLiteralType(type)) return this.hasStringType(type) ? 'yes' : 'no';
    if (this.isDeclaredAction(type)) return 'yes';
    return 'no';
  }

  /** `Action<P>` itself, or a class or interface that extends it, at any depth. */
  private isDeclaredAction(type: ts.Type): boolean {
    const { ObjectFlags } = this.tsm;
    const objectFlags = (type as ts.ObjectType).objectFlags;
    const target = objectFlags & ObjectFlags.Reference ? (type as ts.TypeReference).target : type;
    for (const symbol of [type.aliasSymbol, type.getSymbol(), target.getSymbol()]) {
      if (symbol && this.actionSymbols.has(symbol)) return true;
    }
    if ((target as ts.ObjectType).objectFlags & ObjectFlags.ClassOrInterface) {
      for (const base of this.checker.getBaseTypes(target as ts.InterfaceType)) {
        if (this.isAction(base) === 'yes') return true;
      }
    }
    return false;
  }

  private isObjectLiteralType(type: ts.Type): boolean {
    const { ObjectFlags } = this.tsm;
    return ((type as ts.ObjectType).objectFlags & ObjectFlags.ObjectLiteral) !== 0;
  }

  private hasStringType(type: ts.Type): boolean {
    const property = type.getProperty('type');
    if (!property) return false;
    const { TypeFlags } = this.tsm;
    const value = this.checker.getTypeOfSymbol(property);
    const parts = value.isUnion() ? value.types : [value];
    return parts.every((t) => (t.flags & (TypeFlags.StringLike | TypeFlags.Any)) !== 0);
  }
}

const modelByChecker = new WeakMap<ts.TypeChecker, ActionTypeModel>();

/** One model per checker (one program version): the framework's declarations are looked up once. */
export function getActionTypeModel(tsm: TypeScriptModule, checker: ts.TypeChecker, program: ts.Program | undefined): ActionTypeModel {
  let model = modelByChecker.get(checker);
  if (!model) {
    model = new ActionTypeModel(tsm, checker, program ? frameworkActionSymbols(tsm, checker, program) : new Set());
    modelByChecker.set(checker, model);
  }
  return model;
}

/**
 * The framework's `Action` declarations, found through the first import or re-export of each
 * framework module name in the program (so a path mapping to the reference runtime counts), or
 * in the core package's own `types/Action` file when nothing imports it by name. Which files
 * those are is known before the checker is asked (`contributingFiles`): an editor makes a program
 * per keystroke, and an edit seldom changes them. Where a first import does not resolve, every
 * file is read, the next import of that name taking its place.
 */
function frameworkActionSymbols(tsm: TypeScriptModule, checker: ts.TypeChecker, program: ts.Program): Set<ts.Symbol> {
  const files = program.getSourceFiles();
  const indexes = contributingFiles.of(tsm, program);
  // Following the imports resolves the exports of the framework's index modules, thousands of
  // names behind `export *`, again for every checker: an editor's after each keystroke. The last
  // answer holds while the same files contribute, no file that changed can re-route an export or
  // declare an `Action`, and the new checker sees the same symbols.
  const routing = exportRouting.of(tsm, program);
  const last = lastActionSymbols.get(tsm);
  if (last && last.routing === routing && last.indexes === indexes && isStillSeen(tsm, checker, program, last.symbols)) return last.symbols;
  const contributing = indexes.map((i) => files[i]);
  const symbols = actionSymbolsIn(tsm, checker, contributing, false) ?? actionSymbolsIn(tsm, checker, files, true)!;
  lastActionSymbols.set(tsm, { routing, indexes, symbols });
  return symbols;
}

/**
 * What in a file could change what a framework module's `Action` export resolves to: the text of
 * its re-exports (`export … from`, `export { x }`, `export =`, `export import`), module and global
 * augmentations and top-level declarations named `Action`, with its imports (a local re-export
 * passes one on); empty for a file with none of these, as most are. An edit elsewhere in the file
 * leaves it as it was.
 */
function exportRoutingOf(tsm: TypeScriptModule, file: ts.SourceFile): string {
  let routing = routingByFile.get(file);
  if (routing === undefined) {
    const routes = (s: ts.Statement) =>
      tsm.isExportDeclaration(s) ||
      tsm.isExportAssignment(s) ||
      tsm.isImportEqualsDeclaration(s) ||
      tsm.isModuleDeclaration(s) ||
      ((tsm.isInterfaceDeclaration(s) || tsm.isTypeAliasDeclaration(s) || tsm.isClassDeclaration(s)) && s.name?.text === 'Action');
    routing = file.statements.some(routes)
      ? file.statements
          .filter((s) => routes(s) || tsm.isImportDeclaration(s))
          .map((s) => file.text.slice(s.getStart(file), s.end))
          .join('\n')
      : '';
    routingByFile.set(file, routing);
  }
  return routing;
}

const routingByFile = new WeakMap<ts.SourceFile, string>();

/** A token that stays the same object while no file changes what `exportRoutingOf` reads (see ProgramFold). */
const exportRouting = new ProgramFold<string, object>(
  exportRoutingOf,
  (before, after) => before === after,
  () => ({}),
);

// The last answer per TypeScript module, as the folds keep their last program: programs follow
// one another in an editor, and a program of another project makes new tokens anyway.
const lastActionSymbols = new WeakMap<TypeScriptModule, { routing: object; indexes: readonly number[]; symbols: Set<ts.Symbol> }>();

/**
 * Whether the new checker knows each declaration by the same symbol: its file is the same in the
 * program, and no augmentation merged it into a new symbol.
 */
function isStillSeen(tsm: TypeScriptModule, checker: ts.TypeChecker, program: ts.Program, symbols: ReadonlySet<ts.Symbol>): boolean {
  for (const symbol of symbols) {
    const declaration = symbol.declarations?.[0] as ts.NamedDeclaration | undefined;
    const name = declaration?.name;
    if (!declaration || !name || !tsm.isIdentifier(name)) return false;
    const file = declaration.getSourceFile();
    if (program.getSourceFile(file.fileName) !== file || checker.getSymbolAtLocation(name) !== symbol) return false;
  }
  return true;
}

/**
 * What `frameworkActionSymbols` reads from `files`. Undefined, unless `everyFile`, when an import
 * of a framework name does not resolve: the files after it must be read too.
 */
function actionSymbolsIn(
  tsm: TypeScriptModule,
  checker: ts.TypeChecker,
  files: readonly ts.SourceFile[],
  everyFile: boolean,
): Set<ts.Symbol> | undefined {
  const found = new Set<ts.Symbol>();
  let resolvedNames = 0;
  let unresolved = false;
  const add = (symbol: ts.Symbol | undefined) => {
    const target = unaliased(tsm, checker, symbol);
    if (target) found.add(target);
  };
  for (const file of files) {
    const mentions = frameworkMentionsOf(tsm, file);
    if (mentions.declaresAction) {
      const moduleSymbol = checker.getSymbolAtLocation(file);
      add(moduleSymbol && checker.tryGetMemberInModuleExports('Action', moduleSymbol));
    }
    if ((mentions.names & ~resolvedNames) === 0) continue;
    for (const specifier of mentions.specifiers) {
      const name = nameBit(specifier.text);
      if (resolvedNames & name) continue;
      const moduleSymbol = checker.getSymbolAtLocation(specifier);
      if (!moduleSymbol) {
        unresolved = true;
        continue;
      }
      resolvedNames |= name;
      add(checker.tryGetMemberInModuleExports('Action', moduleSymbol));
    }
  }
  return unresolved && !everyFile ? undefined : found;
}

interface FrameworkMentions {
  /** The file is the core package's `types/Action`. */
  declaresAction: boolean;
  /** The framework module names the file imports or re-exports, one bit each (`nameBit`). */
  names: number;
  /** Those imports and re-exports, in statement order. */
  specifiers: readonly ts.StringLiteral[];
}

const FRAMEWORK_MODULE_LIST = [...FRAMEWORK_MODULES];

function nameBit(moduleName: string): number {
  return 1 << FRAMEWORK_MODULE_LIST.indexOf(moduleName);
}

const NO_MENTIONS: FrameworkMentions = { declaresAction: false, names: 0, specifiers: [] };
const mentionsByFile = new WeakMap<ts.SourceFile, FrameworkMentions>();

function frameworkMentionsOf(tsm: TypeScriptModule, file: ts.SourceFile): FrameworkMentions {
  let mentions = mentionsByFile.get(file);
  if (!mentions) {
    const specifiers: ts.StringLiteral[] = [];
    let names = 0;
    for (const statement of file.statements) {
      const specifier = tsm.isImportDeclaration(statement) || tsm.isExportDeclaration(statement) ? statement.moduleSpecifier : undefined;
      if (!specifier || !tsm.isStringLiteral(specifier) || !FRAMEWORK_MODULES.has(specifier.text)) continue;
      specifiers.push(specifier);
      names |= nameBit(specifier.text);
    }
    const declaresAction = ACTION_DECLARATION_FILE.test(file.fileName);
    mentions = declaresAction || names !== 0 ? { declaresAction, names, specifiers } : NO_MENTIONS;
    mentionsByFile.set(file, mentions);
  }
  return mentions;
}

/**
 * The indexes of the program's files that `frameworkActionSymbols` reads when every import
 * resolves: the core package's `types/Action`, and the first file to import each framework name.
 */
const contributingFiles = new ProgramFold<FrameworkMentions, number[]>(
  frameworkMentionsOf,
  (a, b) => a.declaresAction === b.declaresAction && a.names === b.names,
  (tsm, files) => {
    const indexes: number[] = [];
    let names = 0;
    files.forEach((file, i) => {
      const mentions = frameworkMentionsOf(tsm, file);
      if (mentions.declaresAction || (mentions.names & ~names) !== 0) indexes.push(i);
      names |= mentions.names;
    });
    return indexes;
  },
);
