import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';

import { readIfExists, resolveInstalled } from './installed';

/** The reference runtime's TypeScript sources, as this installed codemod finds them. */
export interface RuntimeSource {
  /** Directory holding `core/`, `webserver/`, `config-aws/` and `index.ts`. */
  dir: string;
  packageName: string;
  version: string;
}

let cached: RuntimeSource | null | undefined;

/**
 * The `src/` folder of the `qpq-reference-runtime` package this codemod depends on (published
 * with its sources), or a `runtime-src/` folder next to the compiled codemod for a bundled copy.
 */
export function findRuntimeSource(): RuntimeSource | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = null;
  const candidates: Array<{ packageJson: string; src: string }> = [];
  // Not installed next to the codemod: the bundled copy.
  const packageJson = resolveInstalled('qpq-reference-runtime/package.json', __dirname);
  if (packageJson) candidates.push({ packageJson, src: path.join(path.dirname(packageJson), 'src') });
  const bundled = path.join(__dirname, '..', 'runtime-src');
  candidates.push({ packageJson: path.join(bundled, 'package.json'), src: bundled });
  for (const candidate of candidates) {
    if (!fs.existsSync(path.join(candidate.src, 'core', 'index.ts'))) continue;
    // A bundled copy without its package.json keeps the defaults.
    const text = readIfExists(candidate.packageJson);
    const json = text === undefined ? {} : (JSON.parse(text) as { name?: string; version?: string });
    cached = { dir: candidate.src, packageName: json.name ?? 'qpq-reference-runtime', version: json.version ?? '0.0.0' };
    break;
  }
  return cached ?? undefined;
}

/**
 * The runtime's TypeScript files the framework entry points need (`core/index.ts`,
 * `webserver/index.ts`, `config-aws/index.ts` and what they import, relatively), as paths relative
 * to its directory, sorted.
 */
export function runtimeFiles(source: RuntimeSource, entries: readonly string[]): string[] {
  const found = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const relative = queue.pop()!;
    if (found.has(relative)) continue;
    const full = path.join(source.dir, relative);
    if (!fs.existsSync(full)) continue;
    found.add(relative);
    const imports = ts.preProcessFile(fs.readFileSync(full, 'utf8'), true, true).importedFiles;
    for (const { fileName } of imports) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveRelative(source.dir, path.dirname(full), fileName);
      if (target) queue.push(target);
    }
  }
  return [...found].sort();
}

function resolveRelative(root: string, fromDir: string, specifier: string): string | undefined {
  const base = path.resolve(fromDir, specifier.replace(/\.js$/, ''));
  const candidates = [`${base}.ts`, `${base}.tsx`, `${base}.mts`, `${base}.cts`, path.join(base, 'index.ts')];
  const file = candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
  if (!file) return undefined;
  const relative = path.relative(root, file);
  return relative.startsWith('..') ? undefined : relative.split(path.sep).join('/');
}
