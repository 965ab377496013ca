import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';
import { ProgramFold } from './program-fold';
import { mayNameModuleExport, runtimeReferencesIn } from './runtime-reference';

/** Every story a config names, and those of them that answer routes. */
export interface RuntimeReferences {
  routes: Set<string>;
  all: Set<string>;
}

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
 * program, from what each file names (read once per file); a program whose changed files name
 * what they named before (an edit to a story) takes the last program's answer.
 */
export function runtimeReferences(tsm: TypeScriptModule, program: ts.Program): RuntimeReferences {
  return referencesFold.of(tsm, program);
}

interface FileKeys {
  routes: readonly string[];
  all: readonly string[];
}

const NO_KEYS: FileKeys = { routes: [], all: [] };
// Per file as well: an editor makes a new program on every edit, and reuses the SourceFile of
// every file the edit did not touch, so only the edited file is read again.
const keysByFile = new WeakMap<ts.SourceFile, FileKeys>();

function keysOfFile(tsm: TypeScriptModule, file: ts.SourceFile): FileKeys {
  if (file.isDeclarationFile || !mayNameModuleExport(file)) return NO_KEYS;
  let keys = keysByFile.get(file);
  if (!keys) {
    const routes: string[] = [];
    const all: string[] = [];
    for (const reference of runtimeReferencesIn(tsm, file)) {
      if (reference.modulePath === undefined || reference.exportName === undefined) continue;
      const key = routeKey(reference.modulePath, reference.exportName);
      all.push(key);
      if (reference.setting === 'defineRoute') routes.push(key);
    }
    keys = all.length === 0 ? NO_KEYS : { routes, all };
    keysByFile.set(file, keys);
  }
  return keys;
}

function sameKeys(a: FileKeys, b: FileKeys): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((key, i) => key === y[i]);
  return a === b || (same(a.routes, b.routes) && same(a.all, b.all));
}

const referencesFold = new ProgramFold<FileKeys, RuntimeReferences>(keysOfFile, sameKeys, mergedKeys);

function mergedKeys(tsm: TypeScriptModule, files: readonly ts.SourceFile[]): RuntimeReferences {
  const found: RuntimeReferences = { routes: new Set(), all: new Set() };
  for (const file of files) {
    const keys = keysOfFile(tsm, file);
    if (keys === NO_KEYS) continue;
    for (const key of keys.all) found.all.add(key);
    for (const key of keys.routes) found.routes.add(key);
  }
  return found;
}

/** Stories bound by `defineRoute`. */
export function routeBindings(tsm: TypeScriptModule, program: ts.Program): Set<string> {
  return runtimeReferences(tsm, program).routes;
}
