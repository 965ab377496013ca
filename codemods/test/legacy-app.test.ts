import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectSameTree, LEGACY_APP, REPO_ROOT, runCli, snapshotTree, tempDir } from './support/harness';

/**
 * The real CLI, as a child process, on a copy of fixtures/legacy-app: `migrate` brings it to the
 * current config API, `bundle-runtime` lets it type-check against the reference runtime, and the
 * result lints clean with the project's ESLint config (fixtures/eslint.config.mjs, typed).
 */

const TSC = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const ESLINT = path.join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
const FIXTURES_ESLINT_CONFIG = path.join(REPO_ROOT, 'fixtures', 'eslint.config.mjs');

let app: string;
beforeAll(() => {
  app = tempDir('legacy-app');
  fs.cpSync(LEGACY_APP, app, { recursive: true });
});
afterAll(() => {
  fs.rmSync(app, { recursive: true, force: true });
});

function typeCheck(): { code: number; output: string } {
  const result = spawnSync(process.execPath, [TSC, '-p', app, '--noEmit', '--pretty', 'false'], { encoding: 'utf8' });
  return { code: result.status ?? -1, output: result.stdout + result.stderr };
}

function lint(): { errorCount: number; warningCount: number; messages: string[] } {
  // The project's config, with type information rooted at the copy.
  fs.writeFileSync(
    path.join(app, 'eslint.config.mjs'),
    `import config from ${JSON.stringify(pathToFileURL(FIXTURES_ESLINT_CONFIG).href)};\n\nexport default [...config, { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } } }];\n`,
  );
  const result = spawnSync(process.execPath, [ESLINT, '--format', 'json', 'src'], { cwd: app, encoding: 'utf8' });
  fs.rmSync(path.join(app, 'eslint.config.mjs'));
  const report = JSON.parse(result.stdout || '[]') as Array<{
    filePath: string;
    errorCount: number;
    warningCount: number;
    messages: Array<{ ruleId: string; message: string; line: number }>;
  }>;
  if (report.length === 0) throw new Error(`eslint gave no report: ${result.stderr}`);
  return {
    errorCount: report.reduce((n, f) => n + f.errorCount, 0),
    warningCount: report.reduce((n, f) => n + f.warningCount, 0),
    messages: report.flatMap((f) => f.messages.map((m) => `${path.relative(app, f.filePath)}:${m.line} ${m.ruleId}: ${m.message}`)),
  };
}

