import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import {
  DEFAULT_TSCONFIG,
  expectSameTree,
  git,
  LEGACY_APP,
  REPO_ROOT,
  runCli,
  runInProcess,
  snapshotTree,
  tempDir,
  writeFiles,
} from './support/harness';

const made: string[] = [];
function project(files: Record<string, string>, label = 'safety'): string {
  const dir = tempDir(label);
  made.push(dir);
  writeFiles(dir, { 'tsconfig.json': DEFAULT_TSCONFIG, ...files });
  return dir;
}
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

const OLD_QUEUE =
  "import { defineQueue } from 'quidproquo-core';\n\nexport default [defineQueue('orders', '../build', { 'order/placed': '/queues/orders::onPlaced' })];\n";
const NEW_QUEUE =
  "import { defineQueue } from 'quidproquo-core';\n\nexport default [defineQueue('orders', { 'order/placed': '/queues/orders::onPlaced' })];\n";

describe('a file that does not parse', () => {
  it('is named and left byte for byte as it was, the rest are processed, and the run exits 1', () => {
    const broken =
      "import { defineQueue } from 'quidproquo-core';\n\nexport default [defineQueue('broken', '../build', { 'a/b': '/q::onB' }];\n";
    const dir = project({ 'src/good.ts': OLD_QUEUE, 'src/broken.ts': broken });
    const result = runCli(['config-v2', '--no-typecheck'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /3 files scanned: 1 changed, 1 unchanged, 0 skipped, 1 failed\.\n {2}failed src\/broken\.ts: does not parse \(3:\d+ .+\)\n/,
    );
    expect(fs.readFileSync(path.join(dir, 'src/broken.ts'), 'utf8')).toBe(broken);
    expect(fs.readFileSync(path.join(dir, 'src/good.ts'), 'utf8')).toBe(NEW_QUEUE);
  });
});

describe('--dry', () => {
  it('leaves every byte of the legacy app as it was, for migrate and for each transform', () => {
    const dir = tempDir('dry');
    made.push(dir);
    fs.cpSync(LEGACY_APP, dir, { recursive: true });
    const before = snapshotTree(dir);
    for (const args of [['migrate'], ['config-v2'], ['queue-batch-window'], ['scoped-packages'], ['bundle-runtime']]) {
      const result = runCli([...args, '--dry'], dir);
      // Before migrate the app still imports a name the framework removed, which the runtime lacks.
      const bundling = args[0] === 'bundle-runtime';
      expect(result.code, `${args[0]}: ${result.stderr}`).toBe(bundling ? 1 : 0);
      if (bundling)
        expect(result.stdout).toMatch(/src\/qpq\.config\.ts:1:\d+: 'defineBuildPath' is not in the reference runtime's quidproquo-core/);
      expect(result.stdout, args[0]).toMatch(/^(\+\+\+|---) /m);
      expect(expectSameTree(before, snapshotTree(dir)), args[0]).toEqual([]);
    }
  });
});

describe('outside a git work tree', () => {
  it('a run that writes warns once that nothing records its changes; --force, --dry and --print do not', () => {
    const dir = project({ 'src/config.ts': OLD_QUEUE, 'src/other.ts': OLD_QUEUE });
    const written = runCli(['config-v2', '--no-typecheck'], dir);
    expect(written.code).toBe(0);
    expect(written.rawStderr).toBe(
      `qpq-codemod: warning: ${dir} is not in a git work tree, so nothing records what this run changes; preview first with: qpq-codemod config-v2 --no-typecheck --dry\n`,
    );
    for (const args of [['--force'], ['--dry'], ['--print']])
      expect(runCli(['config-v2', '--no-typecheck', ...args], dir).warnedNotGit, args[0]).toBe(false);
  });
});

describe('writes', () => {
  it('go through a temporary file and a rename: no temporary file is left, permissions are kept', () => {
    const dir = project({ 'src/config.ts': OLD_QUEUE });
    fs.chmodSync(path.join(dir, 'src/config.ts'), 0o640);
    expect(runCli(['config-v2', '--no-typecheck'], dir).code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'src'))).toEqual(['config.ts']);
    expect(fs.statSync(path.join(dir, 'src/config.ts')).mode & 0o777).toBe(0o640);
  });
});

