import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run } from '../src/runner';
import type { Transform } from '../src/transform';
import { allTransforms } from '../src/transforms';
import { CODEMODS_DIR, DEFAULT_TSCONFIG, runCli, tempDir, writeFiles } from './support/harness';

const made: string[] = [];
function project(files: Record<string, string>): string {
  const dir = tempDir('cli');
  made.push(dir);
  writeFiles(dir, { 'tsconfig.json': DEFAULT_TSCONFIG, ...files });
  return dir;
}

/** Runs one transform in-process over the project, as `qpq-codemod <name>` would write; its report and exit code. */
async function runTransform(dir: string, transform: Transform): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await run(
    {
      command: transform.name,
      transforms: [transform],
      migrate: false,
      paths: [],
      cwd: dir,
      mode: 'write',
      allowUncommittedChanges: true,
      project: undefined,
      typecheck: false,
      transformOptions: {},
      suggest: (x) => `qpq-codemod ${transform.name} ${x}`,
    },
    { write: (t: string) => (out += t) },
    { write: () => true },
  );
  return { code, out };
}

beforeAll(() => {
  if (!fs.existsSync(path.join(CODEMODS_DIR, 'dist', 'cli.js')))
    throw new Error('codemods/dist is missing: build first (npx tsc -b codemods)');
});
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

const OLD_QUEUE =
  "import { defineQueue } from 'quidproquo-core';\n\nexport default [defineQueue('orders', '../build', { 'order/placed': '/queues/orders::onPlaced' })];\n";

describe('help for a name that is neither a transform nor a command', () => {
  it('exits 2 and suggests the closest name, like an unknown transform', () => {
    expect(runCli(['help', 'upgrad'], CODEMODS_DIR)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "qpq-codemod: no help for 'upgrad': it is not a transform or command; did you mean: qpq-codemod help upgrade\n",
    });
    expect(runCli(['help', 'nothing-like-it'], CODEMODS_DIR)).toMatchObject({
      code: 2,
      stderr: "qpq-codemod: no help for 'nothing-like-it': it is not a transform or command; type: qpq-codemod list\n",
    });
    expect(runCli(['help', 'upgrade'], CODEMODS_DIR)).toMatchObject({ code: 0 });
    expect(runCli(['help', 'upgrade'], CODEMODS_DIR).stdout).toContain('qpq-codemod upgrade [paths...] [options]');
  });
});

describe('migrate when the framework version is unknown', () => {
  const QUEUE =
    "import { defineQueue } from 'quidproquo-core';\n\nexport default [defineQueue('orders', { 'order/placed': '/queues/orders::onPlaced' })];\n";
  it('reports the version-gated migration with the question and does not apply it; --from answers it', () => {
    const dir = project({ 'src/config.ts': QUEUE });
    const unknown = runCli(['migrate', '--force', '--no-typecheck'], dir);
    expect(unknown.code).toBe(0);
    expect(unknown.stdout).toContain(
      "queue-batch-window: not run: the project's quidproquo version is unknown (no quidproquo dependency in package.json, the lockfile or node_modules), and this migration is only right for a project on a release before 0.1.14. If it is, say which release it is on: qpq-codemod migrate --no-typecheck --from <version>\n",
    );
    expect(fs.readFileSync(path.join(dir, 'src/config.ts'), 'utf8')).toBe(QUEUE);

    const older = runCli(['migrate', '--from', '0.1.13', '--force', '--no-typecheck'], dir);
    expect(older.stdout).toContain('queue-batch-window: 1 file changed\n');
    expect(fs.readFileSync(path.join(dir, 'src/config.ts'), 'utf8')).toContain(
      "{ 'order/placed': '/queues/orders::onPlaced' }, { batchWindowInSeconds: 5 })",
    );

    const newer = runCli(['migrate', '--from', '0.1.14', '--force', '--no-typecheck'], project({ 'src/config.ts': QUEUE }));
    expect(newer.stdout).toContain(
      'queue-batch-window: not run: the project is on quidproquo 0.1.14 (--from); the change came in 0.1.14\n',
    );
  });
});

