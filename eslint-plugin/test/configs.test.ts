import { ESLint, type Linter } from 'eslint';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';

import { writeRuntimeTsconfig } from '../../fixtures/support/plugin-tsconfig';
import plugin from '../src/index';

const typedProject = path.join(__dirname, 'typed-project');

const TYPED_STORY = `import { askDateNow, AskResponse } from 'quidproquo-core';

function* login(user: string): AskResponse<string> {
  return yield* askDateNow();
}

export function* story(): AskResponse<void> {
  const user: string = 'ada';
  askDateNow();
  login(user);
}
`;

async function lint(config: object, text: string) {
  const eslint = new ESLint({ cwd: typedProject, overrideConfigFile: true, overrideConfig: [config] });
  const [result] = await eslint.lintText(text, { filePath: path.join(typedProject, 'file.ts') });
  return result.messages.map((m) => `${m.ruleId}:${m.line}:${m.column}`);
}

describe('flat configs', () => {
  it('exposes meta, rules and the four configs, and links each rule to its page', () => {
    expect(plugin.meta).toEqual({ name: 'eslint-plugin-qpq', version: expect.any(String) });
    expect(Object.keys(plugin.configs).sort()).toEqual(['recommended', 'recommended-type-checked', 'strict', 'strict-type-checked']);
    for (const [id, rule] of Object.entries(plugin.rules)) expect(rule.meta?.docs?.url).toMatch(new RegExp(`/rules-docs/${id}\\.md$`));
  });

  it('recommended parses TypeScript and finds story calls by name, without type information', async () => {
    expect(await lint(plugin.configs.recommended, TYPED_STORY)).toEqual(['qpq/require-yield-star:9:3']);
  });

  it('recommended-type-checked also finds the story that is not ask-named, by its type', async () => {
    const typed = { ...plugin.configs['recommended-type-checked'] };
    typed.languageOptions = { ...typed.languageOptions, parserOptions: { projectService: true, tsconfigRootDir: typedProject } };
    expect(await lint(typed, TYPED_STORY)).toEqual(['qpq/require-yield-star:9:3', 'qpq/require-yield-star:10:3']);
  });

  it('applies to every file kind the TypeScript parser reads', async () => {
    const eslint = new ESLint({ cwd: typedProject, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    for (const ext of ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs']) {
      const [result] = await eslint.lintText('function* s() {\n  askDateNow();\n}\n', { filePath: path.join(typedProject, `x.${ext}`) });
      expect(result.messages.map((m) => `${ext}:${m.ruleId}:${m.line}:${m.column}`)).toEqual([`${ext}:qpq/require-yield-star:2:3`]);
    }
  });
});

const STRICT_STORY = `import { askDateNow, AskResponse } from 'quidproquo-core';

import { join } from 'node:path';
import * as path from 'node:path';

export function* loadTodos(): AskResponse<string> {
  askDateNow();
  yield { type: '@app/Todo/Load', payload: { id: 'a' } };
  yield { type: '@app/Todo/Load', payload: {} };
  return path.join(join('a'), 'b');
}
`;

/** A project with STRICT_STORY as src/todos.ts and src/todos.test.ts, and a tsconfig that includes them. */
function strictProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qpq-strict-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  writeRuntimeTsconfig(dir, { include: ['src'] });
  fs.mkdirSync(path.join(dir, 'src'));
  for (const name of ['todos.ts', 'todos.test.ts']) fs.writeFileSync(path.join(dir, 'src', name), STRICT_STORY);
  return dir;
}

/** `file rule:line:column:severity` of each finding of the project's files under `configs`. */
async function findingsUnder(dir: string, configs: Linter.Config[]) {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configs });
  const results = await eslint.lintFiles(['src']);
  return results
    .sort((a, b) => a.filePath.localeCompare(b.filePath))
    .flatMap((r) =>
      r.messages.map((m) =>
        m.ruleId ? `${path.basename(r.filePath)} ${m.ruleId}:${m.line}:${m.column}:${m.severity === 2 ? 'error' : 'warn'}` : m.message,
      ),
    );
}

