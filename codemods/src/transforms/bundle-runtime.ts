import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';

import { applyEdits, type Edit } from '../lib/edits';
import { isInstalled } from '../lib/installed';
import { addProperties, getProperty, objectValue, parseJson, printJson, propertyName } from '../lib/json';
import { RUNTIME_ENTRY_POINTS } from '../lib/packages';
import { messageOf, UsageError } from '../lib/project';
import { runtimeFiles } from '../lib/runtime-source';
import { withEol } from '../lib/text-file';
import { checkBundledRuntime } from '../lib/typecheck';
import type { ProjectContext, Transform } from '../transform';

const DEFAULT_OUT = 'qpq-runtime';
/** ESM syntax in a CommonJS file under verbatimModuleSyntax (TS1286, TS1287, TS1295). */
const ESM_IN_COMMONJS = new Set([1286, 1287, 1295]);
const MANIFEST = '.qpq-runtime.json';

interface Manifest {
  package: string;
  version: string;
  files: string[];
}

export const bundleRuntime: Transform = {
  name: 'bundle-runtime',
  description:
    "Writes the reference story runtime into the project as TypeScript (`./qpq-runtime/`, `--out` to change) and maps `quidproquo-core`, `quidproquo-webserver`, `quidproquo-config-aws` and their `@quidproquo/*` names to it in tsconfig `paths`, keeping a mapping the project has of its own; a second run updates it in place. Every run type-checks the runtime under the project's settings and names the framework imports it lacks, as errors.",
  frameworkChange: 'none: stories type-check in a project without the framework packages',
  migration: false,
  checksItsOwnFiles: true,
  options: [
    {
      flag: '--out',
      value: 'dir',
      example: DEFAULT_OUT,
      description: `where to write the runtime (default: ${DEFAULT_OUT}/ next to the tsconfig)`,
    },
  ],

  transformProject(context) {
    const runtime = context.runtime;
    if (!runtime) throw new Error('the reference runtime sources were not found (package qpq-reference-runtime next to qpq-codemod)');
    const tsconfigPath = context.tsconfigPath;
    if (!tsconfigPath) {
      throw new UsageError('no tsconfig.json to add the paths to; type: qpq-codemod bundle-runtime --project path/to/tsconfig.json');
    }
    const outDir = context.options.out ? path.resolve(context.cwd, context.options.out) : path.join(context.root, DEFAULT_OUT);
    const shown = displayPath(context.cwd, outDir);
    const manifestPath = path.join(outDir, MANIFEST);
    const previous = readManifest(context.read(manifestPath), displayPath(context.cwd, manifestPath));
    if (!previous && fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) {
      throw new UsageError(
        `${shown} exists and was not written by bundle-runtime; to write the runtime elsewhere, type: qpq-codemod bundle-runtime --out <folder>`,
      );
    }

    // The runtime's files, each with a header that says where it comes from.
    const files = runtimeFiles(
      runtime,
      RUNTIME_ENTRY_POINTS.map((e) => e.entry),
    );
    const header = `// ${runtime.packageName} ${runtime.version}, written by \`qpq-codemod bundle-runtime\`: re-run it to update; edits here are overwritten.\n`;
    let updated = 0;
    for (const file of files) {
      const target = path.join(outDir, file);
      const source = fs.readFileSync(path.join(runtime.dir, file), 'utf8').replace(/^\uFEFF/, '');
      const existing = context.read(target);
      const text = existing === undefined ? header + source : withEol(header + source, context.eolOf(target));
      if (text === existing) continue;
      context.write(target, text);
      updated++;
    }
    const removed = (previous?.files ?? []).filter((file) => !files.includes(file) && context.read(path.join(outDir, file)) !== undefined);
    for (const file of removed) context.remove(path.join(outDir, file));
    const manifest: Manifest = { package: runtime.packageName, version: runtime.version, files };
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    if (context.read(manifestPath) !== manifestText) context.write(manifestPath, manifestText);
    if (updated > 0 || removed.length > 0) {
      const what = previous
        ? `${updated} of ${files.length} files updated${removed.length ? `, ${removed.length} removed` : ''}`
        : `${files.length} files`;
      context.note(tsconfigPath, 'change', `${runtime.packageName} ${runtime.version} written to ${shown}/ (${what})`);
      if (!previous) {
        context.note(
          tsconfigPath,
          'info',
          `${shown}/ is generated (re-run bundle-runtime to update it): the qpq ESLint rules and editor plugin skip its files by their first line; other linters need \`ignores: ['${shown}/**']\``,
        );
      }
    }

    mapFrameworkToRuntime(context, tsconfigPath, outDir);
    reportWhatDoesNotTypeCheck(context, tsconfigPath, outDir, files);

    const rootDir = context.compilerOptions.rootDir;
    if (rootDir && path.relative(rootDir, outDir).startsWith('..')) {
      context.note(
        tsconfigPath,
        'todo',
        `${shown} is outside rootDir (${displayPath(context.cwd, rootDir)}): an emitting build reports TS6059; use --out inside it`,
      );
    }
    if (isInstalled('quidproquo-core', context.root)) {
      context.note(tsconfigPath, 'skip', 'quidproquo-core is installed: the paths mapping takes precedence over it for the type checker');
    }
  },
};

