import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { main } from '../../src/cli';

export const CODEMODS_DIR = path.resolve(__dirname, '../..');
export const REPO_ROOT = path.resolve(CODEMODS_DIR, '..');
export const BIN = path.join(CODEMODS_DIR, 'bin', 'qpq-codemod.js');
export const FIXTURES_DIR = path.join(__dirname, '..', '__testfixtures__');
export const LEGACY_APP = path.join(REPO_ROOT, 'fixtures', 'legacy-app');

export const DEFAULT_TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, noEmit: true, allowJs: true, types: [] },
    include: ['**/*.ts', '**/*.js'],
  },
  null,
  2,
)}\n`;

export interface CliResult {
  code: number;
  stdout: string;
  /** stderr without the outside-git warning (tests of other things run in plain temporary folders). */
  stderr: string;
  /** The run warned that the project is not in a git work tree. */
  warnedNotGit: boolean;
  rawStderr: string;
}

const NOT_GIT_WARNING =
  /^qpq-codemod: warning: .* is not in a git work tree, so nothing records what this run changes; preview first with: .*\n/m;

function result(code: number, stdout: string, stderr: string): CliResult {
  return { code, stdout, stderr: stderr.replace(NOT_GIT_WARNING, ''), warnedNotGit: NOT_GIT_WARNING.test(stderr), rawStderr: stderr };
}

/** The CLI in this process (fast; the same `main` the bin calls). */
export async function runInProcess(args: string[], cwd: string): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { write: (text: string) => (stdout += text) }, { write: (text: string) => (stderr += text) }, { cwd });
  return result(code, stdout, stderr);
}

/** The real CLI as a child process, the way a user runs it. */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliResult {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return result(run.status ?? -1, run.stdout, run.stderr);
}

export function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `qpq-codemod-${label}-`));
}

export function copyDir(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

/** Every file under `dir` (relative path -> bytes), for byte-identity checks. */
export function snapshotTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') walk(full);
      } else files.set(path.relative(dir, full), fs.readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

export function expectSameTree(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const differences: string[] = [];
  for (const [file, bytes] of before) if (!after.get(file)?.equals(bytes)) differences.push(file);
  for (const file of after.keys()) if (!before.has(file)) differences.push(`${file} (new)`);
  return differences;
}

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}