describe('strict: every rule at error, every option at its strictest', () => {
  it('sets each rule, with the options that are stricter than the defaults', () => {
    expect(plugin.configs.strict.rules).toEqual({
      'qpq/require-yield-star': 'error',
      'qpq/monomorphic-action-shape': ['error', { testFiles: true }],
      'qpq/void-returns-204': 'error',
      'qpq/import-order': ['error', { orderByImportStyle: true }],
      'qpq/pure-stories': 'error',
      'qpq/no-try-catch-around-actions': 'error',
      'qpq/ask-prefix-generator-only': ['error', { requireAskPrefix: true }],
      'qpq/valid-runtime-reference': ['error', { testFiles: true }],
      'qpq/return-throw-error': 'error',
      'qpq/no-spread-define': 'error',
      'qpq/define-returns-config': 'error',
      'qpq/serializable-context': 'error',
      'qpq/raw-story-mocks': 'error',
      'qpq/no-outdated-api': 'error',
    });
    expect(plugin.configs['strict-type-checked'].rules).toBe(plugin.configs.strict.rules);
    expect(Object.keys(plugin.configs.strict.rules!).sort()).toEqual(
      Object.keys(plugin.rules)
        .map((id) => `qpq/${id}`)
        .sort(),
    );
  });

  it('reports what recommended leaves: warnings as errors, imports of one module by style, exported stories without ask, test files', async () => {
    const dir = strictProject();
    const typed = { languageOptions: { parserOptions: { tsconfigRootDir: dir } } };
    const recommended = [
      'todos.test.ts qpq/require-yield-star:7:3:error',
      'todos.ts qpq/require-yield-star:7:3:error',
      'todos.ts qpq/monomorphic-action-shape:9:44:warn',
    ];
    const strict = ['todos.test.ts', 'todos.ts'].flatMap((file) => [
      `${file} qpq/import-order:1:1:error`,
      `${file} qpq/ask-prefix-generator-only:6:18:error`,
      `${file} qpq/require-yield-star:7:3:error`,
      `${file} qpq/monomorphic-action-shape:9:44:error`,
    ]);
    expect(await findingsUnder(dir, [plugin.configs.recommended])).toEqual(recommended);
    expect(await findingsUnder(dir, [plugin.configs.strict])).toEqual(strict);
    expect(await findingsUnder(dir, [plugin.configs['recommended-type-checked'], typed])).toEqual(recommended);
    expect(await findingsUnder(dir, [plugin.configs['strict-type-checked'], typed])).toEqual(strict);
    // A severity of the project's own after it keeps the strict options (ESLint keeps earlier options).
    const importOrderWarns = strict.map((finding) => finding.replace(/qpq\/import-order:(\d+:\d+):error$/, 'qpq/import-order:$1:warn'));
    expect(importOrderWarns).not.toEqual(strict);
    expect(await findingsUnder(dir, [plugin.configs.strict, { rules: { 'qpq/import-order': 'warn' } }])).toEqual(importOrderWarns);
  });
});

const ESLINT_BIN = path.join(__dirname, '../../node_modules/eslint/bin/eslint.js');
const PLUGIN_URL = pathToFileURL(require.resolve('eslint-plugin-qpq')).href;

/**
 * A project the way a user sets one up: the tsconfig includes src/, not the ESLint config file,
 * and eslint.config.mjs is the README's, importing the plugin (by its path here) and adding `extra`.
 */
function freshProject(configs: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qpq-configs-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, 'src'));
  writeRuntimeTsconfig(dir, { include: ['src'] });
  fs.writeFileSync(path.join(dir, 'src/stories.ts'), TYPED_STORY);
  // A file of a runtime `qpq-codemod bundle-runtime` wrote: the same stories under its header line.
  fs.mkdirSync(path.join(dir, 'src/qpq-runtime'));
  fs.writeFileSync(path.join(dir, 'src/qpq-runtime/stories.ts'), `${BUNDLED_HEADER}${TYPED_STORY}`);
  fs.writeFileSync(
    path.join(dir, 'eslint.config.mjs'),
    `import qpq from ${JSON.stringify(PLUGIN_URL)};\n\nexport default [\n  ${configs},\n];\n`,
  );
  return dir;
}

const BUNDLED_HEADER =
  '// qpq-reference-runtime 0.1.0, written by `qpq-codemod bundle-runtime`: re-run it to update; edits here are overwritten.\n';

/** `npx eslint .` in the project: rule:line:column per file (a parsing error by its message). */
function eslintCli(dir: string, args: string[] = ['.']) {
  const result = spawnSync(process.execPath, [ESLINT_BIN, '--format', 'json', ...args], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`eslint exited ${result.status}: ${result.stderr}`);
  const results = JSON.parse(result.stdout) as ESLint.LintResult[];
  return results
    .map(
      (r) => [path.relative(dir, r.filePath), r.messages.map((m) => (m.ruleId ? `${m.ruleId}:${m.line}:${m.column}` : m.message))] as const,
    )
    .sort(([a], [b]) => a.localeCompare(b));
}

