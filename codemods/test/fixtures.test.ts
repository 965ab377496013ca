import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { allTransforms } from '../src/transforms';
import { applyTransform } from './support/define-test';
import { DEFAULT_TSCONFIG, FIXTURES_DIR, runInProcess, tempDir } from './support/harness';

/**
 * Input/output pairs: `__testfixtures__/<transform>/<case>.input.<ext>` must become
 * `<case>.output.<ext>` (an output equal to its input is a file that must not change).
 * `_*` files next to them are copied into every case's project (a re-export module, say).
 * JSON cases named `package*` / `tsconfig*` play the project's package.json / tsconfig.json.
 * A case whose output is its input has `<case>.notes.txt`: the report's lines about the file
 * (what it left alone and why), compared exactly. Each case runs through the CLI in its own
 * temporary project, and once more with CRLF line ends and a byte order mark; a second run changes
 * nothing. A case of one source file is also given to the transform directly (fast, in memory).
 */

interface Case {
  transform: string;
  name: string;
  input: string;
  output: string;
  /** The file name the case takes in its project. */
  fileName: string;
  /** `<case>.notes.txt`: the report's lines about the file, for a case that changes nothing. */
  notes: string;
  support: string[];
}

function cases(): Case[] {
  const found: Case[] = [];
  for (const transform of fs.readdirSync(FIXTURES_DIR).sort()) {
    const dir = path.join(FIXTURES_DIR, transform);
    const files = fs.readdirSync(dir).sort();
    const support = files.filter((f) => f.startsWith('_')).map((f) => path.join(dir, f));
    for (const file of files) {
      const match = /^(.+)\.input\.(ts|js|json)$/.exec(file);
      if (!match) continue;
      const [, name, ext] = match;
      const fileName = ext !== 'json' ? `${name}.${ext}` : name.startsWith('package') ? 'package.json' : 'tsconfig.json';
      found.push({
        transform,
        name,
        input: path.join(dir, file),
        output: path.join(dir, `${name}.output.${ext}`),
        notes: path.join(dir, `${name}.notes.txt`),
        fileName,
        support,
      });
    }
  }
  return found;
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function project(testCase: Case, transformText: (text: string) => string = (t) => t): string {
  const dir = tempDir(testCase.transform);
  made.push(dir);
  for (const file of testCase.support) fs.copyFileSync(file, path.join(dir, path.basename(file)));
  fs.writeFileSync(path.join(dir, testCase.fileName), transformText(fs.readFileSync(testCase.input, 'utf8')));
  if (!fs.existsSync(path.join(dir, 'tsconfig.json'))) fs.writeFileSync(path.join(dir, 'tsconfig.json'), DEFAULT_TSCONFIG);
  return dir;
}

const all = cases();

/** The report's lines about one file (`  file:line  left alone: ...`), each ending in a newline. */
function reportAbout(stdout: string, fileName: string): string {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(`  ${fileName}:`) || line.startsWith(`  ${fileName} `))
    .map((line) => `${line}\n`)
    .join('');
}

describe('fixture pairs', () => {
  it('cover every transform', () => {
    const covered = new Set(all.map((c) => c.transform));
    // Whole-project cases (`<case>/input`, `<case>/output` trees) have a test file of their own.
    for (const transform of fs.readdirSync(FIXTURES_DIR)) {
      const dir = path.join(FIXTURES_DIR, transform);
      if (fs.readdirSync(dir).some((c) => fs.existsSync(path.join(dir, c, 'input')) && fs.existsSync(path.join(dir, c, 'output'))))
        covered.add(transform);
    }
    // `upgrade` is a command, not a transform: its release projects have a test file of their own.
    expect([...covered].filter((c) => c !== 'upgrade').sort()).toEqual(allTransforms.map((t) => t.name).sort());
    for (const testCase of all) expect(fs.existsSync(testCase.output), `${testCase.output} is missing`).toBe(true);
  });

  for (const testCase of all) {
    describe(`${testCase.transform}/${testCase.name}`, () => {
      const transform = allTransforms.find((t) => t.name === testCase.transform)!;
      // A case the transform can take alone runs directly too, with no CLI or disk (fast); the CLI run still writes it.
      const direct =
        transform.transformSource !== undefined && transform.transformProject === undefined && !testCase.input.endsWith('.json');
      const unchanged = fs.readFileSync(testCase.input, 'utf8') === fs.readFileSync(testCase.output, 'utf8');

      it(`gives the expected output${unchanged ? ' and reports exactly why it changed nothing' : ''}${direct ? '' : ', and a second run changes nothing'}`, async () => {
        const dir = project(testCase);
        const file = path.join(dir, testCase.fileName);
        const first = await runInProcess([testCase.transform, '--no-typecheck', '--force'], dir);
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        expect(fs.readFileSync(file, 'utf8')).toBe(fs.readFileSync(testCase.output, 'utf8'));
        if (unchanged) {
          expect(fs.existsSync(testCase.notes), `${testCase.notes} is missing: a case that changes nothing says what it reports`).toBe(
            true,
          );
          expect(reportAbout(first.stdout, testCase.fileName)).toBe(fs.readFileSync(testCase.notes, 'utf8'));
        }
        if (direct) return;

        const second = await runInProcess([testCase.transform, '--no-typecheck', '--force'], dir);
        expect(second.code).toBe(0);
        expect(second.stdout).toMatch(new RegExp(`^${testCase.transform}: nothing to change`, 'm'));
        expect(fs.readFileSync(file, 'utf8')).toBe(fs.readFileSync(testCase.output, 'utf8'));
      });

      if (direct) {
        it('called directly on the file: gives the expected output, and a second call changes nothing', () => {
          const support = Object.fromEntries(testCase.support.map((f) => [path.basename(f), fs.readFileSync(f, 'utf8')]));
          const expected = fs.readFileSync(testCase.output, 'utf8');
          expect(applyTransform(transform, testCase.fileName, fs.readFileSync(testCase.input, 'utf8'), support).output).toBe(expected);
          expect(applyTransform(transform, testCase.fileName, expected, support).output).toBe(expected);
        });
      }

      it('keeps CRLF line ends and a byte order mark', async () => {
        const crlfWithBom = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
        const dir = project(testCase, crlfWithBom);
        const result = await runInProcess([testCase.transform, '--no-typecheck', '--force'], dir);
        expect(result.code).toBe(0);
        const written = fs.readFileSync(path.join(dir, testCase.fileName));
        expect(written.toString('utf8')).toBe(crlfWithBom(fs.readFileSync(testCase.output, 'utf8')));
      });
    });
  }
});
