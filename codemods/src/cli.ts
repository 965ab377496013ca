import { isVersion, normalizeVersion } from 'qpq-contracts';

import { UsageError } from './lib/project';
import type { Output } from './lib/reporter';
import {
  allOptions,
  type CliOption,
  type CommandLine,
  COMMON_OPTIONS,
  type GivenOption,
  optionLines,
  optionName,
  parseCommandLine,
} from './cli-options';
import { run, type RunMode } from './runner';
import type { Transform } from './transform';
import { allTransforms } from './transforms';

const COMMANDS_USAGE = `Usage:
  qpq-codemod list                                   list the transforms
  qpq-codemod <transform> [paths...] [options]       run one transform
  qpq-codemod migrate [paths...] [options]           run every migration whose old pattern is present, in order
  qpq-codemod upgrade [paths...] [options]           move the project from its quidproquo release to a newer one:
                                                     every migration of the releases in between, and the manual steps

Paths default to the files of the nearest tsconfig.json.
`;

/** Commands that are not transforms. */
const COMMANDS = ['migrate', 'upgrade', 'list', 'help'];
/** Options that choose what the run does with its changes; suggestions made from the command line leave them out. */
const MODE_FLAGS = ['--dry', '--print', '--check', '--force'];

const OPTIONS = allOptions(allTransforms);

/** The usage text: the commands, then every option, a command's or a transform's named before its description. */
export function usage(): string {
  const owned = (option: CliOption) => (option.owners ? `${option.owners.join(', ')}: ${option.description}` : option.description);
  return `${COMMANDS_USAGE}\nOptions:\n${optionLines(OPTIONS, owned).join('\n')}\n`;
}

