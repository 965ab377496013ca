import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { findRuntimeSource } from '../src/lib/runtime-source';
import { DEFAULT_TSCONFIG, REPO_ROOT, runInProcess, tempDir, writeFiles } from './support/harness';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function project(): string {
  const dir = tempDir('bundle');
  made.push(dir);
  writeFiles(dir, {
    'tsconfig.json': DEFAULT_TSCONFIG,
    'src/story.ts':
      "import { askDateNow, AskResponse } from 'quidproquo-core';\n\nexport function* askNow(): AskResponse<string> {\n  return yield* askDateNow();\n}\n",
  });
  return dir;
}

describe('bundle-runtime', () => {
  const runtime = findRuntimeSource()!;

  it('writes the runtime with a header and a manifest, where --out says', async () => {
    const dir = project();
    const result = await runInProcess(['bundle-runtime', '--out', 'vendor/qpq', '--force'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/error/);
    const core = fs.readFileSync(path.join(dir, 'vendor/qpq/core/index.ts'), 'utf8');
    expect(core.startsWith(`// ${runtime.packageName} ${runtime.version}, written by \`qpq-codemod bundle-runtime\``)).toBe(true);
    expect(core).toContain(fs.readFileSync(path.join(runtime.dir, 'core/index.ts'), 'utf8'));
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'vendor/qpq/.qpq-runtime.json'), 'utf8'));
    expect(manifest).toMatchObject({ package: runtime.packageName, version: runtime.version });
    expect(manifest.files).toContain('webserver/index.ts');
    expect(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8')).toContain('"quidproquo-core": ["./vendor/qpq/core/index.ts"]');
  });

  it('stops with what to do when its manifest does not parse, and changes nothing', async () => {
    const dir = project();
    expect((await runInProcess(['bundle-runtime', '--force'], dir)).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'qpq-runtime/.qpq-runtime.json'), '{ "files": [');
    const tsconfig = fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8');
    const result = await runInProcess(['bundle-runtime', '--force'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^qpq-codemod: qpq-runtime\/\.qpq-runtime\.json is not valid JSON \(.+\), so what bundle-runtime wrote there is not known: restore it from version control, or delete the folder and run bundle-runtime again\n$/,
    );
    expect(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8')).toBe(tsconfig);
  });

  it('updates in place: restores edited files, removes files the runtime no longer has, keeps CRLF copies as they are', async () => {
    const dir = project();
    expect((await runInProcess(['bundle-runtime', '--force'], dir)).code).toBe(0);
    const out = path.join(dir, 'qpq-runtime');
    const manifestPath = path.join(out, '.qpq-runtime.json');
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    // A file an older runtime had, an edited file, and a file checked out with CRLF line ends.
    fs.writeFileSync(path.join(out, 'core/retired.ts'), 'export const retired = true;\n');
    fs.writeFileSync(manifestPath, JSON.stringify({ ...manifest, files: [...manifest.files, 'core/retired.ts'] }));
    const edited = path.join(out, 'webserver/index.ts');
    const original = fs.readFileSync(edited, 'utf8');
    fs.writeFileSync(edited, `${original}export const patched = 1;\n`);
    const crlf = path.join(out, 'core/index.ts');
    const crlfText = fs.readFileSync(crlf, 'utf8').replace(/\n/g, '\r\n');
    fs.writeFileSync(crlf, crlfText);

    const again = await runInProcess(['bundle-runtime', '--force'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/written to qpq-runtime\/ \(1 of \d+ files updated, 1 removed\)/);
    expect(fs.existsSync(path.join(out, 'core/retired.ts'))).toBe(false);
    expect(fs.readFileSync(edited, 'utf8')).toBe(original);
    expect(fs.readFileSync(crlf, 'utf8')).toBe(crlfText);
    expect(JSON.parse(fs.readFileSync(manifestPath, 'utf8'))).toEqual(manifest);

    const third = await runInProcess(['bundle-runtime', '--force'], dir);
    expect(third.stdout).toMatch(/^bundle-runtime: nothing to change\n/);
  });

  // `tsc --init` of TypeScript 6 and 7 writes the same settings: module nodenext, target esnext,
  // verbatimModuleSyntax, exactOptionalPropertyTypes, noUncheckedIndexedAccess, isolatedModules.
  function initProject(type: 'module' | 'commonjs', files: Record<string, string> = {}): string {
    const dir = tempDir('bundle-init');
    made.push(dir);
    writeFiles(dir, { 'package.json': JSON.stringify({ name: 'app', private: true, type }), ...files });
    const init = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/typescript-6/bin/tsc'), '--init'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(init.status).toBe(0);
    return dir;
  }
  const STORY =
    "import { askDateNow, type AskResponse } from 'quidproquo-core';\n\nexport function* askNow(): AskResponse<string> {\n  return yield* askDateNow();\n}\n";
  const tsc = (bin: string, dir: string) =>
    spawnSync(process.execPath, [path.join(REPO_ROOT, bin), '--noEmit', '-p', dir], { encoding: 'utf8' });

  it('writes a runtime that type-checks under the settings tsc --init writes, in an ES module package', async () => {
    const dir = initProject('module', { 'src/story.ts': STORY });
    const result = await runInProcess(['bundle-runtime', '--force'], dir);
    expect(result.stdout).not.toMatch(/error/);
    expect(result.code).toBe(0);
    const check = tsc('node_modules/typescript-6/bin/tsc', dir);
    expect(check.stdout).toBe('');
    expect(check.status).toBe(0);
  });

  it('says what does not type-check on every run, not only on the run that wrote the files', async () => {
    // A CommonJS package (npm init writes "type": "commonjs") under tsc --init's verbatimModuleSyntax.
    const dir = initProject('commonjs', { 'src/story.ts': STORY });
    const first = await runInProcess(['bundle-runtime', '--force'], dir);
    expect(first.code).toBe(1);
    const errorLines = (stdout: string) => stdout.split('\n').filter((line) => /^ {2}qpq-runtime\/\S+:\d+:\d+: TS\d+: /.test(line));
    expect(errorLines(first.stdout).length).toBeGreaterThan(10);
    expect(errorLines(first.stdout)).toContain(
      "  qpq-runtime/core/actions/date.ts:4:1: TS1287: A top-level 'export' modifier cannot be used on value declarations in a CommonJS module when 'verbatimModuleSyntax' is enabled.",
    );
    expect(first.stdout).toContain('set "type": "module" in package.json, as the settings of tsc --init expect');

    const second = await runInProcess(['bundle-runtime', '--force'], dir);
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(new RegExp(`^bundle-runtime: ${errorLines(first.stdout).length} errors, nothing changed\n`));
    expect(errorLines(second.stdout)).toEqual(errorLines(first.stdout));
  });

  it('keeps a paths mapping the project has for a package, and names what the project imports that the runtime lacks', async () => {
    const config =
      "import { defineAwsServiceAccountInfo, defineAwsAlarm } from 'quidproquo-config-aws';\n\nexport const settings = [defineAwsServiceAccountInfo('1', 'eu-west-1'), defineAwsAlarm('cpu')];\n";
    const dir = initProject('module', { 'src/story.ts': STORY, 'src/config.ts': config });
    const missing = await runInProcess(['bundle-runtime', '--force'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(
      /^bundle-runtime: 1 error, \d+ files changed\n {2}src\/config\.ts:1:39: 'defineAwsAlarm' is not in the reference runtime's quidproquo-config-aws /,
    );

    // The project declares the package itself, in typings/, mapped in paths: that mapping stays.
    const typings =
      'export declare function defineAwsServiceAccountInfo(account: string, region: string): { uniqueKey: string };\nexport declare function defineAwsAlarm(name: string): { uniqueKey: string };\n';
    writeFiles(dir, { 'typings/quidproquo-config-aws.d.ts': typings });
    const tsconfigPath = path.join(dir, 'tsconfig.json');
    const mapped = fs
      .readFileSync(tsconfigPath, 'utf8')
      .replace(
        '"quidproquo-config-aws": ["./qpq-runtime/config-aws/index.ts"]',
        '"quidproquo-config-aws": ["./typings/quidproquo-config-aws.d.ts"]',
      );
    fs.writeFileSync(tsconfigPath, mapped);
    const kept = await runInProcess(['bundle-runtime', '--force'], dir);
    expect(kept.stdout).toContain(
      `tsconfig.json  left alone: paths quidproquo-config-aws is the project's own (["./typings/quidproquo-config-aws.d.ts"]): kept; quidproquo-config-aws is not mapped to the runtime`,
    );
    expect(kept.code).toBe(0);
    expect(fs.readFileSync(tsconfigPath, 'utf8')).toBe(mapped);
    expect(tsc('node_modules/typescript-6/bin/tsc', dir).status).toBe(0);
  });

  it('moves a mapping onto a runtime it bundled before, when --out puts the runtime elsewhere', async () => {
    const dir = initProject('module', { 'src/story.ts': STORY });
    expect((await runInProcess(['bundle-runtime', '--force'], dir)).code).toBe(0);
    const moved = await runInProcess(['bundle-runtime', '--out', 'vendor/qpq', '--force'], dir);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain('paths quidproquo-core -> ./vendor/qpq/core/index.ts (was ["./qpq-runtime/core/index.ts"])');
  });
});
