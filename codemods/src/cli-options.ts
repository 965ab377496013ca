import { parseArgs } from 'node:util';

import { UsageError } from './lib/project';
import type { Transform, TransformOption } from './transform';

/**
 * An option of the command line. The usage text, the transform pages and the parser are all made
 * from these lists and the transforms' own `options`, so a flag cannot be accepted and unlisted.
 */
export interface CliOption extends TransformOption {
  /** One-letter alias, without the dash (`d` for `-d`). */
  short?: string;
  /** The commands and transforms that take it; absent: every one. */
  owners?: readonly string[];
}

/** Options every transform and command takes. */
export const COMMON_OPTIONS: readonly CliOption[] = [
  { flag: '--dry', short: 'd', description: 'print a unified diff per changed file; write nothing' },
  { flag: '--print', short: 'p', description: 'print the transformed sources to stdout (the report to stderr); write nothing' },
  { flag: '--check', description: 'write nothing; exit 1 when anything would change (for CI)' },
  { flag: '--project', value: 'tsconfig', example: 'tsconfig.json', description: 'the tsconfig to use instead of the nearest one' },
  { flag: '--force', description: 'write even when the git work tree has uncommitted changes' },
  { flag: '--no-typecheck', description: 'skip the type check of the changed files after writing' },
  { flag: '--help', short: 'h', description: 'this text; after a transform, its page' },
];

/** Options of the commands that are not transforms. */
export const COMMAND_OPTIONS: readonly CliOption[] = [
  {
    flag: '--from',
    value: 'version',
    example: '0.1.8',
    owners: ['migrate', 'upgrade'],
    description:
      'the quidproquo release the code is written for (default: read from node_modules, the lockfile or package.json up to the workspace root)',
  },
  {
    flag: '--to',
    value: 'version',
    example: '0.1.8',
    owners: ['upgrade'],
    description: 'the release to move to (default: the newest the tables know; next: unreleased)',
  },
  { flag: '--insert-todos', owners: ['upgrade'], description: 'also write each manual step as a TODO(qpq-codemod) comment above its site' },
];

/** Every option: the common ones, the commands', then each transform's own (a flag may belong to several). */
export function allOptions(transforms: readonly Transform[]): CliOption[] {
  const options: CliOption[] = [...COMMON_OPTIONS, ...COMMAND_OPTIONS];
  for (const transform of transforms) {
    for (const option of transform.options ?? []) {
      // A transform may describe a common option in its own terms (extract-infra's --check): still one option.
      if (COMMON_OPTIONS.some((common) => common.flag === option.flag)) continue;
      options.push({ ...option, owners: [transform.name] });
    }
  }
  return options;
}

/** One option as it was given. */
export interface GivenOption {
  /** The options of that flag (several when transforms share it, as `--out`). */
  flag: string;
  /** As typed: `-d`, `--dry`. */
  raw: string;
  value?: string;
}

export interface CommandLine {
  paths: string[];
  given: GivenOption[];
}

/** Reads `[paths...] [options]` with `node:util`'s parser, configured from the options' metadata. */
export function parseCommandLine(
  command: string,
  args: readonly string[],
  options: readonly CliOption[],
  closest: (word: string, candidates: readonly string[]) => string | undefined,
): CommandLine {
  const config: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const option of options)
    config[option.flag.slice(2)] = { type: option.value ? 'string' : 'boolean', ...(option.short ? { short: option.short } : {}) };
  // Not strict: an unknown option, a missing value and the like are reported below in this tool's words.
  const { tokens } = parseArgs({ args: [...args], options: config, strict: false, allowPositionals: true, tokens: true });
  const line: CommandLine = { paths: [], given: [] };
  for (const token of tokens) {
    if (token.kind === 'positional') line.paths.push(token.value);
    if (token.kind !== 'option') continue;
    const flag = `--${token.name}`;
    const option = options.find((o) => o.flag === flag);
    if (!option) {
      const typed = token.inlineValue ? `${token.rawName}=${token.value}` : token.rawName;
      const close = closest(
        token.rawName,
        options.map((o) => o.flag),
      );
      throw new UsageError(
        `unknown option '${typed}'; ${close ? `did you mean ${close}? type: qpq-codemod ${command} ${close}` : 'type: qpq-codemod --help'}`,
      );
    }
    if (!option.value) {
      if (token.inlineValue) throw new UsageError(`${flag} takes no value; type: qpq-codemod ${command} ${flag}`);
      line.given.push({ flag, raw: token.rawName });
      continue;
    }
    const value = token.value;
    // `--project --dry`: the parser takes the next word as the value; a flag is not one.
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('-'))) {
      const own = options.find((o) => o.flag === flag && (!o.owners || o.owners.includes(command))) ?? option;
      throw new UsageError(`${flag} needs a value; type: qpq-codemod ${command} ${flag} ${own.example ?? `<${own.value}>`}`);
    }
    line.given.push({ flag, raw: token.rawName, value });
  }
  return line;
}

/** `  --flag <value>, -x` and its description, for the usage text. */
export function optionLines(options: readonly CliOption[], describe: (option: CliOption) => string = (o) => o.description): string[] {
  return options.map((option) => {
    const name = `${option.flag}${option.value ? ` <${option.value}>` : ''}${option.short ? `, -${option.short}` : ''}`;
    return `  ${name.padEnd(22)}  ${describe(option)}`;
  });
}

export function optionName(option: CliOption): string {
  return `${option.flag}${option.value ? ` <${option.value}>` : ''}`;
}
