import * as fs from 'node:fs';
import * as path from 'node:path';
import { allEntries, compareVersions, releaseTables } from 'qpq-contracts';
import { afterAll, describe, expect, it } from 'vitest';

import { DEFAULT_TSCONFIG, expectSameTree, FIXTURES_DIR, runInProcess, snapshotTree, tempDir } from './support/harness';

/**
 * One fixture project per release (`__testfixtures__/upgrade/<release>/input` -> `output`): a file
 * per entry of the release, named by its id, and `manual.txt`, the manual steps the run must list.
 * The project's package.json declares the release before, so the run finds its version there.
 */
const CASES_DIR = path.join(FIXTURES_DIR, 'upgrade');
const releases = fs.readdirSync(CASES_DIR).sort(compareVersions);
const previousOf = (release: string) => releaseTables().find((t) => t.release === release)!.previous;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function project(release: string): string {
  const dir = tempDir(`upgrade-${release}`);
  made.push(dir);
  fs.cpSync(path.join(CASES_DIR, release, 'input'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), DEFAULT_TSCONFIG);
  return dir;
}

function tree(dir: string): Map<string, Buffer> {
  const files = snapshotTree(dir);
  files.delete('tsconfig.json');
  return files;
}

function manualSteps(stdout: string): string[] {
  const start = stdout.indexOf('\nManual steps (');
  if (start === -1) return [];
  const lines = stdout
    .slice(start + 1)
    .split('\n')
    .slice(1);
  return lines
    .slice(
      0,
      lines.findIndex((l) => !l.startsWith('  ')),
    )
    .map((l) => l.slice(2));
}

describe('qpq-codemod upgrade, release by release', () => {
  it('has a fixture project for every release with entries', () => {
    const withEntries = [...new Set(allEntries().map((e) => e.release))].sort(compareVersions);
    expect(releases).toEqual(withEntries);
  });

  for (const release of releases) {
    describe(`to ${release}`, () => {
      const caseDir = path.join(CASES_DIR, release);
      const expectedManual = fs
        .readFileSync(path.join(caseDir, 'manual.txt'), 'utf8')
        .split('\n')
        .filter((l) => l !== '');

      it('has a before and after file for each entry: class A changed, class B listed', () => {
        const input = path.join(caseDir, 'input');
        const output = path.join(caseDir, 'output');
        for (const entry of allEntries().filter((e) => e.release === release)) {
          const file =
            entry.kind === 'package-scripts'
              ? 'package.json'
              : fs.readdirSync(path.join(input, 'src')).find((f) => f.replace(/(\.test)?\.ts$/, '') === entry.id);
          expect(file, `${entry.id}: no src/${entry.id}.ts`).toBeDefined();
          const relative = entry.kind === 'package-scripts' ? file! : path.join('src', file!);
          if (entry.class === 'A') {
            expect(fs.readFileSync(path.join(output, relative), 'utf8'), `${entry.id} changes its file`).not.toBe(
              fs.readFileSync(path.join(input, relative), 'utf8'),
            );
          } else {
            expect(
              expectedManual.some((l) => l.includes(`[${release} ${entry.id}]`) || l.includes(`[${release} ${entry.id}.`)),
              `${entry.id} is listed`,
            ).toBe(true);
          }
        }
      });

      it('finds the version in package.json, becomes the output tree, lists the manual steps, and a second run changes nothing', async () => {
        const dir = project(release);
        const first = await runInProcess(['upgrade', '--to', release, '--force', '--no-typecheck'], dir);
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        expect(first.stdout.split('\n')[0]).toMatch(
          new RegExp(
            `^Upgrade from quidproquo ${previousOf(release).replace(/\./g, '\\.')} \\(.* \\(declared ${previousOf(release).replace(/\./g, '\\.')}: package\\.json\\)\\) to ${release.replace(/\./g, '\\.')}\\.$`,
          ),
        );
        expect(manualSteps(first.stdout)).toEqual(expectedManual);
        const expected = snapshotTree(path.join(caseDir, 'output'));
        const actual = tree(dir);
        expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [file, bytes] of expected) expect(actual.get(file)?.toString('utf8'), file).toBe(bytes.toString('utf8'));

        // Again from the release before: every migration runs and finds nothing left to change.
        const second = await runInProcess(['upgrade', '--from', previousOf(release), '--to', release, '--force', '--no-typecheck'], dir);
        expect(second.code).toBe(0);
        expect(second.stdout).not.toMatch(/^ {2}applied /m);
        expect(expectSameTree(actual, tree(dir))).toEqual([]);
      });

      it('--dry prints the diffs and the manual steps and leaves every byte as it was', async () => {
        const dir = project(release);
        const before = snapshotTree(dir);
        const result = await runInProcess(['upgrade', '--to', release, '--dry', '--no-typecheck'], dir);
        expect(result.code).toBe(0);
        // The next release is not published: its dependencies are left for when it is.
        expect(result.stdout).toMatch(
          release === 'next' ? /^--- a\/src\/bc-2\.ts\n\+\+\+ b\/src\/bc-2\.ts\n/m : /^--- a\/package\.json\n\+\+\+ b\/package\.json\n/m,
        );
        expect(manualSteps(result.stdout)).toEqual(expectedManual);
        expect(expectSameTree(before, snapshotTree(dir))).toEqual([]);
      });
    });
  }
});
