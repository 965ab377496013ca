import * as fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';

import { REFERENCE_RUNTIME_FILES, REFERENCE_RUNTIME_VERSION } from '../../fixtures/support/reference-runtime';
import { allOptions, type CliOption, COMMON_OPTIONS, optionName } from '../src/cli-options';
import { allTransforms } from '../src/transforms';
import { DEFAULT_TSCONFIG, runInProcess, tempDir, writeFiles } from './support/harness';

/**
 * The usage text, the transform pages and the parser come from one list of options and the
 * transforms' metadata: every option a transform or command declares is printed and accepted.
 */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function project(): string {
  const dir = tempDir('cli-options');
  made.push(dir);
  writeFiles(dir, { 'tsconfig.json': DEFAULT_TSCONFIG, 'a.ts': 'export const a = 1;\n' });
  return dir;
}

const options = allOptions(allTransforms);
const takes = (command: string) => options.filter((o) => !o.owners || o.owners.includes(command));
/** Modes that exclude one another, and help, are run on their own. */
const ALONE = ['--dry', '--print', '--help'];
const VALUES: Record<string, string> = { '--from': '0.1.0', '--to': '0.1.1' };
/**
 * Each transform's report on the project above (tsconfig.json and a.ts): only bundle-runtime has
 * something to do there, its runtime, its manifest and the tsconfig paths.
 */
const BUNDLED = REFERENCE_RUNTIME_FILES.length + 2;
const nothing = (name: string, note = '') =>
  `${name}: nothing to change\n${note}\n2 files scanned: 0 to change, 2 unchanged, 0 skipped, 0 failed.\n`;
const REPORTS: Record<string, string> = {
  'config-v2': nothing('config-v2'),
  'queue-batch-window': nothing('queue-batch-window'),
  'action-factory': nothing('action-factory'),
  'scoped-packages': nothing('scoped-packages'),
  'bundle-runtime':
    `bundle-runtime: ${BUNDLED} files to change\n` +
    `  tsconfig.json  qpq-reference-runtime ${REFERENCE_RUNTIME_VERSION} written to qpq-runtime/ (${REFERENCE_RUNTIME_FILES.length} files)\n` +
    "  tsconfig.json  note: qpq-runtime/ is generated (re-run bundle-runtime to update it): the qpq ESLint rules and editor plugin skip its files by their first line; other linters need `ignores: ['qpq-runtime/**']`\n" +
    '  tsconfig.json  compilerOptions.paths maps the framework packages to the runtime\n' +
    `\n${BUNDLED + 1} files scanned: ${BUNDLED} to change, 1 unchanged, 0 skipped, 0 failed.\n`,
  'extract-infra': nothing('extract-infra', '  src/qpq.infra.ts  note: no @qpq annotations on stories: nothing to generate\n'),
};
/** The files bundle-runtime writes there, in the order --dry and --print show them. */
const BUNDLE_FILES = [...['.qpq-runtime.json', ...REFERENCE_RUNTIME_FILES].map((f) => `qpq-runtime/${f}`), 'tsconfig.json'].sort((a, b) =>
  a.localeCompare(b),
);
const words = (option: CliOption) => (option.value ? [option.flag, VALUES[option.flag] ?? option.example ?? 'x'] : [option.flag]);

describe('qpq-codemod --help', () => {
  it('lists every option of every transform and command, with its description', async () => {
    const help = await runInProcess(['--help'], process.cwd());
    expect(help.code).toBe(0);
    const lines = help.stdout.split('\n');
    for (const transform of allTransforms) {
      for (const option of transform.options ?? []) {
        const common = COMMON_OPTIONS.find((c) => c.flag === option.flag);
        const description = common ? common.description : `${transform.name}: ${option.description}`;
        expect(
          lines.filter((l) => l.startsWith(`  ${optionName(option)} `) && l.endsWith(`  ${description}`)),
          `${transform.name} ${option.flag}`,
        ).toHaveLength(1);
      }
    }
    for (const option of options) {
      const description = option.owners ? `${option.owners.join(', ')}: ${option.description}` : option.description;
      expect(
        lines.filter(
          (l) => l.startsWith(`  ${optionName(option)}${option.short ? `, -${option.short}` : ''} `) && l.endsWith(`  ${description}`),
        ),
        option.flag,
      ).toHaveLength(1);
    }
  });

  for (const transform of allTransforms) {
    it(`${transform.name} --help is its page, naming each option it takes`, async () => {
      const page = await runInProcess([transform.name, '--help'], process.cwd());
      expect(page.code).toBe(0);
      expect(page.stdout.startsWith(`qpq-codemod ${transform.name} [paths...] [options]\n`)).toBe(true);
      const own = transform.options ?? [];
      for (const option of own) expect(page.stdout).toContain(`\n  ${optionName(option)}  ${option.description}\n`);
      const also = COMMON_OPTIONS.filter((o) => o.flag !== '--help' && !own.some((mine) => mine.flag === o.flag)).map(optionName);
      expect(page.stdout.endsWith(`\nAlso: ${also.join(', ')} (see qpq-codemod --help).\n`)).toBe(true);
    });
  }
});

