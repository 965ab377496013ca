import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';

export class UsageError extends Error {}

/** What went wrong, for a report: the message of an Error, the value of anything else thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const SOURCE_EXTENSIONS = /\.(?:[cm]?[jt]sx?)$/;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

/** The files one run works on. */
export interface Scope {
  /** The project directory: where the tsconfig is, or the working directory without one. */
  root: string;
  tsconfigPath: string | undefined;
  compilerOptions: ts.CompilerOptions;
  /** TypeScript and JavaScript sources, absolute, sorted. */
  sourceFiles: string[];
  /** package.json and tsconfig*.json files in scope, absolute, sorted. */
  jsonFiles: string[];
  /** What the git check looks at. */
  gitPaths: string[];
}

/** The nearest `tsconfig.json` at or above `dir`. */
export function findNearestTsconfig(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, 'tsconfig.json');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

export function readTsconfig(tsconfigPath: string, readFile: (file: string) => string | undefined = ts.sys.readFile): ts.ParsedCommandLine {
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: ts.sys.readDirectory,
    fileExists: (file) => readFile(file) !== undefined,
    readFile,
  };
  const json = ts.parseConfigFileTextToJson(tsconfigPath, readFile(tsconfigPath) ?? '{}');
  if (json.error)
    throw new UsageError(`${displayPath(tsconfigPath)} is not valid JSON: ${ts.flattenDiagnosticMessageText(json.error.messageText, ' ')}`);
  return ts.parseJsonConfigFileContent(json.config, host, path.dirname(tsconfigPath), undefined, tsconfigPath);
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

/**
 * The scope of a run: the files of the nearest tsconfig when no paths are given, otherwise every
 * source file under the paths (node_modules and dot-folders skipped), plus the package.json and
 * tsconfig files that belong to them.
 */
export function resolveScope(cwd: string, paths: readonly string[], project: string | undefined, usage: (hint: string) => string): Scope {
  let tsconfigPath: string | undefined;
  if (project !== undefined) {
    tsconfigPath = path.resolve(cwd, project);
    if (fs.existsSync(tsconfigPath) && fs.statSync(tsconfigPath).isDirectory()) tsconfigPath = path.join(tsconfigPath, 'tsconfig.json');
    if (!fs.existsSync(tsconfigPath)) throw new UsageError(`no tsconfig at '${project}'; ${usage('--project path/to/tsconfig.json')}`);
  }
  for (const p of paths) {
    if (!fs.existsSync(path.resolve(cwd, p))) throw new UsageError(`path '${p}' does not exist; ${usage('<existing files or folders>')}`);
  }
  if (tsconfigPath === undefined) {
    const first = paths.length > 0 ? path.resolve(cwd, paths[0]) : cwd;
    tsconfigPath = findNearestTsconfig(fs.existsSync(first) && fs.statSync(first).isDirectory() ? first : path.dirname(first));
  }
  if (paths.length === 0 && tsconfigPath === undefined) {
    throw new UsageError(
      `no tsconfig.json here or above, so no files to work on; ${usage('src')} (files or folders), or add --project path/to/tsconfig.json`,
    );
  }

  const parsed = tsconfigPath ? readTsconfig(tsconfigPath) : undefined;
  const root = tsconfigPath ? path.dirname(tsconfigPath) : cwd;
  const compilerOptions: ts.CompilerOptions = parsed?.options ?? {
    allowJs: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
  };

  const sources = new Set<string>();
  const jsons = new Set<string>();
  if (paths.length === 0) {
    for (const file of parsed!.fileNames) {
      if (SOURCE_EXTENSIONS.test(file) && !/[\\/]node_modules[\\/]/.test(file)) sources.add(path.resolve(file));
    }
    jsons.add(tsconfigPath!);
    const packageJson = path.join(root, 'package.json');
    if (fs.existsSync(packageJson)) jsons.add(packageJson);
  } else {
    for (const p of paths) {
      const full = path.resolve(cwd, p);
      if (fs.statSync(full).isDirectory()) walk(full, sources, jsons);
      else if (SOURCE_EXTENSIONS.test(full)) sources.add(full);
      else if (isJsonInScope(path.basename(full))) jsons.add(full);
    }
  }
  return {
    root,
    tsconfigPath,
    compilerOptions,
    sourceFiles: [...sources].sort(),
    jsonFiles: [...jsons].sort(),
    gitPaths: paths.length > 0 ? paths.map((p) => path.resolve(cwd, p)) : [root],
  };
}

function isJsonInScope(name: string): boolean {
  return name === 'package.json' || /^tsconfig(\..+)?\.json$/.test(name) || name === 'jsconfig.json';
}

function walk(dir: string, sources: Set<string>, jsons: Set<string>): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) walk(full, sources, jsons);
    } else if (entry.isFile()) {
      if (SOURCE_EXTENSIONS.test(entry.name)) sources.add(full);
      else if (isJsonInScope(entry.name)) jsons.add(full);
    }
  }
}
