import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { REPO_ROOT, runInProcess, snapshotTree, tempDir } from './support/harness';

/**
 * fixtures/upgrade-app: a service written against quidproquo 0.1.0 (it compiles against
 * declarations of the 0.1.0 API, stubs/0.1.0), upgraded to the newest release in one run. The
 * result compiles against declarations of the 0.1.16 API (stubs/0.1.16), which the code as written
 * does not.
 */
const APP = path.join(REPO_ROOT, 'fixtures', 'upgrade-app');
const TSC = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

function typeCheck(tsconfig: string): { code: number; output: string } {
  const result = spawnSync(process.execPath, [TSC, '-p', tsconfig, '--pretty', 'false'], { encoding: 'utf8' });
  return { code: result.status ?? -1, output: (result.stdout + result.stderr).split(path.sep).join('/') };
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('qpq-codemod upgrade from 0.1.0 to the newest release in one run', () => {
  it('starts from code that compiles against 0.1.0 and not against 0.1.16', () => {
    expect(typeCheck(path.join(APP, 'tsconfig.json'))).toEqual({ code: 0, output: '' });
    const target = typeCheck(path.join(APP, 'tsconfig.target.json'));
    expect(target.code).toBe(2);
    expect(target.output.split('\n').filter((l) => l.includes('error TS')).length).toBeGreaterThanOrEqual(6);
  });

  it('ends with the expected sources and dependencies, which compile against 0.1.16, and lists the manual step', async () => {
    const dir = tempDir('upgrade-span');
    made.push(dir);
    fs.cpSync(APP, dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}expected`) });
    const result = await runInProcess(['upgrade', '--force', '--no-typecheck'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(
      'Upgrade from quidproquo 0.1.0 (quidproquo-core 0.1.0 (declared 0.1.0: package.json)) to 0.1.16.',
    );
    expect(result.stdout).toContain(
      'Manual steps (1): the code is found, a person decides:\n  src/avatars.ts:8:17  [0.1.8 bc-107] `askMapParallelBatch(…)`: check callbacks that use the second or third parameter (they were relative to the batch)\n',
    );
    const expected = snapshotTree(path.join(APP, 'expected'));
    for (const [file, bytes] of expected) expect(fs.readFileSync(path.join(dir, file), 'utf8'), file).toBe(bytes.toString('utf8'));
    expect(typeCheck(path.join(dir, 'tsconfig.target.json'))).toEqual({ code: 0, output: '' });

    const again = await runInProcess(['upgrade', '--force', '--no-typecheck'], dir);
    expect(again.stdout).toContain('No migration lies between 0.1.16 and 0.1.16.');
    for (const [file, bytes] of expected) expect(fs.readFileSync(path.join(dir, file), 'utf8'), file).toBe(bytes.toString('utf8'));
  });
});
