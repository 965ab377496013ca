import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';

/** Sets flags on kinds: `mark(kinds, flag)` ORs `flag` into each of `kinds` (numbers of the host's `SK`). */
export type KindMarks = (mark: (kinds: readonly ts.SyntaxKind[], flag: number) => void, SK: typeof ts.SyntaxKind) => void;

/**
 * A table of flag bytes by node kind, made from `marks` once per TypeScript module: `SyntaxKind`
 * numbers differ between TypeScript versions, so the host's module numbers the table. Hot paths
 * read a byte instead of set lookups or a chain of `tsm.isX` calls (each a read of the module's
 * members, which are getters, and a call).
 */
export function kindFlagTable(marks: KindMarks): (tsm: TypeScriptModule) => Uint8Array {
  const byModule = new WeakMap<TypeScriptModule, Uint8Array>();
  return (tsm) => {
    let flags = byModule.get(tsm);
    if (!flags) {
      const SK = tsm.SyntaxKind;
      const table = new Uint8Array(SK.Count);
      marks((kinds, flag) => kinds.forEach((kind) => (table[kind] |= flag)), SK);
      flags = table;
      byModule.set(tsm, flags);
    }
    return flags;
  };
}
