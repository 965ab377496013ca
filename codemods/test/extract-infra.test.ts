import { ESLint } from 'eslint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../eslint-plugin/src/index';
import { writeRuntimeTsconfig } from '../../fixtures/support/plugin-tsconfig';
import {
  CODEMODS_DIR,
  copyDir,
  expectSameTree,
  FIXTURES_DIR,
  REPO_ROOT,
  runCli,
  runInProcess,
  snapshotTree,
  tempDir,
  writeFiles,
} from './support/harness';

/**
 * `__testfixtures__/extract-infra/<case>/`: `input/` is the project (its tsconfig is written here,
 * mapping the framework packages to the reference runtime), `report.txt` what the run prints and
 * `expected.ts` the generated module; a case without `expected.ts` must write nothing and exit 1.
 */
const CASES_DIR = path.join(FIXTURES_DIR, 'extract-infra');
const OUT = 'src/qpq.infra.ts';
const caseNames = fs
  .readdirSync(CASES_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
beforeAll(() => {
  if (!fs.existsSync(path.join(CODEMODS_DIR, 'dist', 'cli.js')))
    throw new Error('codemods/dist is missing: build first (npx tsc -b codemods)');
});

/** A temporary copy of a case's project. */
function project(name: string): string {
  const dir = tempDir(`extract-infra-${name}`);
  made.push(dir);
  copyDir(path.join(CASES_DIR, name, 'input'), dir);
  writeRuntimeTsconfig(dir, { include: ['src'], runtimePackages: ['core', 'webserver', 'config-aws'] });
  return dir;
}

const expected = (name: string, file: string) => {
  const full = path.join(CASES_DIR, name, file);
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
};
const read = (dir: string, file = OUT) => (fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file), 'utf8') : undefined);

describe('extract-infra fixture cases', () => {
  it('has the cases this file expects', () => {
    expect(caseNames).toEqual(['app', 'conflicts', 'invalid']);
  });

  for (const name of caseNames) {
    it(`${name}: prints the expected report and writes the expected module (or nothing)`, async () => {
      const dir = project(name);
      const before = snapshotTree(dir);
      const result = await runInProcess(['extract-infra'], dir);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(expected(name, 'report.txt'));
      const module = expected(name, 'expected.ts');
      expect(result.code).toBe(module === undefined ? 1 : 0);
      expect(read(dir)).toBe(module);
      if (module === undefined) expect(expectSameTree(before, snapshotTree(dir))).toEqual([]);
    });
  }
});