/** Returns the process exit code: 0 done, 1 a file failed, 2 a usage error. */
export async function main(args: string[], out: Output, err: Output, options: { cwd?: string } = {}): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const [command, ...rest] = args;
  if (command === undefined) {
    err.write(usage());
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') return help(rest[0], out, err);
  if (command === '--version' || command === '-v') {
    out.write(`${version()}\n`);
    return 0;
  }
  if (command === 'list') {
    if (rest.length > 0) return usageError(err, `'list' takes no arguments; type: qpq-codemod list`);
    out.write(formatList());
    return 0;
  }
  if (command.startsWith('-')) {
    return usageError(err, `the transform comes first; type: qpq-codemod <transform> [paths...] ${command} (transforms: qpq-codemod list)`);
  }

  const migrate = command === 'migrate';
  const upgrade = command === 'upgrade';
  const transform = findTransform(command);
  if (!migrate && !upgrade && !transform) {
    const names = [...allTransforms.map((t) => t.name), 'migrate', 'upgrade', 'list'];
    const close = closest(command, names);
    return usageError(
      err,
      `unknown transform '${command}'; ${close ? `did you mean: qpq-codemod ${close}` : 'type: qpq-codemod list'} (transforms: ${allTransforms.map((t) => t.name).join(', ')})`,
    );
  }

  let line: CommandLine;
  try {
    line = parseCommandLine(command, rest, OPTIONS, closest);
  } catch (error) {
    if (error instanceof UsageError) return usageError(err, error.message);
    throw error;
  }
  const has = (flag: string) => line.given.some((g) => g.flag === flag);
  const valueOf = (flag: string) => line.given.find((g) => g.flag === flag)?.value;
  if (has('--help')) return help(command, out, err);
  const misplaced = misplacedOption(command, line);
  if (misplaced) return usageError(err, misplaced);
  const from = valueOf('--from');
  // `-d -p` (as jscodeshift takes them): the sources, not the diff.
  const mode: RunMode = has('--print') ? 'print' : has('--dry') ? 'dry' : has('--check') ? 'check' : 'write';
  const transforms: Transform[] = migrate ? allTransforms.filter((t) => t.migration) : upgrade ? [] : [transform!];
  const transformOptions = Object.fromEntries(
    (transform?.options ?? []).filter((o) => o.value).map((o) => [o.flag.slice(2), valueOf(o.flag)]),
  );
  try {
    return await run(
      {
        command,
        transforms,
        migrate,
        paths: line.paths,
        cwd,
        mode,
        allowUncommittedChanges: has('--force'),
        project: valueOf('--project'),
        typecheck: !has('--no-typecheck'),
        from: migrate && from !== undefined ? normalizeVersion(from) : undefined,
        upgradeOptions: upgrade ? { from, to: valueOf('--to'), insertTodos: has('--insert-todos') } : undefined,
        transformOptions,
        suggest: suggester(command, line),
      },
      out,
      err,
    );
  } catch (error) {
    if (error instanceof UsageError) return usageError(err, error.message, false);
    err.write(`qpq-codemod: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

/** Why the options given do not go together with the command or with one another; undefined when they do. */
function misplacedOption(command: string, line: CommandLine): string | undefined {
  for (const given of line.given) {
    const owners = OPTIONS.filter((o) => o.flag === given.flag).flatMap((o) => o.owners ?? [command]);
    if (!owners.includes(command)) {
      return `${given.flag} is an option of ${owners.join(' and ')}; type: qpq-codemod ${owners[0]} ${given.flag}${given.value !== undefined ? ` ${given.value}` : ''}`;
    }
  }
  const has = (flag: string) => line.given.some((g) => g.flag === flag);
  const from = line.given.find((g) => g.flag === '--from')?.value;
  if (from !== undefined && command === 'migrate' && !isVersion(from))
    return `--from '${from}' is not a release number; type: qpq-codemod migrate --from 0.1.8`;
  if (has('--check') && (has('--dry') || has('--print'))) {
    return `--check prints no diff and no sources, it only says whether anything would change; type: qpq-codemod ${command} --check, or qpq-codemod ${command} ${has('--print') ? '--print' : '--dry'}`;
  }
  return undefined;
}

/** The command line to suggest in a message: the one given, less the mode flags, with `extra` added (a flag) or in place of the paths. */
function suggester(command: string, line: CommandLine): (extra: string) => string {
  const kept = line.given.filter((g) => !MODE_FLAGS.includes(g.flag));
  const typed = (given: readonly GivenOption[]) => given.flatMap((g) => (g.value !== undefined ? [g.raw, g.value] : [g.raw]));
  return (extra) => {
    const words = ['qpq-codemod', command];
    if (extra === '' || extra.startsWith('--')) {
      const flagName = extra.split(/[ =]/)[0];
      words.push(...line.paths, ...typed(kept.filter((g) => !(flagName && g.raw === flagName))));
      if (extra) words.push(extra);
    } else {
      words.push(extra, ...typed(kept));
    }
    return words.join(' ');
  };
}

/** `help`, `help <command>`, `<transform> --help`: the usage text, or the transform's page. */
function help(topic: string | undefined, out: Output, err: Output): number {
  if (topic === undefined || COMMANDS.includes(topic)) {
    out.write(usage());
    return 0;
  }
  const transform = findTransform(topic);
  if (!transform) {
    const close = closest(topic, [...allTransforms.map((t) => t.name), ...COMMANDS]);
    return usageError(
      err,
      `no help for '${topic}': it is not a transform or command; ${close ? `did you mean: qpq-codemod help ${close}` : 'type: qpq-codemod list'}`,
      false,
    );
  }
  out.write(transformHelp(transform));
  return 0;
}

function findTransform(name: string): Transform | undefined {
  return allTransforms.find((t) => t.name === name);
}

export function formatList(): string {
  if (allTransforms.length === 0) return 'No transforms are available in this version.\n';
  const width = Math.max(...allTransforms.map((t) => t.name.length));
  return allTransforms
    .map((t) => `${t.name.padEnd(width)}  ${t.description} (${t.frameworkChange})${t.migration ? '' : ' [opt-in]'}\n`)
    .join('');
}

function transformHelp(transform: Transform): string {
  const lines = [
    `qpq-codemod ${transform.name} [paths...] [options]`,
    '',
    transform.description,
    `Framework change: ${transform.frameworkChange}.`,
    transform.migration ? 'Part of `qpq-codemod migrate`.' : 'Opt-in: runs only when named.',
  ];
  const own = transform.options ?? [];
  if (own.length > 0) lines.push('', 'Options of this transform:');
  for (const option of own) lines.push(`  ${optionName(option)}  ${option.description}`);
  const also = COMMON_OPTIONS.filter((o) => o.flag !== '--help' && !own.some((mine) => mine.flag === o.flag));
  lines.push('', `Also: ${also.map(optionName).join(', ')} (see qpq-codemod --help).`);
  return `${lines.join('\n')}\n`;
}

function version(): string {
  return (require('../package.json') as { version: string }).version;
}

function usageError(err: Output, message: string, withUsage = true): number {
  err.write(`qpq-codemod: ${message}\n${withUsage ? `\n${usage()}` : ''}`);
  return 2;
}

/** The candidate nearest to `word` by edit distance, when it is near enough to be a typo. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const prefix = candidates.find((c) => c.startsWith(word) || word.startsWith(c));
  if (bestDistance <= Math.max(2, Math.floor(word.length / 3))) return best;
  return prefix;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
