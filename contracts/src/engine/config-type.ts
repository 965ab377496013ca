import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';
import { allOf, anyOf, type Verdict } from './verdicts';

/** The framework's prefix for functions that return config settings: `defineRoute`, `defineQueue`. */
export const DEFINE_NAME = /^define[A-Z0-9_]/;

/**
 * Decides whether a type is service config: a setting (the framework's `QPQConfigSetting` or any
 * type with its two identifying keys, `configSettingType` and `uniqueKey`), or an array of config
 * items at any depth (`QPQConfigItem[]`, `QPQConfig`), which the framework flattens. By shape, so
 * the real packages, the reference runtime and a project's own setting types are judged alike.
 */
export class ConfigTypeModel {
  private readonly memo = new Map<ts.Type, Verdict>();
  private readonly inProgress = new Set<ts.Type>();

  constructor(
    private readonly tsm: TypeScriptModule,
    private readonly checker: ts.TypeChecker,
  ) {}

  isConfig(type: ts.Type): Verdict {
    const known = this.memo.get(type);
    if (known !== undefined) return known;
    // `QPQConfigItem` contains itself: while it is judged, its own leaves decide, so a reference
    // back to it is taken as config. Only whole answers are kept, not those that assumed it.
    if (this.inProgress.has(type)) return 'yes';
    this.inProgress.add(type);
    const verdict = this.judge(type);
    this.inProgress.delete(type);
    if (this.inProgress.size === 0) this.memo.set(type, verdict);
    return verdict;
  }

  private judge(type: ts.Type): Verdict {
    const { TypeFlags } = this.tsm;
    const checker = this.checker;
    if (type.flags & (TypeFlags.Any | TypeFlags.Unknown)) return 'unknown';
    if (type.flags & TypeFlags.Never) return 'yes';
    if (type.flags & TypeFlags.Instantiable) {
      const constraint = checker.getBaseConstraintOfType(type);
      return constraint && constraint !== type ? this.isConfig(constraint) : 'unknown';
    }
    if (type.isUnion())
      return allOf(
        type.types.map((t) => this.isConfig(t)),
        'yes',
      );
    if (type.isIntersection()) return anyOf(type.types.map((t) => this.isConfig(t)));
    if (!(type.flags & TypeFlags.Object)) return 'no';
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const elements = checker.isTupleType(type)
        ? checker.getTypeArguments(type as ts.TypeReference)
        : [checker.getIndexTypeOfType(type, this.tsm.IndexKind.Number)!];
      return allOf(
        elements.map((t) => this.isConfig(t)),
        'yes',
      );
    }
    if (type.getProperty('configSettingType') && type.getProperty('uniqueKey')) return 'yes';
    return this.extendsUnresolved(type) ? 'unknown' : 'no';
  }

  /**
   * An interface or class that extends a type the program cannot resolve (the framework's
   * package is not installed or not mapped) lacks the keys it inherits: no verdict. The checker
   * drops such a base from the base types, so the declarations' heritage clauses are read.
   */
  private extendsUnresolved(type: ts.Type, depth = 0): boolean {
    const tsm = this.tsm;
    const objectFlags = (type as ts.ObjectType).objectFlags;
    const target = objectFlags & tsm.ObjectFlags.Reference ? (type as ts.TypeReference).target : type;
    if (depth > 8 || !((target as ts.ObjectType).objectFlags & tsm.ObjectFlags.ClassOrInterface)) return false;
    for (const declaration of target.getSymbol()?.declarations ?? []) {
      if (!tsm.isInterfaceDeclaration(declaration) && !tsm.isClassLike(declaration)) continue;
      for (const clause of declaration.heritageClauses ?? []) {
        if (clause.token !== tsm.SyntaxKind.ExtendsKeyword) continue;
        for (const base of clause.types) {
          const baseType = this.checker.getTypeAtLocation(base);
          if (baseType.flags & tsm.TypeFlags.Any || this.extendsUnresolved(baseType, depth + 1)) return true;
        }
      }
    }
    return false;
  }
}

const modelByChecker = new WeakMap<ts.TypeChecker, ConfigTypeModel>();

/** One model per checker (one program version), shared by every file and contract. */
export function getConfigTypeModel(tsm: TypeScriptModule, checker: ts.TypeChecker): ConfigTypeModel {
  let model = modelByChecker.get(checker);
  if (!model) modelByChecker.set(checker, (model = new ConfigTypeModel(tsm, checker)));
  return model;
}