/** Sets `compilerOptions.paths` for every framework name to the runtime's entry points. */
function mapFrameworkToRuntime(context: ProjectContext, tsconfigPath: string, outDir: string): void {
  const text = context.read(tsconfigPath);
  if (text === undefined) throw new Error(`${tsconfigPath} cannot be read`);
  const document = parseJson(tsconfigPath, text);
  if (document.error || !document.root) throw new Error(`tsconfig does not parse (${document.error})`);
  const { sourceFile, root } = document;
  const tsconfigDir = path.dirname(tsconfigPath);
  const compilerOptions = objectValue(getProperty(root, 'compilerOptions'));
  const ownBaseUrl = compilerOptions && getProperty(compilerOptions, 'baseUrl')?.initializer;
  const baseDir =
    ownBaseUrl && ts.isStringLiteral(ownBaseUrl)
      ? path.resolve(tsconfigDir, ownBaseUrl.text)
      : (context.compilerOptions.baseUrl ?? tsconfigDir);
  const target = (entry: string) => {
    const relative = path.relative(baseDir, path.join(outDir, entry)).split(path.sep).join('/');
    return relative.startsWith('.') ? relative : `./${relative}`;
  };
  const desired = RUNTIME_ENTRY_POINTS.flatMap(({ names, entry }) => names.map((name) => [name, [target(entry)]] as const));
  const edits: Edit[] = [];

  if (!compilerOptions) {
    edits.push(...addProperties(sourceFile, root, [['compilerOptions', { paths: Object.fromEntries(desired) }]]));
    context.note(tsconfigPath, 'change', `compilerOptions.paths maps the framework packages to the runtime`);
  } else {
    const pathsProperty = getProperty(compilerOptions, 'paths');
    const paths = objectValue(pathsProperty);
    if (!pathsProperty) {
      // Paths set here replace inherited ones: keep those, re-based to this file.
      const inherited = inheritedPaths(
        context,
        baseDir,
        desired.map(([name]) => name),
      );
      edits.push(...addProperties(sourceFile, compilerOptions, [['paths', { ...inherited, ...Object.fromEntries(desired) }]]));
      const kept = Object.keys(inherited).length;
      context.note(
        tsconfigPath,
        'change',
        `compilerOptions.paths maps the framework packages to the runtime${kept ? ` (and keeps ${kept} inherited entries)` : ''}`,
      );
    } else if (!paths) {
      throw new Error('compilerOptions.paths is not an object');
    } else {
      const missing: Array<readonly [string, unknown]> = [];
      const unit = /\n(\s+)/.exec(text)?.[1] ?? '  ';
      for (const [name, value] of desired) {
        const property = paths.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyName(p) === name);
        if (!property) {
          missing.push([name, value]);
          continue;
        }
        const current = property.initializer.getText(sourceFile);
        if (sameTarget(property.initializer, value[0])) continue;
        // The project's own mapping (its typings for a package, say) stays; only a mapping onto a
        // runtime this command bundled before (elsewhere, with --out) moves to the new one.
        if (!mapsToBundledRuntime(context, property.initializer, baseDir)) {
          context.note(tsconfigPath, 'skip', `paths ${name} is the project's own (${current}): kept; ${name} is not mapped to the runtime`);
          continue;
        }
        edits.push({
          start: property.initializer.getStart(sourceFile),
          end: property.initializer.end,
          newText: printJson(value, '', unit),
        });
        context.note(tsconfigPath, 'change', `paths ${name} -> ${value[0]} (was ${current})`);
      }
      if (missing.length > 0) {
        edits.push(...addProperties(sourceFile, paths, missing));
        context.note(tsconfigPath, 'change', `paths for ${missing.map(([n]) => n).join(', ')}`);
      }
    }
  }
  if (edits.length > 0) context.write(tsconfigPath, applyEdits(text, edits, context.eolOf(tsconfigPath), tsconfigPath));
}

