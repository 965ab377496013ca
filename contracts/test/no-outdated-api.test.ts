import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { runContract } from '../src';
import { noOutdatedApi } from '../src/contracts/no-outdated-api';
import { dedent } from '../src/engine/dedent';

const STORY = dedent`
  import { decodeJWT } from 'quidproquo-webserver';

  export const claims = decodeJWT<{ sub: string }>('token');
`;

const roots: string[] = [];

/** A project on disk with quidproquo-webserver installed at `version`; returns its story file. */
function project(version: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qpq-outdated-'));
  roots.push(root);
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ dependencies: { 'quidproquo-webserver': version } }));
  install(root, version);
  fs.mkdirSync(path.join(root, 'src'));
  fs.writeFileSync(path.join(root, 'src', 'claims.ts'), STORY);
  return path.join(root, 'src', 'claims.ts');
}

function install(root: string, version: string): void {
  const dir = path.join(root, 'node_modules', 'quidproquo-webserver');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'quidproquo-webserver', version }));
}

/** The installed version each finding names, for the file in a new program (as after an edit). */
function installedSeen(file: string): string[] {
  const program = ts.createProgram([file], { noEmit: true, types: [] });
  const target = { ts, sourceFile: program.getSourceFile(file)!, checker: program.getTypeChecker(), program };
  return runContract(noOutdatedApi, target, undefined, () => {}).map((f) => f.data.installed);
}

describe('no-outdated-api', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });

  it('keeps the installed version while programs follow each other within a second, and reads the disk again after a pause', () => {
    let now = 1_000_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const file = project('0.0.9');
    const root = path.dirname(path.dirname(file));

    // Before the release that renamed `decodeJWT`: nothing to report.
    expect(installedSeen(file)).toEqual([]);
    install(root, '0.1.16');
    now += 900;
    // A new program 0.9 s later (a keystroke): the answer read before.
    expect(installedSeen(file)).toEqual([]);
    now += 900;
    // Another 0.9 s after that one: still within a second of the last program.
    expect(installedSeen(file)).toEqual([]);
    now += 1001;
    // After a pause of a second: the disk again, and the upgrade.
    expect(installedSeen(file)).toEqual(['0.1.16']);
  });
});
