import type * as ts from 'typescript';
import type { TypeScriptModule } from '../types';

const bindingsByProgram = new WeakMap<ts.Program, Set<string>>();

/** Module path without extension plus export name: the key a runtime reference names. */
export function routeKey(modulePath: string, exportName: string): string {
  return `${modulePath.replace(/\.(d\.)?[mc]?[jt]sx?$/, '').replace(/\/index$/, '')}::${exportName}`;
}

/**
 * Every story bound by `defineRoute(method, path, '/module::export')` in the program, as
 * `routeKey`s. Runtime strings resolve against the config root: the directory of the config file
 * when `defineApplicationModule` is given `__dirname`, as it conventionally is. Computed once per
 * program; only files that mention `defineRoute` are read.
 */
export function routeBindings(tsm: TypeScriptModule, program: ts.Program): Set<string> {
  let bindings = bindingsByProgram.get(program);
  if (bindings) return bindings;
  bindings = new Set();
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || !file.text.includes('defineRoute')) continue;
    const root = file.fileName.slice(0, file.fileName.lastIndexOf('/'));
    const visit = (node: ts.Node): void => {
      if (tsm.isCallExpression(node) && calleeName(tsm, node) === 'defineRoute') {
        const runtime = node.arguments[2];
        if (runtime && tsm.isStringLiteralLike(runtime) && runtime.text.includes('::')) {
          const [modulePath, exportName] = runtime.text.split('::');
          bindings!.add(routeKey(joinPath(root, modulePath), exportName));
        }
      }
      tsm.forEachChild(node, visit);
    };
    visit(file);
  }
  bindingsByProgram.set(program, bindings);
  return bindings;
}

function calleeName(tsm: TypeScriptModule, call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  return tsm.isIdentifier(callee) ? callee.text : tsm.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

function joinPath(root: string, relative: string): string {
  const parts = root.split('/');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
