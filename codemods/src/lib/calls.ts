import type { ts } from 'ts-morph';

import type { SourceContext } from '../transform';
import { callsNamed, localNamesFor } from './expressions';

export interface FrameworkCall {
  call: ts.CallExpression;
  /** The framework export called (`defineQueue`), whatever it is called locally. */
  name: string;
}

/**
 * Calls of the given framework exports in a file, matched by what the callee resolves to:
 * `import { defineQueue as dq } from 'quidproquo-core'; dq(...)` is one, a local function named
 * `defineQueue` is not. In source order.
 */
export function findFrameworkCalls(context: SourceContext, names: readonly string[], packages: ReadonlySet<string>): FrameworkCall[] {
  const wanted = new Set(names);
  const spellings = new Set(names);
  for (const [alias, original] of context.reexported) if (wanted.has(original)) spellings.add(alias);
  const local = localNamesFor(context.sourceFile, spellings);
  const found: FrameworkCall[] = [];
  for (const call of callsNamed(context.sourceFile, local)) {
    const ref = context.resolver.resolve(call.expression);
    if (ref && packages.has(ref.pkg) && wanted.has(ref.name)) found.push({ call, name: ref.name });
  }
  return found;
}
