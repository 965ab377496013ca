import * as path from 'node:path';
import { ts } from 'ts-morph';
import { RUNTIME_ENTRY_POINTS } from './packages';
import { readTsconfig } from './project';
import type { RuntimeSource } from './runtime-source';

export interface TypeError {
  file: string;
  line: number;
  column: number;
  code: number;
  message: string;
}

export interface TypeCheckResult {
  /** Errors in the checked files that were not there before the change. */
  newErrors: TypeError[];
  /** What the framework imports were checked against. */
  against: string;
  checked: number;
}

export interface TypeCheckInput {
  root: string;
  tsconfigPath: string | undefined;
  /** Text of each changed file before and after (null: the file did not exist / was removed). */
  before: ReadonlyMap<string, string | null>;
  after: ReadonlyMap<string, string | null>;
  runtime: RuntimeSource | undefined;
}

const CHECKED = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;

/**
 * The default library files of the TypeScript version the codemod runs (ts-morph keeps them in
 * memory), served from a folder that exists only for the compiler host.
 */
const LIB_DIR = path.join(__dirname, '__typescript_lib__');
let libFiles: Map<string, string> | undefined;
function libFile(file: string): string | undefined {
  if (path.dirname(path.resolve(file)) !== LIB_DIR) return undefined;
  if (!libFiles) {
    const common = require(require.resolve('@ts-morph/common', { paths: [path.dirname(require.resolve('ts-morph'))] })) as {
      getLibFiles(): Array<{ fileName: string; text: string }>;
    };
    libFiles = new Map(common.getLibFiles().map((f) => [f.fileName, f.text]));
  }
  return libFiles.get(path.basename(file));
}

/**
 * Type-checks the changed files as they were and as they are, against the project's own
 * framework types when its imports resolve, and against the reference runtime (through `paths`)
 * when they do not; reports the errors the change brought in.
 */
export function typeCheckChanges(input: TypeCheckInput): TypeCheckResult {
  const files = [...input.after.keys()].filter((f) => CHECKED.test(f));
  const shared = new Map<string, ts.SourceFile>();
  const changed = new Set(files.map((f) => path.resolve(f)));
  const before = createProgram(input, input.before, files, shared, changed);
  const after = createProgram(input, input.after, files, shared, changed);
  const newErrors: TypeError[] = [];
  for (const file of files) {
    const afterFile = after.program.getSourceFile(file);
    if (!afterFile) continue;
    const seen = new Map<string, number>();
    const beforeFile = before.program.getSourceFile(file);
    if (beforeFile) for (const d of errorsOf(before.program, beforeFile)) seen.set(key(d), (seen.get(key(d)) ?? 0) + 1);
    for (const d of errorsOf(after.program, afterFile)) {
      const count = seen.get(key(d)) ?? 0;
      if (count > 0) {
        seen.set(key(d), count - 1);
        continue;
      }
      const { line, character } = afterFile.getLineAndCharacterOfPosition(d.start ?? 0);
      newErrors.push({ file, line: line + 1, column: character + 1, code: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, ' ') });
    }
  }
  return { newErrors, against: after.against, checked: files.length };
}

function errorsOf(program: ts.Program, sourceFile: ts.SourceFile): readonly ts.Diagnostic[] {
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].filter((d) => d.category === ts.DiagnosticCategory.Error);
}

/** A diagnostic's identity for before/after matching; a package renamed to its scoped name counts as the same. */
function key(d: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, ' ').replace(/@quidproquo\/([a-z0-9][a-z0-9._-]*)/g, (_, name: string) => (name === 'quidproquo' ? 'quidproquo' : `quidproquo-${name}`));
  return `${d.code} ${message}`;
}

function createProgram(
  input: TypeCheckInput,
  overlay: ReadonlyMap<string, string | null>,
  extraRoots: readonly string[],
  shared: Map<string, ts.SourceFile>,
  changed: ReadonlySet<string>,
): { program: ts.Program; against: string } {
  const resolvedOverlay = new Map([...overlay].map(([f, t]) => [path.resolve(f), t] as const));
  const readFile = (file: string): string | undefined => {
    const resolved = path.resolve(file);
    if (resolvedOverlay.has(resolved)) return resolvedOverlay.get(resolved) ?? undefined;
    return libFile(resolved) ?? ts.sys.readFile(file);
  };
  const fileExists = (file: string): boolean => {
    const resolved = path.resolve(file);
    if (resolvedOverlay.has(resolved)) return resolvedOverlay.get(resolved) !== null;
    return libFile(resolved) !== undefined || ts.sys.fileExists(file);
  };

  let options: ts.CompilerOptions = { allowJs: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true };
  let rootNames: string[] = [];
  if (input.tsconfigPath && fileExists(input.tsconfigPath)) {
    const parsed = readTsconfig(input.tsconfigPath, readFile);
    options = parsed.options;
    rootNames = parsed.fileNames;
  }
  options = { ...options, noEmit: true, incremental: false, composite: false, declaration: false, skipLibCheck: true };
  const roots = [...new Set([...rootNames, ...extraRoots].map((f) => path.resolve(f)))].filter(fileExists);

  const host = ts.createCompilerHost(options, true);
  host.readFile = readFile;
  host.fileExists = fileExists;
  host.getDefaultLibLocation = () => LIB_DIR;
  host.getDefaultLibFileName = (o) => path.join(LIB_DIR, ts.getDefaultLibFileName(o));
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (dir) => path.resolve(dir) === LIB_DIR || (directoryExists ? directoryExists(dir) : ts.sys.directoryExists(dir));
  host.getSourceFile = (fileName, languageVersion) => {
    const resolved = path.resolve(fileName);
    const cacheable = !changed.has(resolved);
    if (cacheable && shared.has(resolved)) return shared.get(resolved);
    const text = readFile(fileName);
    if (text === undefined) return undefined;
    const sourceFile = ts.createSourceFile(fileName, text, languageVersion, true);
    if (cacheable) shared.set(resolved, sourceFile);
    return sourceFile;
  };
  const against = mapMissingFrameworkToRuntime(options, host, input.root, input.runtime);
  return { program: ts.createProgram({ rootNames: roots, options, host }), against };
}

/** Adds `paths` to the reference runtime for each framework package name the project cannot resolve. */
function mapMissingFrameworkToRuntime(options: ts.CompilerOptions, host: ts.CompilerHost, root: string, runtime: RuntimeSource | undefined): string {
  const probe = path.join(root, '__qpq_codemod_probe__.ts');
  let own = 0;
  let mapped = 0;
  const paths: ts.MapLike<string[]> = { ...(options.paths ?? {}) };
  for (const { names, entry } of RUNTIME_ENTRY_POINTS) {
    for (const name of names) {
      if (ts.resolveModuleName(name, probe, options, host).resolvedModule) {
        own++;
        continue;
      }
      if (!runtime) continue;
      paths[name] = [path.join(runtime.dir, entry)];
      mapped++;
    }
  }
  if (mapped > 0) {
    options.paths = paths;
    const withBase = options as ts.CompilerOptions & { pathsBasePath?: string };
    if (!options.baseUrl && !withBase.pathsBasePath) withBase.pathsBasePath = root;
  }
  const runtimeName = runtime ? `the reference runtime (${runtime.packageName} ${runtime.version})` : 'nothing (the reference runtime was not found)';
  if (mapped === 0 && own > 0) return "the project's own framework types";
  if (own === 0) return runtimeName;
  return `the project's own framework types and ${runtimeName} for the rest`;
}
