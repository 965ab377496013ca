import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { expectSameTree, FIXTURES_DIR, REPO_ROOT, runCli, runInProcess, snapshotTree, tempDir, writeFiles } from './support/harness';

/**
 * Whole-project pairs: `__testfixtures__/action-factory/<case>/input` must become `<case>/output`
 * file for file (a file missing from `output` must be deleted). Each case runs in a temporary
 * copy whose tsconfig maps the framework to the reference runtime, then runs again to show a
 * second run changes nothing, and its result type-checks with tsc.
 */

const CASES_DIR = path.join(FIXTURES_DIR, 'action-factory');
const TSC = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const RUNTIME_VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'runtime', 'package.json'), 'utf8')) as { version: string })
  .version;
const cases = fs
  .readdirSync(CASES_DIR)
  .filter((c) => fs.existsSync(path.join(CASES_DIR, c, 'input')))
  .sort();

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function tsconfig(dir: string, exclude: string[] = []): string {
  const core = path
    .relative(dir, path.join(REPO_ROOT, 'runtime', 'src', 'core', 'index.ts'))
    .split(path.sep)
    .join('/');
  const options = { target: 'ES2022', module: 'commonjs', strict: true, noEmit: true, types: [], paths: { 'quidproquo-core': [core] } };
  return `${JSON.stringify({ compilerOptions: options, include: ['src'], exclude }, null, 2)}\n`;
}

/** A copy of a case's input with a tsconfig (and one for tsc that leaves out files that do not parse). */
function project(name: string): string {
  const dir = tempDir(`action-factory-${name}`);
  made.push(dir);
  fs.cpSync(path.join(CASES_DIR, name, 'input'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), tsconfig(dir));
  fs.writeFileSync(path.join(dir, 'tsconfig.check.json'), tsconfig(dir, ['src/broken.ts']));
  return dir;
}

function sourceTree(dir: string): Map<string, Buffer> {
  const tree = snapshotTree(dir);
  for (const file of [...tree.keys()]) if (!file.startsWith(`src${path.sep}`)) tree.delete(file);
  return tree;
}

function typeCheck(dir: string): { code: number; output: string } {
  const result = spawnSync(process.execPath, [TSC, '-p', path.join(dir, 'tsconfig.check.json'), '--pretty', 'false'], { encoding: 'utf8' });
  return { code: result.status ?? -1, output: result.stdout + result.stderr };
}

describe('action-factory fixture projects', () => {
  it('has the cases the migration is specified by', () => {
    // barrel-story: a story imports the requester it migrates through a barrel (no second declaration of it).
    // framework-source: the framework's own layout, its types imported by relative paths and a barrel.
    expect(cases).toEqual(['barrel-story', 'framework-source', 'greeting', 'stories']);
  });

  for (const name of cases) {
    describe(name, () => {
      it('its input type-checks against the reference runtime', () => {
        expect(typeCheck(project(name))).toEqual({ code: 0, output: '' });
      });

      it('becomes the output tree exactly, type-checks, and a second run changes nothing', async () => {
        const dir = project(name);
        const first = await runInProcess(['action-factory', '--force'], dir);
        expect(first.stderr).toBe('');
        // The stories case has a file that does not parse: named, left alone, and the run exits 1.
        expect(first.code).toBe(fs.existsSync(path.join(dir, 'src/broken.ts')) ? 1 : 0);
        expect(first.stdout).toMatch(/: no new errors\.\n$/);

        const expected = sourceTree(path.join(CASES_DIR, name, 'output'));
        const actual = sourceTree(dir);
        expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [file, bytes] of expected) expect(actual.get(file)?.toString('utf8'), file).toBe(bytes.toString('utf8'));

        expect(typeCheck(dir)).toEqual({ code: 0, output: '' });

        const second = await runInProcess(['action-factory', '--force'], dir);
        expect(second.code).toBe(first.code);
        expect(second.stdout).toMatch(/^action-factory: nothing to change\n/);
        expect(expectSameTree(actual, sourceTree(dir))).toEqual([]);
      });
    });
  }

  it('keeps CRLF line ends in edited files and gives them to the modules it makes, and keeps a BOM', async () => {
    const dir = project('greeting');
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    for (const file of sourceTree(dir).keys()) fs.writeFileSync(path.join(dir, file), crlf(fs.readFileSync(path.join(dir, file), 'utf8')));
    const withBom = path.join(dir, 'src/logic/greetEveryone.ts');
    fs.writeFileSync(withBom, `\uFEFF${fs.readFileSync(withBom, 'utf8')}`);

    const first = await runInProcess(['action-factory', '--force'], dir);
    expect(first.code).toBe(0);
    const expected = sourceTree(path.join(CASES_DIR, 'greeting', 'output'));
    const actual = sourceTree(dir);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [file, bytes] of expected) {
      const bom = file === path.join('src', 'logic', 'greetEveryone.ts') ? '\uFEFF' : '';
      expect(actual.get(file)?.toString('utf8'), file).toBe(bom + crlf(bytes.toString('utf8')));
    }

    const second = await runInProcess(['action-factory', '--force'], dir);
    expect(second.stdout).toMatch(/^action-factory: nothing to change\n/);
    expect(expectSameTree(actual, sourceTree(dir))).toEqual([]);
  });
});

