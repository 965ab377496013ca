import * as fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';

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
      expect(result.stderr).toBe('');
      // --check: bundle-runtime always has a runtime to write into an empty project; the others have nothing to change.
      expect(result.code).toBe(transform.name === 'bundle-runtime' ? 1 : 0);
      expect(result.stdout.split('\n')[0]).toMatch(new RegExp(`^${transform.name}: (nothing to change|\\d+ files to change)$`));
    });
  }

  it('--dry and --print, each with every transform', async () => {
    const dir = project();
    for (const transform of allTransforms) {
      for (const mode of ['--dry', '--print']) {
        const result = await runInProcess([transform.name, mode, '--no-typecheck'], dir);
        expect(result.code, `${transform.name} ${mode}`).toBe(0);
        // --print writes the report to stderr, the sources to stdout; --dry the diffs, then the report.
        const report = mode === '--print' ? result.stderr : result.stdout;
        expect(report, `${transform.name} ${mode}`).toMatch(
          new RegExp(`^${transform.name}: (nothing to change|\\d+ files to change)$`, 'm'),
        );
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
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.split('\n')[0]).toBe(`${allTransforms.find((t) => t.migration)!.name}: nothing to change`);
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
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.split('\n')[0]).toBe('Upgrade from quidproquo 0.1.0 (given with --from) to 0.1.1.');
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
