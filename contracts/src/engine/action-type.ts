import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';
import { unaliased } from './imported-symbol';
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
 * in the core package's own `types/Action` file when nothing imports it by name.
 */
function frameworkActionSymbols(tsm: TypeScriptModule, checker: ts.TypeChecker, program: ts.Program): Set<ts.Symbol> {
  const found = new Set<ts.Symbol>();
  const seenModules = new Set<string>();
  const add = (symbol: ts.Symbol | undefined) => {
    const target = unaliased(tsm, checker, symbol);
    if (target) found.add(target);
  };
  for (const file of program.getSourceFiles()) {
    if (ACTION_DECLARATION_FILE.test(file.fileName)) {
      const moduleSymbol = checker.getSymbolAtLocation(file);
      add(moduleSymbol && checker.tryGetMemberInModuleExports('Action', moduleSymbol));
    }
    for (const statement of file.statements) {
      const specifier = tsm.isImportDeclaration(statement) || tsm.isExportDeclaration(statement) ? statement.moduleSpecifier : undefined;
      if (!specifier || !tsm.isStringLiteral(specifier) || !FRAMEWORK_MODULES.has(specifier.text) || seenModules.has(specifier.text))
        continue;
      const moduleSymbol = checker.getSymbolAtLocation(specifier);
      if (!moduleSymbol) continue;
      seenModules.add(specifier.text);
      add(checker.tryGetMemberInModuleExports('Action', moduleSymbol));
    }
  }
  return found;
}