describe('extract-infra on the fixture app', () => {
  it('a second run changes nothing, byte for byte', async () => {
    const dir = project('app');
    expect((await runInProcess(['extract-infra'], dir)).code).toBe(0);
    const after = snapshotTree(dir);
    const second = await runInProcess(['extract-infra'], dir);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('extract-infra: nothing to change\n\n7 files scanned: 0 changed, 7 unchanged, 0 skipped, 0 failed.\n');
    expect(expectSameTree(after, snapshotTree(dir))).toEqual([]);
  });

  it("is formatted by the project's own prettier, and then a second run and --check find it up to date", async () => {
    const dir = project('app');
    fs.writeFileSync(path.join(dir, '.prettierrc.json'), JSON.stringify({ singleQuote: false, printWidth: 100 }));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', 'prettier'), path.join(dir, 'node_modules', 'prettier'), 'dir');
    expect((await runInProcess(['extract-infra', '--no-typecheck'], dir)).code).toBe(0);
    const module = read(dir)!;
    expect(module.split('\n').slice(1, 15)).toEqual([
      'import {',
      '  defineDeployEvent,',
      '  defineQueue,',
      '  defineRecurringSchedule,',
      '  type QPQConfig,',
      '} from "quidproquo-core";',
      'import { defineRoute } from "quidproquo-webserver";',
      '',
      'export const infraConfig: QPQConfig = [',
      '  defineRoute("GET", "/todos/{id}", "/controllers/todo::getTodo", {',
      '    routeAuthSettings: { userDirectoryName: "main" },',
      '  }),',
      '  defineRoute("GET", "/todos", "/controllers/todo::listTodos", {',
      '    allowedOrigins: ["https://app.example.com"],',
    ]);
    expect((await runInProcess(['extract-infra', '--check'], dir)).code).toBe(0);
    const second = await runInProcess(['extract-infra', '--no-typecheck'], dir);
    expect(second.stdout).toMatch(/^extract-infra: nothing to change\n/);
    expect(read(dir)).toBe(module);
  });

  it('--check exits 1 when the module is missing or stale, 0 when up to date, and writes nothing', async () => {
    const dir = project('app');
    const missing = await runInProcess(['extract-infra', '--check'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stdout.split('\n').slice(-2)).toEqual([
      'Check failed: 1 file out of date; nothing was written. To update: qpq-codemod extract-infra',
      '',
    ]);
    expect(read(dir)).toBeUndefined();

    await runInProcess(['extract-infra'], dir);
    const upToDate = await runInProcess(['extract-infra', '--check'], dir);
    expect(upToDate).toMatchObject({
      code: 0,
      stdout: 'extract-infra: nothing to change\n\n7 files scanned: 0 to change, 7 unchanged, 0 skipped, 0 failed.\n',
      rawStderr: '',
    });

    const story = path.join(dir, 'src/deploy/onDeploy.ts');
    fs.writeFileSync(story, fs.readFileSync(story, 'utf8').replace('name: seed-data', 'name: seed'));
    const generated = read(dir);
    const stale = await runInProcess(['extract-infra', '--check'], dir);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('  src/qpq.infra.ts  generated from 10 annotations (5 route, 3 queue, 1 schedule, 1 deployEvent)\n');
    expect(read(dir)).toBe(generated);
  });

  it('--dry prints the new module as a diff and writes nothing', async () => {
    const dir = project('app');
    const before = snapshotTree(dir);
    const result = await runInProcess(['extract-infra', '--dry'], dir);
    expect(result.code).toBe(0);
    const diffLines = result.stdout.split('\n');
    expect(diffLines.slice(0, 2)).toEqual(['--- /dev/null', `+++ b/${OUT}`]);
    for (const line of expected('app', 'expected.ts')!.trimEnd().split('\n')) expect(diffLines).toContain(`+${line}`);
    expect(diffLines.at(-2)).toBe('Dry run: nothing was written. To apply: qpq-codemod extract-infra');
    expect(expectSameTree(before, snapshotTree(dir))).toEqual([]);
  });

  it('--out puts the module elsewhere, relative to the working directory, with references from its folder', async () => {
    const dir = project('app');
    const result = await runInProcess(['extract-infra', '--out', 'generated/infra.ts'], path.join(dir, 'src'));
    expect(result.code).toBe(0);
    const text = read(dir, 'src/generated/infra.ts')!;
    expect(text).toBe(expected('app', 'expected.ts')!.replace(/'\/(controllers|queues|schedules|deploy)\//g, "'/../$1/"));
    expect(read(dir)).toBeUndefined();
  });

  it('refuses to overwrite a module it did not generate, and rejects an --out that is not a TypeScript module', async () => {
    const dir = project('app');
    writeFiles(dir, { [OUT]: 'export const mine = 1;\n' });
    const taken = await runInProcess(['extract-infra'], dir);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toBe(
      'qpq-codemod: src/qpq.infra.ts exists and was not generated by extract-infra; to generate elsewhere, type: qpq-codemod extract-infra --out <file>\n',
    );
    expect(read(dir)).toBe('export const mine = 1;\n');
    const notTs = await runInProcess(['extract-infra', '--out', 'src/infra.json'], dir);
    expect(notTs.code).toBe(2);
    expect(notTs.stderr).toBe(
      'qpq-codemod: --out names the TypeScript module to generate; type: qpq-codemod extract-infra --out src/qpq.infra.ts\n',
    );
  });

  it('reports a file with annotations that does not parse, and writes nothing', async () => {
    const dir = project('app');
    writeFiles(dir, { 'src/broken.ts': '/** @qpq deployEvent: { name: x } */\nexport function* broken( {\n' });
    const result = await runInProcess(['extract-infra'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter((l) => l.includes('broken.ts'))).toEqual([
      '  src/broken.ts:3:1: the file could not be read (it does not parse), so its @qpq annotations are unknown',
      "  failed src/broken.ts: does not parse (3:1 '}' expected.)",
    ]);
    expect(read(dir)).toBeUndefined();
  });

  it('the generated module type-checks against the reference runtime', async () => {
    const dir = project('app');
    await runInProcess(['extract-infra', '--no-typecheck'], dir);
    const parsed = ts.parseJsonConfigFileContent(JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8')), ts.sys, dir);
    const file = path.join(dir, OUT);
    const program = ts.createProgram([file], parsed.options);
    expect(program.getSourceFile(file)).toBeDefined();
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
    expect(diagnostics).toEqual([]);

    // The same check catches a wrong setting: the generated calls are really checked.
    fs.writeFileSync(file, read(dir)!.replace("defineRoute('GET', '/todos',", "defineRoute('FETCH', '/todos',"));
    const broken = ts.getPreEmitDiagnostics(ts.createProgram([file], parsed.options)).map((d) => d.code);
    expect(broken).toEqual([2345]);
  });

  it('the generated module passes every recommended qpq rule, valid-runtime-reference and import-order included, in the real ESLint', async () => {
    const dir = project('app');
    await runInProcess(['extract-infra', '--no-typecheck'], dir);
    const typed = plugin.configs['recommended-type-checked'];
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        {
          ...typed,
          languageOptions: { ...typed.languageOptions, parserOptions: { projectService: true, tsconfigRootDir: dir } },
          rules: { ...typed.rules, 'qpq/valid-runtime-reference': 'error', 'qpq/import-order': 'error' },
        },
      ],
    });
    const messages = async () =>
      (await eslint.lintFiles([OUT])).flatMap((r) => r.messages.map((m) => `${m.ruleId}:${m.line}:${m.column} ${m.message}`));
    expect(await messages()).toEqual([]);

    // A reference the rule must reject, to show it really runs on the file.
    const file = path.join(dir, OUT);
    fs.writeFileSync(file, read(dir)!.replace('/controllers/todo::getTodo', '/controllers/todo::getTodos'));
    expect((await messages()).map((m) => m.split(' ')[0])).toEqual(['qpq/valid-runtime-reference:6:37']);
    fs.writeFileSync(
      file,
      read(dir)!.replace('getTodos', 'getTodo').replace('defineDeployEvent, defineQueue,', 'defineQueue, defineDeployEvent,'),
    );
    expect((await messages()).map((m) => m.split(' ')[0])).toEqual(['qpq/import-order:2:1']);
  });
});

describe('the real CLI', () => {
  it('generates the module in a copy of the fixture app and prints the report', () => {
    const dir = project('app');
    const result = runCli(['extract-infra'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'extract-infra: 1 file changed',
      '  src/qpq.infra.ts  generated from 10 annotations (5 route, 3 queue, 1 schedule, 1 deployEvent)',
      '',
      '7 files scanned: 1 changed, 6 unchanged, 0 skipped, 0 failed.',
      "Type check of the 1 changed file against the project's own framework types and the reference runtime (qpq-reference-runtime 0.1.0) for the rest: no new errors.",
      '',
    ]);
    expect(read(dir)).toBe(expected('app', 'expected.ts'));
    const check = runCli(['extract-infra', '--check'], dir);
    expect(check.code).toBe(0);
  });

  it('exits 1 with path:line:col errors for invalid annotations', () => {
    const dir = project('invalid');
    const result = runCli(['extract-infra'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(expected('invalid', 'report.txt'));
    expect(read(dir)).toBeUndefined();
  });
});
