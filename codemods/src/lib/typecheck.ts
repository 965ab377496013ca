import * as path from 'node:path';
import { ts } from 'ts-morph';

import { resolveInstalled } from './installed';
import { RUNTIME_ENTRY_POINTS } from './packages';
import { messageOf, readTsconfig } from './project';
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
    // ts-morph's own copy of the library files, resolved from wherever ts-morph is installed.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
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
      newErrors.push(typeErrorOf(file, afterFile, d));
    }
  }
  return { newErrors, against: `${after.against}${typeScriptNote(input.root)}`, checked: files.length };
}

/**
 * The type checks run on the TypeScript API this package carries (through ts-morph), whatever
 * the project installs; a project on TypeScript 7, which has no JS API, is told so.
 */
function typeScriptNote(root: string): string {
  let version: string | undefined;
  try {
    const packageJson = resolveInstalled('typescript/package.json', root);
    if (packageJson === undefined) return '';
    version = (JSON.parse(ts.sys.readFile(packageJson) ?? '{}') as { version?: string }).version;
  } catch (error) {
    return ` (the project's typescript package could not be read: ${messageOf(error)})`;
  }
  if (!version || Number(version.split('.')[0]) < 7) return '';
  return ` (checked with the TypeScript ${ts.version} API qpq-codemod carries: the project's TypeScript ${version} has no JS API)`;
}

function errorsOf(program: ts.Program, sourceFile: ts.SourceFile): readonly ts.Diagnostic[] {
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].filter(
    (d) => d.category === ts.DiagnosticCategory.Error,
  );
}

/** A diagnostic's identity for before/after matching; a package renamed to its scoped name counts as the same. */
function key(d: ts.Diagnostic): string {
  const message = ts
    .flattenDiagnosticMessageText(d.messageText, ' ')
    .replace(/@quidproquo\/([a-z0-9][a-z0-9._-]*)/g, (_, name: string) => (name === 'quidproquo' ? 'quidproquo' : `quidproquo-${name}`));
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
  // Folders that only files of the overlay are in (not written yet) exist for module resolution.
  const overlayDirs = new Set<string>();
  for (const [file, text] of resolvedOverlay) {
    if (text === null) continue;
    for (let dir = path.dirname(file); !overlayDirs.has(dir) && path.dirname(dir) !== dir; dir = path.dirname(dir)) overlayDirs.add(dir);
  }
  host.directoryExists = (dir) =>
    path.resolve(dir) === LIB_DIR ||
    overlayDirs.has(path.resolve(dir)) ||
    (directoryExists ? directoryExists(dir) : ts.sys.directoryExists(dir));
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
function mapMissingFrameworkToRuntime(
  options: ts.CompilerOptions,
  host: ts.CompilerHost,
  root: string,
  runtime: RuntimeSource | undefined,
): string {
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
  const runtimeName = runtime
    ? `the reference runtime (${runtime.packageName} ${runtime.version})`
    : 'nothing (the reference runtime was not found)';
  if (mapped === 0 && own > 0) return "the project's own framework types";
  if (own === 0) return runtimeName;
  return `the project's own framework types and ${runtimeName} for the rest`;
}

export interface MissingName {
  /** The file that imports it, and where. */
  file: string;
  line: number;
  column: number;
  /** The framework module as the file names it. */
  module: string;
  name: string;
}

export interface BundledRuntimeCheck {
  /** Type errors inside the bundled runtime's files, under the project's own settings. */
  errors: TypeError[];
  /** Names the project imports from a framework module that resolves to the runtime, which lacks them. */
  missing: MissingName[];
}

/**
 * Type-checks a runtime bundled into the project (its files and tsconfig as this run leaves
 * them) under the project's compiler options, and lists the framework names the project imports
 * that the runtime does not export. Only the runtime's files are type-checked; the project's
 * files are read for their imports.
 */
export function checkBundledRuntime(input: {
  root: string;
  tsconfigPath: string;
  /** Current text of files this run changes (null: removed). */
  overlay: ReadonlyMap<string, string | null>;
  runtimeDir: string;
  runtimeFiles: readonly string[];
  /** Project files that import a framework module. */
  importers: readonly string[];
  frameworkNames: readonly string[];
}): BundledRuntimeCheck {
  const typeCheckInput: TypeCheckInput = {
    root: input.root,
    tsconfigPath: input.tsconfigPath,
    before: new Map(),
    after: input.overlay,
    runtime: undefined,
  };
  const roots = [...input.runtimeFiles, ...input.importers];
  const { program } = createProgram(typeCheckInput, input.overlay, roots, new Map(), new Set(roots.map((f) => path.resolve(f))));
  const errors: TypeError[] = [];
  for (const file of input.runtimeFiles) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) continue;
    for (const d of errorsOf(program, sourceFile)) {
      errors.push(typeErrorOf(file, sourceFile, d));
    }
  }
  const checker = program.getTypeChecker();
  const inRuntime = (fileName: string) => !path.relative(input.runtimeDir, fileName).startsWith('..');
  const missing: MissingName[] = [];
  for (const file of input.importers) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) continue;
    for (const statement of sourceFile.statements) {
      const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || !input.frameworkNames.includes(specifier.text)) continue;
      const moduleSymbol = checker.getSymbolAtLocation(specifier);
      const declaration = moduleSymbol?.valueDeclaration ?? moduleSymbol?.declarations?.[0];
      if (!moduleSymbol || !declaration || !inRuntime(path.resolve(declaration.getSourceFile().fileName))) continue;
      const exported = new Set(checker.getExportsOfModule(moduleSymbol).map((s) => s.name));
      for (const [name, node] of importedNames(statement)) {
        if (exported.has(name)) continue;
        const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
        missing.push({ file, line: line + 1, column: character + 1, module: specifier.text, name });
      }
    }
  }
  return { errors, missing };
}

/** The names an import or `export … from` takes from its module, with where each is written. */
function importedNames(statement: ts.ImportDeclaration | ts.ExportDeclaration): Array<[string, ts.Node]> {
  if (ts.isExportDeclaration(statement)) {
    const clause = statement.exportClause;
    return clause && ts.isNamedExports(clause) ? clause.elements.map((e) => [(e.propertyName ?? e.name).text, e]) : [];
  }
  const clause = statement.importClause;
  if (!clause) return [];
  const names: Array<[string, ts.Node]> = [];
  if (clause.name) names.push(['default', clause.name]);
  if (clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
    for (const element of clause.namedBindings.elements) names.push([(element.propertyName ?? element.name).text, element]);
  }
  return names;
}

function typeErrorOf(file: string, sourceFile: ts.SourceFile, d: ts.Diagnostic): TypeError {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(d.start ?? 0);
  return { file, line: line + 1, column: character + 1, code: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, ' ') };
}