describe('qpq-codemod upgrade on the command line', () => {
  const CONFIG =
    "import { defineEnvironmentSettings, defineUserDirectory } from 'quidproquo-core';\n\nexport default [defineEnvironmentSettings('prod', []), defineUserDirectory('users', { oAuth: {} })];\n";

  it('asks for --from when no dependency names the framework, and checks the versions it is given', () => {
    const dir = project({ 'src/config.ts': CONFIG });
    const none = runCli(['upgrade', '--dry'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'qpq-codemod: cannot tell which quidproquo release this project is on: no quidproquo, quidproquo-* or @quidproquo/* dependency in the package.json files up to the workspace root, its lockfile or node_modules. Say which release the code is written for: qpq-codemod upgrade --from <version> (for example --from 0.1.8)\n',
    );
    expect(runCli(['upgrade', '--from', 'latest', '--dry'], dir)).toMatchObject({
      code: 2,
      stderr:
        "qpq-codemod: --from 'latest' is not a release number; type: qpq-codemod upgrade --from 0.1.8 (or --from next for the unreleased changes)\n",
    });
    expect(runCli(['upgrade', '--from', '0.1.8', '--to', '0.1.2', '--dry'], dir)).toMatchObject({
      code: 2,
      stderr: "qpq-codemod: --to 0.1.2 is older than the project's release 0.1.8; upgrade goes forward only\n",
    });
    expect(runCli(['config-v2', '--from', '0.1.8'], dir)).toMatchObject({ code: 2 });
    expect(runCli(['migrate', '--to', '0.1.8'], dir).stderr).toMatch(
      /^qpq-codemod: --to is an option of upgrade; type: qpq-codemod upgrade --to 0\.1\.8\n/,
    );
  });

  it('warns when the framework packages disagree, and starts from the lowest', () => {
    const dir = project({
      'package.json': JSON.stringify({ dependencies: { 'quidproquo-core': '0.0.263', 'quidproquo-webserver': '0.1.0' } }),
      'src/config.ts': CONFIG,
    });
    fs.mkdirSync(path.join(dir, '.git'));
    const result = runCli(['upgrade', '--to', '0.1.0', '--dry', '--no-typecheck'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'qpq-codemod: warning: the framework packages are not on one version (quidproquo-core 0.0.263, quidproquo-webserver 0.1.0); taking the lowest, 0.0.263\n',
    );
    expect(result.stdout).toContain(
      'Upgrade from quidproquo 0.0.263 (quidproquo-core 0.0.263 (declared 0.0.263: package.json)) to 0.1.0.\n',
    );
  });

  it('names a package.json that is not valid JSON in the report instead of passing over it', () => {
    const dir = project({ 'package.json': '{ "dependencies": { "quidproquo-core": "0.1.8" ', 'src/config.ts': CONFIG });
    fs.mkdirSync(path.join(dir, '.git'));
    const result = runCli(['upgrade', '--from', '0.0.263', '--to', '0.1.0', '--dry', '--no-typecheck'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /\n {10}package\.json {2}left alone: not valid JSON \(.+\): the dependencies it declares are not known\n/,
    );
  });

  it('--insert-todos writes each manual step above its site once, and a second run adds none', () => {
    const dir = project({ 'src/config.ts': CONFIG });
    const first = runCli(['upgrade', '--from', '0.0.263', '--to', '0.1.0', '--insert-todos', '--force', '--no-typecheck'], dir);
    expect(first.code).toBe(0);
    const after =
      "import { defineEnvironmentSettings, defineUserDirectory } from 'quidproquo-core';\n\n// TODO(qpq-codemod): federated sign-in is no longer configured here; remove `oAuth` and set up providers outside the user directory setting (quidproquo 0.1.0, bc-146)\nexport default [defineEnvironmentSettings({ prod: [] }), defineUserDirectory('users', { oAuth: {}, selfSignUpEnabled: true })];\n";
    expect(fs.readFileSync(path.join(dir, 'src/config.ts'), 'utf8')).toBe(after);
    // The site as the run found it, before the comment line went in above it.
    expect(first.stdout).toContain(
      '  src/config.ts:3:89  [0.1.0 bc-146] `oAuth` in `defineUserDirectory(…)`: federated sign-in is no longer configured here; remove `oAuth` and set up providers outside the user directory setting\n',
    );
    runCli(['upgrade', '--from', '0.0.263', '--to', '0.1.0', '--insert-todos', '--force', '--no-typecheck'], dir);
    expect(fs.readFileSync(path.join(dir, 'src/config.ts'), 'utf8')).toBe(after);
  });
});

describe('qpq-codemod list and help', () => {
  it('lists every transform with its description, framework change and whether migrate runs it', () => {
    const result = runCli(['list'], CODEMODS_DIR);
    expect(result.code).toBe(0);
    for (const transform of allTransforms) {
      const line = result.stdout.split('\n').find((l) => l.startsWith(`${transform.name} `));
      expect(line, transform.name).toBeDefined();
      expect(line).toContain(transform.description);
      expect(line).toContain(transform.frameworkChange);
      expect(line!.endsWith('[opt-in]')).toBe(!transform.migration);
    }
  });

  it('prints the usage for --help and a transform page for help <transform>', () => {
    expect(runCli(['--help'], CODEMODS_DIR)).toMatchObject({ code: 0 });
    const page = runCli(['help', 'bundle-runtime'], CODEMODS_DIR);
    expect(page.code).toBe(0);
    expect(page.stdout).toContain('\n  --out <dir>  ');
    const infra = runCli(['help', 'extract-infra'], CODEMODS_DIR);
    expect(infra.code).toBe(0);
    expect(infra.stdout.split('\n').slice(3)).toEqual([
      'Framework change: none: infrastructure declared next to the story that serves it, the way pareto2 kept YAML fragments in code.',
      'Opt-in: runs only when named.',
      '',
      'Options of this transform:',
      '  --out <file>  the generated module, relative to the current directory (default: src/qpq.infra.ts in the project root); runtime references are relative to its folder',
      '  --check  write nothing; exit 1 when the generated module is missing or out of date (for CI)',
      '',
      'Also: --dry, --print, --project <tsconfig>, --force, --no-typecheck (see qpq-codemod --help).',
      '',
    ]);
    // --check is extract-infra's own above; every other transform lists it with the common options.
    const migration = runCli(['help', 'config-v2'], CODEMODS_DIR);
    expect(migration.stdout.split('\n').slice(-4)).toEqual([
      'Part of `qpq-codemod migrate`.',
      '',
      'Also: --dry, --print, --check, --project <tsconfig>, --force, --no-typecheck (see qpq-codemod --help).',
      '',
    ]);
  });
});

describe('usage errors exit 2 and say what to type instead', () => {
  const cases: Array<{ args: string[]; message: RegExp }> = [
    { args: [], message: /Usage:/ },
    { args: ['config-2'], message: /unknown transform 'config-2'; did you mean: qpq-codemod config-v2/ },
    { args: ['config-v2', '--dry-run'], message: /unknown option '--dry-run'; did you mean --dry\? type: qpq-codemod config-v2 --dry/ },
    {
      args: ['config-v2', 'no-such-folder'],
      message: /path 'no-such-folder' does not exist; type: qpq-codemod config-v2 <existing files or folders>/,
    },
    { args: ['config-v2', '--project'], message: /--project needs a value; type: qpq-codemod config-v2 --project tsconfig.json/ },
    {
      args: ['config-v2', '--out', 'x'],
      message: /--out is an option of bundle-runtime and extract-infra; type: qpq-codemod bundle-runtime --out x/,
    },
    { args: ['list', 'extra'], message: /'list' takes no arguments; type: qpq-codemod list/ },
    { args: ['--dry', 'config-v2'], message: /the transform comes first; type: qpq-codemod <transform> \[paths\.\.\.\] --dry/ },
  ];
  for (const { args, message } of cases) {
    it(`qpq-codemod ${args.join(' ') || '(nothing)'}`, () => {
      const result = runCli(args, project({ 'a.ts': OLD_QUEUE }));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    });
  }

  it('without a tsconfig and without paths', () => {
    const dir = tempDir('no-tsconfig');
    made.push(dir);
    const result = runCli(['config-v2'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no tsconfig\.json here or above, so no files to work on; type: qpq-codemod config-v2 src/);
  });

  it('bundle-runtime into a folder it did not write', () => {
    const dir = project({ 'qpq-runtime/mine.ts': 'export const mine = 1;\n' });
    const result = runCli(['bundle-runtime'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /qpq-runtime exists and was not written by bundle-runtime; .*type: qpq-codemod bundle-runtime --out <folder>/,
    );
    expect(fs.readdirSync(path.join(dir, 'qpq-runtime'))).toEqual(['mine.ts']);
  });
});

describe('exit code 1', () => {
  it('when the changed files have a type error they did not have before, reported with file and line', () => {
    // The old call also passes an option the current API does not know: once the build path is
    // gone the checker sees the options object, and reports the unknown key.
    const dir = project({
      'src/config.ts':
        "import { defineQueue } from 'quidproquo-core';\n\nexport default [\n  defineQueue('orders', '../build', { 'a/b': '/q::onB' }, { batchSize: 1, retries: 3 }),\n];\n",
    });
    const result = runCli(['config-v2'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /Type check of the 1 changed file against the reference runtime \(qpq-reference-runtime [\d.]+\): 1 new error:/,
    );
    expect(result.stdout).toMatch(/src\/config\.ts:4:\d+ error TS2353: .*'retries'/);
  });

  it('when a file fails: reported, not written, and the other files still processed', async () => {
    const dir = project({ 'a.ts': "export const a = 'a';\n", 'b.ts': "export const b = 'b';\n" });
    const failing: Transform = {
      name: 'upper',
      description: 'test transform',
      frameworkChange: 'none',
      migration: false,
      transformSource(context) {
        if (context.fileName.endsWith('a.ts')) throw new Error('cannot handle a.ts');
        return [{ start: 0, end: context.text.length, newText: context.text.toUpperCase() }];
      },
    };
    const { code, out } = await runTransform(dir, failing);
    expect(code).toBe(1);
    expect(out).toBe(
      'upper: 1 file changed\n\n3 files scanned: 1 changed, 1 unchanged, 0 skipped, 1 failed.\n  failed a.ts: upper: cannot handle a.ts\n',
    );
    expect(fs.readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe("export const a = 'a';\n");
    expect(fs.readFileSync(path.join(dir, 'b.ts'), 'utf8')).toBe("EXPORT CONST B = 'B';\n");
  });
});

describe('edits that overlap', () => {
  it('are never dropped silently: the file is reported with the place, left as it was, and the run exits 1', async () => {
    const dir = project({ 'a.ts': "export const a = 'a';\nexport const b = 'b';\n", 'c.ts': "export const c = 'c';\n" });
    const overlapping: Transform = {
      name: 'overlap',
      description: 'test transform',
      frameworkChange: 'none',
      migration: false,
      transformSource(context) {
        if (context.fileName.endsWith('c.ts')) return [{ start: 0, end: 6, newText: 'EXPORT' }];
        const b = context.text.indexOf("'b'");
        return [
          { start: b, end: b + 3, newText: "'B'" },
          { start: b + 1, end: b + 2, newText: 'x' },
          // Given twice, and overlapping deletions: neither is an overlap.
          { start: 0, end: 0, newText: '// top\n' },
          { start: 0, end: 0, newText: '// top\n' },
        ];
      },
    };
    const { code, out } = await runTransform(dir, overlapping);
    expect(code).toBe(1);
    expect(out).toBe(
      'overlap: 1 file changed\n\n3 files scanned: 1 changed, 1 unchanged, 0 skipped, 1 failed.\n' +
        '  failed a.ts: overlap: two edits overlap at 2:19, so they cannot both be made\n',
    );
    expect(fs.readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe("export const a = 'a';\nexport const b = 'b';\n");
    expect(fs.readFileSync(path.join(dir, 'c.ts'), 'utf8')).toBe("EXPORT const c = 'c';\n");
  });
});

describe('--dry and --print', () => {
  it('--dry prints a unified diff that git apply turns into the real result', () => {
    const dir = project({ 'src/config.ts': OLD_QUEUE });
    const dry = runCli(['config-v2', '--dry'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('--- a/src/config.ts\n+++ b/src/config.ts\n@@ -1,3 +1,3 @@\n');
    expect(dry.stdout).toMatch(/Dry run: nothing was written\. To apply: qpq-codemod config-v2\n/);
    const patch = dry.stdout.slice(0, dry.stdout.indexOf('config-v2: '));

    const copy = tempDir('apply');
    made.push(copy);
    fs.cpSync(dir, copy, { recursive: true });
    fs.writeFileSync(path.join(copy, 'change.patch'), patch);
    const applied = spawnSync('git', ['apply', 'change.patch'], { cwd: copy, encoding: 'utf8' });
    expect(applied.stderr).toBe('');
    expect(runCli(['config-v2', '--no-typecheck'], dir).code).toBe(0);
    expect(fs.readFileSync(path.join(copy, 'src/config.ts'), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'src/config.ts'), 'utf8'));
  });

  it('--print writes the transformed source to stdout, the report to stderr, and nothing to disk', () => {
    const dir = project({ 'src/config.ts': OLD_QUEUE });
    const result = runCli(['config-v2', 'src/config.ts', '--print'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "import { defineQueue } from 'quidproquo-core';\n\nexport default [defineQueue('orders', { 'order/placed': '/queues/orders::onPlaced' })];\n",
    );
    expect(result.stderr).toMatch(/Printed only: nothing was written\./);
    expect(fs.readFileSync(path.join(dir, 'src/config.ts'), 'utf8')).toBe(OLD_QUEUE);
    // jscodeshift's `-d -p`: the same.
    expect(runCli(['config-v2', 'src/config.ts', '-d', '-p'], dir).stdout).toBe(result.stdout);
  });
});
