import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRuntimeSource } from '../src/lib/runtime-source';
import { DEFAULT_TSCONFIG, runInProcess, tempDir, writeFiles } from './support/harness';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function project(): string {
  const dir = tempDir('bundle');
  made.push(dir);
  writeFiles(dir, { 'tsconfig.json': DEFAULT_TSCONFIG, 'src/story.ts': "import { askDateNow, AskResponse } from 'quidproquo-core';\n\nexport function* askNow(): AskResponse<string> {\n  return yield* askDateNow();\n}\n" });
  return dir;
}

describe('bundle-runtime', () => {
  const runtime = findRuntimeSource()!;

  it('writes the runtime with a header and a manifest, where --out says', async () => {
    const dir = project();
    const result = await runInProcess(['bundle-runtime', '--out', 'vendor/qpq', '--force'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no new errors\./);
    const core = fs.readFileSync(path.join(dir, 'vendor/qpq/core/index.ts'), 'utf8');
    expect(core.startsWith(`// ${runtime.packageName} ${runtime.version}, written by \`qpq-codemod bundle-runtime\``)).toBe(true);
    expect(core).toContain(fs.readFileSync(path.join(runtime.dir, 'core/index.ts'), 'utf8'));
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'vendor/qpq/.qpq-runtime.json'), 'utf8'));
    expect(manifest).toMatchObject({ package: runtime.packageName, version: runtime.version });
    expect(manifest.files).toContain('webserver/index.ts');
    expect(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8')).toContain('"quidproquo-core": ["./vendor/qpq/core/index.ts"]');
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
});