describe('fixtures/legacy-app', () => {
  it('does not type-check as it is: old signatures, framework packages not installed', () => {
    const result = typeCheck();
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/Cannot find module 'quidproquo-core'/);
  });

  it('qpq-codemod migrate runs config-v2, queue-batch-window then action-factory, says what it did, and finds no new type error', () => {
    const stories = ['src/controllers/todoController.ts', 'src/logic/todoLogic.ts', 'src/logic/localQueue.ts', 'src/queues/todoQueue.ts'];
    const before = new Map(stories.map((f) => [f, fs.readFileSync(path.join(app, f), 'utf8')]));
    const result = runCli(['migrate'], app);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out.indexOf('config-v2: 2 files changed')).toBeGreaterThanOrEqual(0);
    expect(out.indexOf('queue-batch-window: 1 file changed')).toBeGreaterThan(out.indexOf('config-v2: 2 files changed'));
    expect(out).toMatch(
      /src\/qpq\.config\.ts:\d+ {2}defineBuildPath\(buildPath\) removed: its path is now defineApplicationModule's apiBuildPath/,
    );
    expect(out).toMatch(
      /src\/qpq\.config\.ts:\d+ {2}defineApplicationModule\('todo', …\): apiBuildPath buildPath, deployRegion 'ap-southeast-2' moved to defineAwsServiceAccountInfo/,
    );
    expect(out).toMatch(/src\/reportingSettings\.ts:\d+ {2}defineQueue\('report-jobs', …\): build path argument buildPath removed/);
    expect(out).toMatch(/src\/qpq\.config\.ts:\d+ {2}defineQueue\('todo-jobs', …\): batchWindowInSeconds: 5 added/);
    expect(out).toMatch(/1 TODO left in the code/);
    expect(out.indexOf('action-factory: 5 files changed')).toBeGreaterThan(out.indexOf('queue-batch-window: 1 file changed'));
    expect(out).toContain(
      '\n  src/actions/audit/askAuditRecord.ts  askAuditRecord built with createActionRequester, from AuditRecordActionRequester.ts:5\n',
    );
    expect(out).toMatch(
      /Type check of the 7 changed files against the reference runtime \(qpq-reference-runtime [\d.]+\): no new errors\./,
    );
    const audit = path.join(app, 'src/actions/audit');
    expect(fs.readdirSync(audit).sort()).toEqual([
      'AuditActionType.ts',
      'askAuditRecord.ts',
      'getAuditRecordActionProcessor.ts',
      'index.ts',
    ]);
    expect(fs.readFileSync(path.join(audit, 'getAuditRecordActionProcessor.ts'), 'utf8')).toContain(
      'export const getAuditRecordActionProcessor = createActionProcessor(askAuditRecord, getProcessAuditRecord);\n',
    );
    expect(fs.readFileSync(path.join(audit, 'index.ts'), 'utf8')).toBe(
      "export * from './askAuditRecord';\nexport * from './AuditActionType';\nexport * from './getAuditRecordActionProcessor';\n",
    );

    const config = fs.readFileSync(path.join(app, 'src/qpq.config.ts'), 'utf8');
    expect(config).toContain(
      "import { defineAwsServiceAccountInfo } from 'quidproquo-config-aws';\nimport { defineApplicationModule, defineDeployEvent, defineQueue, defineRecurringSchedule, QPQConfig } from 'quidproquo-core';",
    );
    expect(config).toContain(
      "  defineApplicationModule('todo', 'api', 'production', __dirname, buildPath),\n  // TODO(qpq-codemod): the AWS account id this service deploys to\n  defineAwsServiceAccountInfo('TODO-aws-account-id', 'ap-southeast-2'),\n",
    );
    expect(config).toContain(
      "defineQueue('todo-jobs', { 'todo/complete': '/queues/todoQueue::onCompleteTodo' }, { batchWindowInSeconds: 5 }),",
    );
    expect(config).not.toMatch(/defineBuildPath/);
    const reporting = fs.readFileSync(path.join(app, 'src/reportingSettings.ts'), 'utf8');
    expect(reporting).toContain('{ batchSize: 5, batchWindowInSeconds: 30 }),');
    for (const [file, text] of before) expect(fs.readFileSync(path.join(app, file), 'utf8'), file).toBe(text);
  });

  it('a second migrate changes nothing', () => {
    const before = snapshotTree(app);
    const result = runCli(['migrate'], app);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^config-v2: nothing to change\nqueue-batch-window: nothing to change\naction-factory: nothing to change\n/,
    );
    expect(expectSameTree(before, snapshotTree(app))).toEqual([]);
  });

  it('after bundle-runtime it type-checks against the reference runtime', () => {
    const result = runCli(['bundle-runtime'], app);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/qpq-reference-runtime [\d.]+ written to qpq-runtime\/ \(\d+ files\)/);
    const tsconfig = fs.readFileSync(path.join(app, 'tsconfig.json'), 'utf8');
    expect(tsconfig).toContain('"quidproquo-core": ["./qpq-runtime/core/index.ts"]');
    expect(tsconfig).toContain('"@quidproquo/config-aws": ["./qpq-runtime/config-aws/index.ts"]');
    const check = typeCheck();
    expect(check.output).toBe('');
    expect(check.code).toBe(0);

    const before = snapshotTree(app);
    const again = runCli(['bundle-runtime'], app);
    expect(again.stdout).toMatch(/^bundle-runtime: nothing to change\n/);
    expect(expectSameTree(before, snapshotTree(app))).toEqual([]);
  });

  it('lints clean with the recommended type-checked config', () => {
    const report = lint();
    expect(report.messages).toEqual([]);
    expect(report.errorCount + report.warningCount).toBe(0);
  });

  it('scoped-packages then still type-checks and lints clean', () => {
    const result = runCli(['scoped-packages'], app);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/package\.json:\d+ {2}dependencies: quidproquo-core -> @quidproquo\/core \^0\.0\.250/);
    expect(result.stdout).toMatch(/no new errors\./);
    const config = fs.readFileSync(path.join(app, 'src/qpq.config.ts'), 'utf8');
    expect(config).toContain("from '@quidproquo/core';");
    expect(config).not.toMatch(/'quidproquo-/);
    expect(typeCheck()).toEqual({ code: 0, output: '' });
    expect(lint().messages).toEqual([]);
  });
});
