import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';

/** `R` of a `Generator<Y, R, N>` or `AsyncGenerator<Y, R, N>` (what delegating to it evaluates to); undefined for another type. */
export function generatorResultType(tsm: TypeScriptModule, checker: ts.TypeChecker, type: ts.Type): ts.Type | undefined {
  const name = type.getSymbol()?.getName();
  if ((name === 'Generator' || name === 'AsyncGenerator') && (type as ts.ObjectType).objectFlags & tsm.ObjectFlags.Reference) {
    return checker.getTypeArguments(type as ts.TypeReference)[1];
  }
  return undefined;
}
