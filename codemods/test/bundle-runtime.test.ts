import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { REFERENCE_RUNTIME_FILES, REFERENCE_RUNTIME_VERSION } from '../../fixtures/support/reference-runtime';
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

/** The files a first bundle writes: the runtime, its manifest, and tsconfig.json. */
const WRITTEN = REFERENCE_RUNTIME_FILES.length + 2;
const WRITTEN_LINE = (out: string) =>
  `  tsconfig.json  qpq-reference-runtime ${REFERENCE_RUNTIME_VERSION} written to ${out}/ (${REFERENCE_RUNTIME_FILES.length} files)\n`;
const GENERATED_NOTE = (out: string) =>
  `  tsconfig.json  note: ${out}/ is generated (re-run bundle-runtime to update it): the qpq ESLint rules and editor plugin skip its files by their first line; other linters need \`ignores: ['${out}/**']\`\n`;
const PATHS_LINE = '  tsconfig.json  compilerOptions.paths maps the framework packages to the runtime\n';
const scanned = (total: number, changed: number) =>
  `\n${total} files scanned: ${changed} changed, ${total - changed} unchanged, 0 skipped, 0 failed.\n`;
/** The report of a first bundle into `out` in a project of `projectFiles` files, with nothing to complain about. */
const firstBundleReport = (out: string, projectFiles: number) =>
  `bundle-runtime: ${WRITTEN} files changed\n${WRITTEN_LINE(out)}${GENERATED_NOTE(out)}${PATHS_LINE}${scanned(projectFiles + WRITTEN - 1, WRITTEN)}`;