describe("the framework's own action-type names", () => {
  it('are rewritten from the release table, reusing the requester the file imports already; the result type-checks', async () => {
    const dir = tempDir('action-factory-framework-names');
    made.push(dir);
    writeFiles(dir, {
      'src/secrets.ts': [
        "import { actionResult, askCatch, askFileReadTextContents, AskResponse, FileReadTextContentsActionProcessor, FileReadTextContentsErrorTypeEnum } from 'quidproquo-core';",
        '',
        'export function* askReadme(): AskResponse<string> {',
        "  const result = yield* askCatch(askFileReadTextContents('docs', 'README.md'));",
        "  if (!result.success && result.error.errorType === FileReadTextContentsErrorTypeEnum.FileNotFound) return '';",
        "  return result.success ? result.result : '';",
        '}',
        '',
        "export const fakeFiles: FileReadTextContentsActionProcessor = async () => actionResult('# readme');",
        '',
      ].join('\n'),
    });
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), tsconfig(dir));
    const result = await runInProcess(['action-factory', '--force', '--no-typecheck'], dir);
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'src/secrets.ts'), 'utf8')).toBe(
      [
        "import { actionResult, askCatch, askFileReadTextContents, AskResponse, ProcessorFor } from 'quidproquo-core';",
        '',
        'export function* askReadme(): AskResponse<string> {',
        "  const result = yield* askCatch(askFileReadTextContents('docs', 'README.md'));",
        "  if (!result.success && result.error.errorType === askFileReadTextContents.errorType.FileNotFound) return '';",
        "  return result.success ? result.result : '';",
        '}',
        '',
        "export const fakeFiles: ProcessorFor<typeof askFileReadTextContents> = async () => actionResult('# readme');",
        '',
      ].join('\n'),
    );
    expect(result.stdout).toMatch(
      /^action-factory: 1 file changed\n {2}src\/secrets\.ts:1 {2}`FileReadTextContentsActionProcessor` is `ProcessorFor<typeof askFileReadTextContents>`\n {2}src\/secrets\.ts:1 {2}`FileReadTextContentsErrorTypeEnum` is `askFileReadTextContents\.errorType`\n/,
    );
    fs.writeFileSync(path.join(dir, 'tsconfig.check.json'), tsconfig(dir));
    expect(typeCheck(dir)).toEqual({ code: 0, output: '' });
  });
});