describe('a git work tree with uncommitted changes', () => {
  function repo(): string {
    const dir = project({ 'app/tsconfig.json': DEFAULT_TSCONFIG, 'app/src/config.ts': OLD_QUEUE, 'notes/todo.md': '- migrate\n' }, 'git');
    fs.rmSync(path.join(dir, 'tsconfig.json'));
    git(dir, 'init', '-q');
    git(dir, '-c', 'user.email=dev@example.com', '-c', 'user.name=dev', 'commit', '-q', '--allow-empty', '-m', 'empty');
    git(dir, 'add', '.');
    git(dir, '-c', 'user.email=dev@example.com', '-c', 'user.name=dev', 'commit', '-q', '-m', 'app');
    return dir;
  }

  it('is refused, with what to type instead; nothing is written', () => {
    const dir = repo();
    fs.appendFileSync(path.join(dir, 'app/src/config.ts'), '// work in progress\n');
    const before = fs.readFileSync(path.join(dir, 'app/src/config.ts'), 'utf8');
    const result = runCli(['config-v2'], path.join(dir, 'app'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the git work tree has uncommitted changes \(1 file\):\n\s+M app\/src\/config\.ts\n/);
    expect(result.stderr).toMatch(/or preview with: qpq-codemod config-v2 --dry\nor run anyway with: qpq-codemod config-v2 --force/);
    expect(fs.readFileSync(path.join(dir, 'app/src/config.ts'), 'utf8')).toBe(before);
  });

  it('counts untracked files in scope', () => {
    const dir = repo();
    fs.writeFileSync(path.join(dir, 'app/src/new.ts'), 'export const fresh = 1;\n');
    const result = runCli(['config-v2'], path.join(dir, 'app'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\?\? app\/src\/new\.ts/);
  });

  it('runs with --force, with --dry (writing nothing), and when only files outside the project changed', () => {
    const dir = repo();
    fs.appendFileSync(path.join(dir, 'notes/todo.md'), '- review\n');
    const outside = runCli(['config-v2', '--no-typecheck'], path.join(dir, 'app'));
    expect(outside.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'app/src/config.ts'), 'utf8')).toBe(NEW_QUEUE);

    git(dir, 'checkout', '-q', '--', 'app');
    fs.appendFileSync(path.join(dir, 'app/src/config.ts'), '// work in progress\n');
    const dry = runCli(['config-v2', '--dry'], path.join(dir, 'app'));
    expect(dry.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'app/src/config.ts'), 'utf8')).toBe(`${OLD_QUEUE}// work in progress\n`);
    const forced = runCli(['config-v2', '--force', '--no-typecheck'], path.join(dir, 'app'));
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'app/src/config.ts'), 'utf8')).toBe(`${NEW_QUEUE}// work in progress\n`);
  });
});