describe('bundle-runtime', () => {
  const runtime = findRuntimeSource()!;

  it('writes the runtime with a header and a manifest, where --out says', async () => {
    const dir = project();
    const result = await runInProcess(['bundle-runtime', '--out', 'vendor/qpq', '--force'], dir);
    expect(result).toMatchObject({ code: 0, stdout: firstBundleReport('vendor/qpq', 2), stderr: '' });
    expect(fs.readFileSync(path.join(dir, 'vendor/qpq/core/index.ts'), 'utf8')).toBe(
      `// qpq-reference-runtime ${REFERENCE_RUNTIME_VERSION}, written by \`qpq-codemod bundle-runtime\`: re-run it to update; edits here are overwritten.\n` +
        fs.readFileSync(path.join(runtime.dir, 'core/index.ts'), 'utf8'),
    );
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'vendor/qpq/.qpq-runtime.json'), 'utf8'))).toEqual({
      package: 'qpq-reference-runtime',
      version: REFERENCE_RUNTIME_VERSION,
      files: REFERENCE_RUNTIME_FILES,
    });
    const mapped = (name: string) => `["./vendor/qpq/${name}/index.ts"]`;
    expect(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8')).toBe(
      DEFAULT_TSCONFIG.replace(
        '"types": []\n',
        '"types": [],\n    "paths": {\n' +
          ['core', 'webserver', 'config-aws']
            .flatMap((name) => [`      "quidproquo-${name}": ${mapped(name)}`, `      "@quidproquo/${name}": ${mapped(name)}`])
            .join(',\n') +
          '\n    }\n',
      ),
    );
  });

  it('stops with what to do when its manifest does not parse, and changes nothing', async () => {
    const dir = project();
    expect((await runInProcess(['bundle-runtime', '--force'], dir)).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'qpq-runtime/.qpq-runtime.json'), '{ "files": [');
    const tsconfig = fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8');
    const result = await runInProcess(['bundle-runtime', '--force'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'qpq-codemod: qpq-runtime/.qpq-runtime.json is not valid JSON (Unexpected end of JSON input), so what bundle-runtime wrote there is not known: restore it from version control, or delete the folder and run bundle-runtime again\n',
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
    // Changed: the edited file, the manifest, and the retired file (removed); CRLF is not a change.
    expect(again).toMatchObject({
      code: 0,
      stdout: `bundle-runtime: 3 files changed\n  tsconfig.json  qpq-reference-runtime ${REFERENCE_RUNTIME_VERSION} written to qpq-runtime/ (1 of ${REFERENCE_RUNTIME_FILES.length} files updated, 1 removed)\n${scanned(WRITTEN + 2, 3)}`,
      stderr: '',
    });
    expect(fs.existsSync(path.join(out, 'core/retired.ts'))).toBe(false);
    expect(fs.readFileSync(edited, 'utf8')).toBe(original);
    expect(fs.readFileSync(crlf, 'utf8')).toBe(crlfText);
    expect(JSON.parse(fs.readFileSync(manifestPath, 'utf8'))).toEqual(manifest);

    const third = await runInProcess(['bundle-runtime', '--force'], dir);
    expect(third).toMatchObject({ code: 0, stdout: `bundle-runtime: nothing to change\n${scanned(WRITTEN, 0)}`, stderr: '' });
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
    spawnSync(process.execPath, [path.join(REPO_ROOT, bin), '--noEmit', '-p', '.'], { cwd: dir, encoding: 'utf8' });

  it('writes a runtime that type-checks under the settings tsc --init writes, in an ES module package', async () => {
    const dir = initProject('module', { 'src/story.ts': STORY });
    const result = await runInProcess(['bundle-runtime', '--force'], dir);
    expect(result).toMatchObject({ code: 0, stdout: firstBundleReport('qpq-runtime', 3), stderr: '' });
    const check = tsc('node_modules/typescript-6/bin/tsc', dir);
    expect(check.stdout).toBe('');
    expect(check.status).toBe(0);
  });

  it('says what does not type-check on every run, not only on the run that wrote the files', async () => {
    // A CommonJS package (npm init writes "type": "commonjs") under tsc --init's verbatimModuleSyntax.
    const dir = initProject('commonjs', { 'src/story.ts': STORY });
    const first = await runInProcess(['bundle-runtime', '--force'], dir);
    // The codemod lists exactly what tsc itself reports in the runtime, in the codemod's format;
    // the project's own story has the same two complaints, which are not the runtime's to list.
    const check = tsc('node_modules/typescript-6/bin/tsc', dir);
    expect(check.status).toBe(2);
    const reported = check.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.replace(/^(\S+)\((\d+),(\d+)\): error (TS\d+): /, '  $1:$2:$3: $4: '));
    const TS1295 =
      "TS1295: ECMAScript imports and exports cannot be written in a CommonJS file under 'verbatimModuleSyntax'. Adjust the 'type' field in the nearest 'package.json' to make this file an ECMAScript module, or adjust your 'verbatimModuleSyntax', 'module', and 'moduleResolution' settings in TypeScript.";
    const TS1287 =
      "TS1287: A top-level 'export' modifier cannot be used on value declarations in a CommonJS module when 'verbatimModuleSyntax' is enabled.";
    expect(reported.filter((line) => !line.startsWith('  qpq-runtime/'))).toEqual([
      `  src/story.ts:1:10: ${TS1295}`,
      `  src/story.ts:3:1: ${TS1287}`,
    ]);
    const errors = reported.filter((line) => line.startsWith('  qpq-runtime/'));
    expect(errors).toHaveLength(99);
    expect(errors.filter((line) => !line.endsWith(TS1295) && !line.endsWith(TS1287))).toEqual([]);
    const notes =
      `  tsconfig.json  note: the runtime does not type-check under this tsconfig (${errors.length} errors above); every run of bundle-runtime lists them until they are gone\n` +
      '  tsconfig.json  note: the .ts files here are CommonJS (package.json has no "type": "module") and verbatimModuleSyntax forbids import/export in them: set "type": "module" in package.json, as the settings of tsc --init expect\n';
    expect(first).toMatchObject({
      code: 1,
      stdout: `bundle-runtime: ${errors.length} errors, ${WRITTEN} files changed\n${errors.join('\n')}\n${WRITTEN_LINE('qpq-runtime')}${GENERATED_NOTE('qpq-runtime')}${PATHS_LINE}${notes}${scanned(WRITTEN + 2, WRITTEN)}`,
      stderr: '',
    });

    const second = await runInProcess(['bundle-runtime', '--force'], dir);
    expect(second).toMatchObject({
      code: 1,
      stdout: `bundle-runtime: ${errors.length} errors, nothing changed\n${errors.join('\n')}\n${notes}${scanned(WRITTEN + 1, 0)}`,
      stderr: '',
    });
  });

  it('keeps a paths mapping the project has for a package, and names what the project imports that the runtime lacks', async () => {
    const config =
      "import { defineAwsServiceAccountInfo, defineAwsAlarm } from 'quidproquo-config-aws';\n\nexport const settings = [defineAwsServiceAccountInfo('1', 'eu-west-1'), defineAwsAlarm('cpu')];\n";
    const dir = initProject('module', { 'src/story.ts': STORY, 'src/config.ts': config });
    const missing = await runInProcess(['bundle-runtime', '--force'], dir);
    expect(missing).toMatchObject({
      code: 1,
      stdout:
        `bundle-runtime: 1 error, ${WRITTEN} files changed\n` +
        "  src/config.ts:1:39: 'defineAwsAlarm' is not in the reference runtime's quidproquo-config-aws (it has the framework's current API): a name the framework removed is moved off by `qpq-codemod migrate`; for another, declare it in typings of the project's own mapped in tsconfig paths (bundle-runtime keeps such a mapping), or install the framework package\n" +
        `${WRITTEN_LINE('qpq-runtime')}${GENERATED_NOTE('qpq-runtime')}${PATHS_LINE}${scanned(WRITTEN + 3, WRITTEN)}`,
      stderr: '',
    });

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
    expect(kept).toMatchObject({
      code: 0,
      stdout: `bundle-runtime: nothing to change\n  tsconfig.json  left alone: paths quidproquo-config-aws is the project's own (["./typings/quidproquo-config-aws.d.ts"]): kept; quidproquo-config-aws is not mapped to the runtime\n${scanned(WRITTEN + 3, 0)}`,
      stderr: '',
    });
    expect(fs.readFileSync(tsconfigPath, 'utf8')).toBe(mapped);
    expect(tsc('node_modules/typescript-6/bin/tsc', dir).status).toBe(0);
  });

  it('moves a mapping onto a runtime it bundled before, when --out puts the runtime elsewhere', async () => {
    const dir = initProject('module', { 'src/story.ts': STORY });
    expect((await runInProcess(['bundle-runtime', '--force'], dir)).code).toBe(0);
    const moved = await runInProcess(['bundle-runtime', '--out', 'vendor/qpq', '--force'], dir);
    // The runtime bundled before stays where it is (removing it is the project's call): scanned, not changed.
    const movedPaths = ['core', 'webserver', 'config-aws'].flatMap((name) =>
      [`quidproquo-${name}`, `@quidproquo/${name}`].map(
        (mapping) => `  tsconfig.json  paths ${mapping} -> ./vendor/qpq/${name}/index.ts (was ["./qpq-runtime/${name}/index.ts"])\n`,
      ),
    );
    expect(moved).toMatchObject({
      code: 0,
      stdout: `bundle-runtime: ${WRITTEN} files changed\n${WRITTEN_LINE('vendor/qpq')}${GENERATED_NOTE('vendor/qpq')}${movedPaths.join('')}${scanned(2 * WRITTEN, WRITTEN)}`,
      stderr: '',
    });
  });
});