describe('every option is accepted by the command that takes it', () => {
  for (const transform of allTransforms) {
    it(`${transform.name} ${takes(transform.name)
      .filter((o) => !ALONE.includes(o.flag))
      .flatMap(words)
      .join(' ')}`, async () => {
      const args = takes(transform.name)
        .filter((o) => !ALONE.includes(o.flag))
        .flatMap(words);
      const result = await runInProcess([transform.name, ...args], project());
      // --check: bundle-runtime always has a runtime to write into an empty project; the others have nothing to change.
      const failedCheck =
        `Check failed: ${BUNDLED} files out of date; nothing was written. To update: qpq-codemod bundle-runtime ` +
        `${args.filter((word) => !['--check', '--force'].includes(word)).join(' ')}\n`;
      expect(result).toMatchObject(
        transform.name === 'bundle-runtime'
          ? { code: 1, stdout: REPORTS[transform.name] + failedCheck, stderr: '' }
          : { code: 0, stdout: REPORTS[transform.name], stderr: '' },
      );
    });
  }

  it('--dry and --print, each with every transform', async () => {
    const dir = project();
    for (const transform of allTransforms) {
      for (const mode of ['--dry', '--print']) {
        const result = await runInProcess([transform.name, mode, '--no-typecheck'], dir);
        const label = `${transform.name} ${mode}`;
        expect(result.code, label).toBe(0);
        const report = REPORTS[transform.name];
        // --print writes the report to stderr, the sources to stdout; --dry the diffs, then the report.
        if (transform.name !== 'bundle-runtime') {
          expect({ stdout: result.stdout, stderr: result.stderr }, label).toEqual(
            mode === '--print' ? { stdout: '', stderr: report } : { stdout: report, stderr: '' },
          );
        } else if (mode === '--print') {
          expect(result.stderr, label).toBe(`${report}Printed only: nothing was written.\n`);
          const headers = result.stdout.split('\n').filter((line) => line.startsWith('==> '));
          expect(headers, label).toEqual(BUNDLE_FILES.map((file) => `==> ${file} <==`));
        } else {
          expect(result.stderr, label).toBe('');
          const diffs = result.stdout.slice(0, result.stdout.indexOf(`\n${transform.name}: `) + 1);
          expect(result.stdout.slice(diffs.length), label).toBe(
            `${report}Dry run: nothing was written. To apply: qpq-codemod bundle-runtime --no-typecheck\n`,
          );
          const added = diffs.split('\n').filter((line) => line.startsWith('+++ '));
          expect(added, label).toEqual(BUNDLE_FILES.map((file) => `+++ b/${file}`));
        }
      }
    }
  });

  it(`migrate ${takes('migrate')
    .filter((o) => !ALONE.includes(o.flag))
    .flatMap(words)
    .join(' ')}`, async () => {
    const result = await runInProcess(
      [
        'migrate',
        ...takes('migrate')
          .filter((o) => !ALONE.includes(o.flag))
          .flatMap(words),
      ],
      project(),
    );
    const migrations = allTransforms.filter((t) => t.migration).map((t) => `${t.name}: nothing to change\n`);
    expect(result).toMatchObject({
      code: 0,
      stdout: `${migrations.join('')}\n2 files scanned: 0 to change, 2 unchanged, 0 skipped, 0 failed.\n`,
      stderr: '',
    });
  });

  it(`upgrade ${takes('upgrade')
    .filter((o) => !ALONE.includes(o.flag))
    .flatMap(words)
    .join(' ')}`, async () => {
    const result = await runInProcess(
      [
        'upgrade',
        ...takes('upgrade')
          .filter((o) => !ALONE.includes(o.flag))
          .flatMap(words),
      ],
      project(),
    );
    expect(result).toMatchObject({
      code: 0,
      stdout:
        'Upgrade from quidproquo 0.1.0 (given with --from) to 0.1.1.\n\nquidproquo 0.1.1\n  nothing to do: bc-158\n\nBy release:\n' +
        '  0.1.1: 0 applied, 0 manual, 1 nothing to do, 0 failed\n\n2 files scanned: 0 to change, 2 unchanged, 0 skipped, 0 failed.\n',
      stderr: '',
    });
  });

  it('an option of another command is refused with the command that takes it', async () => {
    for (const option of options.filter((o) => o.owners)) {
      const stranger = allTransforms.map((t) => t.name).find((name) => !option.owners!.includes(name))!;
      const result = await runInProcess([stranger, ...words(option)], project());
      expect(result.code, option.flag).toBe(2);
      const owners = options.filter((o) => o.flag === option.flag).flatMap((o) => o.owners!);
      expect(result.stderr.split('\n')[0]).toBe(
        `qpq-codemod: ${option.flag} is an option of ${owners.join(' and ')}; type: qpq-codemod ${owners[0]} ${words(option).join(' ')}`,
      );
    }
  });

  it('--check with --dry or --print is refused: it prints neither', async () => {
    const result = await runInProcess(['config-v2', '--check', '-d'], project());
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'qpq-codemod: --check prints no diff and no sources, it only says whether anything would change; type: qpq-codemod config-v2 --check, or qpq-codemod config-v2 --dry',
    );
  });
});