describe('action-factory on the command line', () => {
  it('reports each new module, the rename, the shared resolver, the requester it leaves alone, and fails on the file it cannot parse', () => {
    const dir = project('stories');
    const result = runCli(['action-factory', '--force'], dir);
    expect(result.stderr).toBe('');
    // The file that does not parse fails the run; the others are migrated.
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'action-factory: 14 files changed',
        '  src/actions/kv/askKvClear.ts  askKvClear built with createActionRequester, from KvClearActionRequester.ts:5',
        '  src/actions/kv/askKvGet.test.ts  renamed from KvGetActionRequester.test.ts',
        '  src/actions/kv/askKvGet.ts  askKvGetBase (factory) and the story askKvGet built with createActionRequester, from KvGetActionRequester.ts:4',
        '  src/actions/kv/askKvList.ts  askKvListBase (factory) and the story askKvList built with createActionRequester, from KvListActionRequester.ts:7',
        '  src/actions/kv/getKvActionProcessors.ts:25  note: a resolver of several actions (askKvGetBase, askKvListBase) stays as it is: createActionProcessor serves one action, so split it by hand if you want one per action',
        "  src/actions/kv/KvCountActionRequester.ts:10  left alone: askKvCount: a hand-written cast of the action's result ((yield { type: KvActionType.Count, payload: { prefix } }) as number); the factory's return type cannot say what it narrows",
        '  src/actions/odd/OddActionRequester.ts:9  left alone: askOddReset: a default export; export it by name (the factory requester is a named const)',
        '  src/actions/odd/OddActionRequester.ts:16  left alone: askOddEcho: has overload signatures; one getPayload cannot carry them',
        '',
        '20 files scanned: 14 changed, 5 unchanged, 0 skipped, 1 failed.',
        "  failed src/broken.ts: does not parse (2:10 ':' expected.)",
        `Type check of the 14 changed files against the project's own framework types and the reference runtime (qpq-reference-runtime ${RUNTIME_VERSION}) for the rest: no new errors.`,
        '',
      ].join('\n'),
    );
    expect(fs.existsSync(path.join(dir, 'src/actions/kv/KvGetActionRequester.ts'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'src/actions/kv/KvGetActionRequesterTypes.ts'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'src/actions/kv/KvGetActionRequester.test.ts'))).toBe(false);
  });

  it('--dry prints new and deleted files as diffs from and to /dev/null and writes nothing', () => {
    const dir = project('greeting');
    const before = snapshotTree(dir);
    const result = runCli(['action-factory', '--dry'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        '--- /dev/null',
        '+++ b/src/actions/greeting/askGreetingReset.ts',
        '@@ -0,0 +1,5 @@',
        "+import { createActionRequester } from 'quidproquo-core';",
        '+',
        "+import { GreetingActionType } from './GreetingActionType';",
        '+',
        '+export const askGreetingReset = createActionRequester<boolean>()({ actionType: GreetingActionType.Reset });',
        '',
      ].join('\n'),
    );
    expect(result.stdout).toContain('--- a/src/actions/greeting/GreetingActionRequester.ts\n+++ /dev/null\n@@ -1,23 +0,0 @@\n');
    expect(result.stdout).toContain('--- a/src/actions/greeting/GreetingErrorTypeEnum.ts\n+++ /dev/null\n');
    expect(result.stdout).toMatch(/^action-factory: 12 files to change$/m);
    expect(result.stdout).toContain(
      '\n  src/actions/greeting/GreetingActionRequester.test.ts  note: named after GreetingActionRequester.ts, which became askGreetingSay.ts, askGreetingWave.ts, askGreetingReset.ts: rename or split it by hand\n',
    );
    expect(result.stdout).toMatch(/Dry run: nothing was written\./);
    expect(expectSameTree(before, snapshotTree(dir))).toEqual([]);
  });

  it('reports a type error the migration brings in, with file and line, and exits 1', () => {
    const dir = tempDir('action-factory-new-error');
    made.push(dir);
    writeFiles(dir, {
      'src/LockActionRequester.ts': [
        "import { Action, ActionRequester, createErrorEnumForAction } from 'quidproquo-core';",
        '',
        "export const LockErrorTypeEnum = createErrorEnumForAction('@app/Lock', ['Taken']);",
        '',
        'export function* askLock(name: string): ActionRequester<Action<{ name: string }>, boolean> {',
        "  return yield { type: '@app/Lock', payload: { name } };",
        '}',
        '',
      ].join('\n'),
      'src/useLock.ts': [
        "import { LockErrorTypeEnum } from './LockActionRequester';",
        '',
        '// The old enum typed each value as its own name; the factory types them as strings.',
        "export const taken: 'Taken' = LockErrorTypeEnum.Taken;",
        '',
      ].join('\n'),
    });
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), tsconfig(dir));
    const result = runCli(['action-factory', '--force'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `Type check of the 3 changed files against the project's own framework types and the reference runtime (qpq-reference-runtime ${RUNTIME_VERSION}) for the rest: 1 new error:\n` +
        `  src/useLock.ts:4:14 error TS2322: Type 'string' is not assignable to type '"Taken"'.\n`,
    );
    expect(fs.readFileSync(path.join(dir, 'src/askLock.ts'), 'utf8')).toBe(
      [
        "import { createActionRequester } from 'quidproquo-core';",
        '',
        'export const askLock = createActionRequester<boolean>()({',
        "  actionType: '@app/Lock',",
        "  errorTypes: ['Taken'],",
        '  getPayload: (name: string) => ({ name }),',
        '});',
        '',
      ].join('\n'),
    );
    expect(fs.existsSync(path.join(dir, 'src/LockActionRequester.ts'))).toBe(false);
  });
});
