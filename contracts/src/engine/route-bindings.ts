import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';
import { runtimeReferencesIn } from './runtime-reference';

/** Every story a config names, and those of them that answer routes. */
export interface RuntimeReferences {
  routes: Set<string>;
  all: Set<string>;
}

const referencesByProgram = new WeakMap<ts.Program, RuntimeReferences>();

/** Module path without extension plus export name: the key a runtime reference names. */
export function routeKey(modulePath: string, exportName: string): string {
  let module = modulePaths.get(modulePath);
  if (module === undefined) {
    module = modulePath.replace(/\.(d\.)?[mc]?[jt]sx?$/, '').replace(/\/index$/, '');
    // Asked for every exported function of every file: the paths of one project, kept.
    if (modulePaths.size > 100_000) modulePaths.clear();
    modulePaths.set(modulePath, module);
  }
  return `${module}::${exportName}`;
}

const modulePaths = new Map<string, string>();

/**
 * The stories the program's config names with runtime references (routes, queues, schedules,
 * deploy events, any other `define*` setting), as `routeKey`s, read with the one runtime reference
 * model (`runtimeReferencesIn`) so every rule agrees on what a config names. Computed once per
 * program; only files that mention `define` are read.
 */
export function runtimeReferences(tsm: TypeScriptModule, program: ts.Program): RuntimeReferences {
  const cached = referencesByProgram.get(program);
  if (cached) return cached;
  const found: RuntimeReferences = { routes: new Set(), all: new Set() };
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile) continue;
    const keys = referenceKeysOf(tsm, file);
    for (const key of keys.all) found.all.add(key);
    for (const key of keys.routes) found.routes.add(key);
  }
  referencesByProgram.set(program, found);
  return found;
}

// Per file as well: an editor makes a new program on every edit, and reuses the SourceFile of
// every file the edit did not touch, so only the edited file is read again.
const keysByFile = new WeakMap<ts.SourceFile, { routes: string[]; all: string[] }>();

function referenceKeysOf(tsm: TypeScriptModule, file: ts.SourceFile): { routes: string[]; all: string[] } {
  let keys = keysByFile.get(file);
  if (!keys) {
    keys = { routes: [], all: [] };
    for (const reference of runtimeReferencesIn(tsm, file)) {
      if (reference.modulePath === undefined || reference.exportName === undefined) continue;
      const key = routeKey(reference.modulePath, reference.exportName);
      keys.all.push(key);
      if (reference.setting === 'defineRoute') keys.routes.push(key);
    }
    keysByFile.set(file, keys);
  }
  return keys;
}

/** Stories bound by `defineRoute`. */
export function routeBindings(tsm: TypeScriptModule, program: ts.Program): Set<string> {
  return runtimeReferences(tsm, program).routes;
}
