import type * as ts from 'typescript';
import type { TypeScriptModule } from '../types';
import { directoryOf, joinPath } from './runtime-reference';

/** Every story a config names, and those of them that answer routes. */
export interface RuntimeReferences {
  routes: Set<string>;
  all: Set<string>;
}

const referencesByProgram = new WeakMap<ts.Program, RuntimeReferences>();

/** Module path without extension plus export name: the key a runtime reference names. */
export function routeKey(modulePath: string, exportName: string): string {
  return `${modulePath.replace(/\.(d\.)?[mc]?[jt]sx?$/, '').replace(/\/index$/, '')}::${exportName}`;
}

/**
 * The stories the program's config names with runtime strings (`'/module::export'` given to a
 * `define*` setting: routes, queues, schedules, deploy events), as `routeKey`s. Runtime strings
 * resolve against the config root: the directory of the config file when
 * `defineApplicationModule` is given `__dirname`, as it conventionally is. Computed once per
 * program; only files that mention `define` are read.
 */
export function runtimeReferences(tsm: TypeScriptModule, program: ts.Program): RuntimeReferences {
  let references = referencesByProgram.get(program);
  if (references) return references;
  const found: RuntimeReferences = { routes: new Set(), all: new Set() };
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || !file.text.includes('define')) continue;
    const root = directoryOf(file.fileName);
    const visit = (node: ts.Node): void => {
      if (tsm.isCallExpression(node) && /^define[A-Z]/.test(calleeName(tsm, node) ?? '')) {
        const isRoute = calleeName(tsm, node) === 'defineRoute';
        for (const runtime of runtimeStrings(tsm, node.arguments)) {
          const [modulePath, exportName] = runtime.split('::');
          const key = routeKey(joinPath(root, modulePath), exportName);
          found.all.add(key);
          if (isRoute) found.routes.add(key);
        }
      }
      tsm.forEachChild(node, visit);
    };
    visit(file);
  }
  referencesByProgram.set(program, found);
  return found;
}

/** Stories bound by `defineRoute`. */
export function routeBindings(tsm: TypeScriptModule, program: ts.Program): Set<string> {
  return runtimeReferences(tsm, program).routes;
}

/** `'/x::y'` strings among the arguments, also as values of an object argument (queue processors). */
function runtimeStrings(tsm: TypeScriptModule, args: readonly ts.Expression[]): string[] {
  const strings: string[] = [];
  for (const arg of args) {
    if (tsm.isStringLiteralLike(arg) && arg.text.includes('::')) strings.push(arg.text);
    if (tsm.isObjectLiteralExpression(arg)) {
      for (const p of arg.properties) if (tsm.isPropertyAssignment(p) && tsm.isStringLiteralLike(p.initializer) && p.initializer.text.includes('::')) strings.push(p.initializer.text);
    }
  }
  return strings;
}

function calleeName(tsm: TypeScriptModule, call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  return tsm.isIdentifier(callee) ? callee.text : tsm.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}