const TYPED_FINDINGS = ['qpq/require-yield-star:9:3', 'qpq/require-yield-star:10:3'];

describe('the configs as the README shows them, run by the eslint command in the project', () => {
  it('recommended-type-checked lints a file no tsconfig includes (the ESLint config itself) without type information', () => {
    const dir = freshProject("qpq.configs['recommended-type-checked']");
    expect(eslintCli(dir)).toEqual([
      ['eslint.config.mjs', []],
      ['src/qpq-runtime/stories.ts', []],
      ['src/stories.ts', TYPED_FINDINGS],
    ]);
  });

  it('takes parser options the project adds in any order: the qpq config sets none of its own', () => {
    const own =
      "{ languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['*.mjs'] }, tsconfigRootDir: import.meta.dirname } } }";
    expect(plugin.configs['recommended-type-checked'].languageOptions?.parserOptions).toBeUndefined();
    const before = eslintCli(freshProject(`${own},\n  qpq.configs['recommended-type-checked']`));
    const after = eslintCli(freshProject(`qpq.configs['recommended-type-checked'],\n  ${own}`));
    expect(before).toEqual([
      ['eslint.config.mjs', []],
      ['src/qpq-runtime/stories.ts', []],
      ['src/stories.ts', TYPED_FINDINGS],
    ]);
    expect(after).toEqual(before);
  });

  it("a project that sets the project service itself gets typescript-eslint's own answer for a file outside it", () => {
    const dir = freshProject(
      "qpq.configs['recommended-type-checked'],\n  { languageOptions: { parserOptions: { projectService: true } } }",
    );
    const [configFile, bundled, stories] = eslintCli(dir);
    expect(configFile[1]).toEqual([expect.stringContaining('eslint.config.mjs was not found by the project service')]);
    expect(bundled).toEqual(['src/qpq-runtime/stories.ts', []]);
    expect(stories).toEqual(['src/stories.ts', TYPED_FINDINGS]);
  });

  it('recommended leaves the files of a runtime bundled by qpq-codemod bundle-runtime alone too (by their header line)', () => {
    expect(eslintCli(freshProject('qpq.configs.recommended'), ['src'])).toEqual([
      ['src/qpq-runtime/stories.ts', []],
      ['src/stories.ts', ['qpq/require-yield-star:9:3']],
    ]);
  });
});

describe('--cache, as the README says', () => {
  it('keeps a valid-runtime-reference result for an unchanged config file after the module it names changes', () => {
    const dir = freshProject('qpq.configs.recommended');
    fs.writeFileSync(
      path.join(dir, 'src/qpq.config.ts'),
      "import { defineQueue } from 'quidproquo-core';\n\nexport const queue = defineQueue('jobs', { 'job/run': '/stories::askRun' });\n",
    );
    fs.writeFileSync(path.join(dir, 'src/stories.ts'), 'export function* askOther() {}\n');
    const cached = () => Object.fromEntries(eslintCli(dir, ['--cache', 'src']))['src/qpq.config.ts'];
    expect(cached()).toEqual(['qpq/valid-runtime-reference:3:55']);
    fs.writeFileSync(path.join(dir, 'src/stories.ts'), 'export function* askOther() {}\n\nexport function* askRun() {}\n');
    expect(cached()).toEqual(['qpq/valid-runtime-reference:3:55']);
    expect(Object.fromEntries(eslintCli(dir, ['src']))['src/qpq.config.ts']).toEqual([]);
  });
});

describe('a TypeScript without the JS API', () => {
  it('stops the ESLint config with one message that gives the TypeScript 7 recipe, not a stack trace', () => {
    // `typescript` resolves to TypeScript 7 in this run, as it does where `npm i -D typescript` installed 7.
    const preload = path.join(__dirname, '../../fixtures/support/resolve-typescript.cjs');
    const dir = freshProject('qpq.configs.recommended');
    const env = { ...process.env, QPQ_TEST_TYPESCRIPT: 'typescript-7' };
    const result = spawnSync(process.execPath, ['--require', preload, ESLINT_BIN, 'src'], { cwd: dir, encoding: 'utf8', env });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n').slice(-1)[0]).toBe(
      'eslint-plugin-qpq needs the TypeScript JS API (TypeScript 5.x and 6.0), but the "typescript" package here is TypeScript 7.0.2, and TypeScript 7 is a native compiler with no JS API. ' +
        'Keep TypeScript 7 for tsc and install TypeScript 6 under the name "typescript" next to it: npm install --save-dev typescript@~6.0.3 @typescript/native@npm:typescript@^7.0.2',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
