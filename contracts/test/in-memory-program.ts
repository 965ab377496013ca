import * as path from 'node:path';
import * as ts from 'typescript';

const RUNTIME = path.join(__dirname, '..', '..', 'runtime', 'src');

/**
 * A program of in-memory files (`/p/...`), with the reference runtime as `quidproquo-core` when
 * `framework`. With `oldProgram`, as an editor makes the next program version: every file whose
 * text did not change keeps its SourceFile.
 */
export function programOf(files: Record<string, string>, framework = true, oldProgram?: ts.Program) {
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    skipLibCheck: true,
    types: [],
    baseUrl: '/p',
    paths: framework ? { 'quidproquo-core': [path.join(RUNTIME, 'core', 'index.ts')] } : {},
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => files[name] ?? read(name);
  host.fileExists = (name) => name in files || exists(name);
  const directoryExists = host.directoryExists?.bind(host);
  const inMemory = (name: string) => Object.keys(files).some((file) => file.startsWith(`${name}/`));
  host.directoryExists = (name) => inMemory(name) || (directoryExists?.(name) ?? false);
  host.getSourceFile = (name, version) => {
    const old = oldProgram?.getSourceFile(name);
    if (!(name in files)) return old ?? getSourceFile(name, version);
    return old && old.text === files[name] ? old : ts.createSourceFile(name, files[name], version, true);
  };
  return ts.createProgram(Object.keys(files), options, host, oldProgram);
}

/**
 * The checker with one of its methods watched: each call's first argument is handed to `seen`
 * before the checker answers. Every other method passes through.
 */
export function watchedChecker(checker: ts.TypeChecker, method: keyof ts.TypeChecker, seen: (argument: ts.Node) => void): ts.TypeChecker {
  return new Proxy(checker, {
    get(target, key: keyof ts.TypeChecker) {
      const value = target[key];
      if (typeof value !== 'function') return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      return key === method
        ? (...args: unknown[]) => {
            seen(args[0] as ts.Node);
            return bound(...args);
          }
        : bound;
    },
  });
}