/** A `paths` value whose every target lies in a folder that bundle-runtime wrote (it has the manifest). */
function mapsToBundledRuntime(context: ProjectContext, initializer: ts.Expression, baseDir: string): boolean {
  if (!ts.isArrayLiteralExpression(initializer) || initializer.elements.length === 0) return false;
  return initializer.elements.every((element) => {
    if (!ts.isStringLiteral(element)) return false;
    for (let dir = path.dirname(path.resolve(baseDir, element.text)); ; dir = path.dirname(dir)) {
      if (context.read(path.join(dir, MANIFEST)) !== undefined) return true;
      const fromRoot = path.relative(context.root, dir);
      if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return false;
    }
  });
}

/**
 * Errors the bundled runtime leaves in the project, reported on every run (not only the one that
 * wrote the files) until they are gone: type errors in the runtime's files under the project's
 * settings, and framework names the project imports that the runtime does not have.
 */
function reportWhatDoesNotTypeCheck(context: ProjectContext, tsconfigPath: string, outDir: string, files: readonly string[]): void {
  const runtimeFiles = files.map((file) => path.join(outDir, file)).filter((file) => /\.tsx?$/.test(file));
  const overlay = new Map<string, string | null>([[tsconfigPath, context.read(tsconfigPath) ?? null]]);
  for (const file of runtimeFiles) overlay.set(file, context.read(file) ?? null);
  const insideOut = (file: string) => !path.relative(outDir, file).startsWith('..');
  const importers = (context.sourcePaths ?? []).filter((file) => !insideOut(file) && /quidproquo/.test(context.read(file) ?? ''));
  const frameworkNames = RUNTIME_ENTRY_POINTS.flatMap((e) => e.names);
  const { errors, missing } = checkBundledRuntime({
    root: context.root,
    tsconfigPath,
    overlay,
    runtimeDir: outDir,
    runtimeFiles,
    importers,
    frameworkNames,
  });

  for (const e of errors) context.note(e.file, 'error', `TS${e.code}: ${e.message}`, e.line, e.column);
  if (errors.length > 0) {
    context.note(
      tsconfigPath,
      'info',
      `the runtime does not type-check under this tsconfig (${errors.length} errors above); every run of bundle-runtime lists them until they are gone`,
    );
    // ESM syntax in files the package makes CommonJS, with verbatimModuleSyntax: tsc --init's settings expect an ES module package.
    if (errors.some((e) => ESM_IN_COMMONJS.has(e.code))) {
      context.note(
        tsconfigPath,
        'info',
        'the .ts files here are CommonJS (package.json has no "type": "module") and verbatimModuleSyntax forbids import/export in them: set "type": "module" in package.json, as the settings of tsc --init expect',
      );
    }
  }
  for (const m of missing) {
    context.note(
      m.file,
      'error',
      `'${m.name}' is not in the reference runtime's ${m.module} (it has the framework's current API): a name the framework removed is moved off by \`qpq-codemod migrate\`; ` +
        `for another, declare it in typings of the project's own mapped in tsconfig paths (bundle-runtime keeps such a mapping), or install the framework package`,
      m.line,
      m.column,
    );
  }
}

function sameTarget(initializer: ts.Expression, wanted: string): boolean {
  if (!ts.isArrayLiteralExpression(initializer) || initializer.elements.length !== 1) return false;
  const element = initializer.elements[0];
  return ts.isStringLiteral(element) && path.posix.normalize(element.text) === path.posix.normalize(wanted);
}

/** `paths` the tsconfig inherits through `extends`, other than the framework names, relative to `baseDir`. */
function inheritedPaths(context: ProjectContext, baseDir: string, replaced: readonly string[]): Record<string, string[]> {
  const options = context.compilerOptions as ts.CompilerOptions & { pathsBasePath?: string };
  if (!options.paths) return {};
  const from = options.baseUrl ?? options.pathsBasePath ?? baseDir;
  const result: Record<string, string[]> = {};
  for (const [name, targets] of Object.entries(options.paths)) {
    if (replaced.includes(name)) continue;
    result[name] = targets.map((t) => {
      const relative = path.relative(baseDir, path.resolve(from, t)).split(path.sep).join('/');
      return relative.startsWith('.') ? relative : `./${relative}`;
    });
  }
  return result;
}

function readManifest(text: string | undefined, shown: string): Manifest | undefined {
  if (text === undefined) return undefined;
  let json: Partial<Manifest>;
  try {
    json = JSON.parse(text) as Partial<Manifest>;
  } catch (error) {
    throw new UsageError(
      `${shown} is not valid JSON (${messageOf(error)}), so what bundle-runtime wrote there is not known: restore it from version control, or delete the folder and run bundle-runtime again`,
    );
  }
  return Array.isArray(json.files)
    ? { package: String(json.package), version: String(json.version), files: json.files.map(String) }
    : undefined;
}

function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file).split(path.sep).join('/');
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