describe("the project's own prettier", () => {
  it('formats the changed files with the config it resolves; files without a change are not touched', async () => {
    const untouched = "export const   spacing =   'kept';\n";
    const dir = project({
      '.prettierrc.json': JSON.stringify({ singleQuote: false, semi: false, printWidth: 60, trailingComma: 'all' }),
      'src/config.ts': OLD_QUEUE,
      'src/other.ts': untouched,
    });
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', 'prettier'), path.join(dir, 'node_modules', 'prettier'), 'dir');
    const result = await runInProcess(['config-v2', '--no-typecheck', '--force'], dir);
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'src/config.ts'), 'utf8')).toBe(
      'import { defineQueue } from "quidproquo-core"\n\nexport default [\n  defineQueue("orders", {\n    "order/placed": "/queues/orders::onPlaced",\n  }),\n]\n',
    );
    expect(fs.readFileSync(path.join(dir, 'src/other.ts'), 'utf8')).toBe(untouched);
  });

  it("formats with the toolkit's prettier and the project's config when the project has no prettier installed", async () => {
    const dir = project({
      '.prettierrc.json': JSON.stringify({ singleQuote: false, semi: false, printWidth: 60 }),
      'src/config.ts': OLD_QUEUE,
    });
    const result = await runInProcess(['config-v2', '--no-typecheck', '--force'], dir);
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'src/config.ts'), 'utf8')).toBe(
      'import { defineQueue } from "quidproquo-core"\n\nexport default [\n  defineQueue("orders", {\n    "order/placed": "/queues/orders::onPlaced",\n  }),\n]\n',
    );
  });

  it('that does not load is named on stderr, and the one the toolkit carries formats instead', async () => {
    const dir = project({
      '.prettierrc.json': JSON.stringify({ singleQuote: false, semi: false, printWidth: 60 }),
      'src/config.ts': OLD_QUEUE,
      'node_modules/prettier/package.json': JSON.stringify({ name: 'prettier', version: '3.0.0', main: 'index.js' }),
      'node_modules/prettier/index.js': "throw new Error('half installed');\n",
    });
    const result = await runInProcess(['config-v2', '--no-typecheck', '--force'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "qpq-codemod: warning: the project's prettier could not be loaded (half installed): formatting with the prettier qpq-codemod carries\n",
    );
    expect(fs.readFileSync(path.join(dir, 'src/config.ts'), 'utf8')).toBe(
      'import { defineQueue } from "quidproquo-core"\n\nexport default [\n  defineQueue("orders", {\n    "order/placed": "/queues/orders::onPlaced",\n  }),\n]\n',
    );
  });

  it('is not used when the project has no prettier config: the original formatting stays outside the edit', async () => {
    const odd = "import {defineQueue} from 'quidproquo-core'\nexport default [ defineQueue( 'orders' ,  '../build',{'a/b':'/q::onB'} ) ]\n";
    const dir = project({ 'src/config.ts': odd });
    const result = await runInProcess(['config-v2', '--no-typecheck', '--force'], dir);
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'src/config.ts'), 'utf8')).toBe(
      "import {defineQueue} from 'quidproquo-core'\nexport default [ defineQueue( 'orders' ,  {'a/b':'/q::onB'} ) ]\n",
    );
  });
});

describe('progress and summary', () => {
  it('shows progress on stderr past a few dozen files, and not below', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 60; i++) many[`src/queue${i}.ts`] = OLD_QUEUE;
    const big = runCli(['config-v2', '--no-typecheck'], project(many));
    expect(big.code).toBe(0);
    expect(big.stderr).toMatch(/config-v2: 6\/60 files\n[\s\S]*config-v2: 60\/60 files\n/);
    expect(big.stdout).toMatch(/61 files scanned: 60 changed, 1 unchanged, 0 skipped, 0 failed\./);

    const small = runCli(['config-v2', '--no-typecheck'], project({ 'src/a.ts': OLD_QUEUE, 'src/b.ts': OLD_QUEUE }));
    expect(small.stderr).toBe('');
  });

  it('migrate leaves out a migration the project is already past (its package.json version)', () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'svc', dependencies: { 'quidproquo-core': '^0.1.20' } }),
      'src/config.ts': NEW_QUEUE,
    });
    const result = runCli(['migrate', '--no-typecheck'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /queue-batch-window: not run: the project is on quidproquo 0\.1\.20 \(quidproquo-core 0\.1\.20 \(declared \^0\.1\.20: package\.json\)\); the change came in 0\.1\.14/,
    );
    expect(fs.readFileSync(path.join(dir, 'src/config.ts'), 'utf8')).toBe(NEW_QUEUE);
  });
});
