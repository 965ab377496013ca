import { isVersion, normalizeVersion } from 'qpq-contracts';
import { UsageError } from './lib/project';
import type { Output } from './lib/reporter';
import { run } from './runner';
import type { Transform } from './transform';
import { allTransforms } from './transforms';

const USAGE = `Usage:
  qpq-codemod list                                   list the transforms
  qpq-codemod <transform> [paths...] [options]       run one transform
  qpq-codemod migrate [paths...] [options]           run every migration whose old pattern is present, in order
  qpq-codemod upgrade [paths...] [options]           move the project from its quidproquo release to a newer one:
                                                     every migration of the releases in between, and the manual steps

Paths default to the files of the nearest tsconfig.json.

Options:
  --dry, -d               print a unified diff per changed file; write nothing
  --print, -p             print the transformed sources to stdout; write nothing
  --project <tsconfig>    the tsconfig to use instead of the nearest one
  --force                 run even when the git work tree has uncommitted changes
  --no-typecheck          skip the type check of the changed files after writing
  --out <dir>             bundle-runtime: where to write the runtime (default ./qpq-runtime)
  --out <file>            extract-infra: the generated config module (default src/qpq.infra.ts)
  --check                 write nothing; exit 1 when anything would change (for CI)
  --from <version>        migrate, upgrade: the quidproquo release the code is written for (default: read from
                          node_modules, the lockfile or package.json up to the workspace root)
  --to <version>          upgrade: the release to move to (default: the newest the tables know; next: unreleased)
  --insert-todos          upgrade: also write each manual step as a TODO(qpq-codemod) comment above its site
`;

interface ParsedArgs {
  paths: string[];
  dry: boolean;
  print: boolean;
  force: boolean;
  check: boolean;
  typecheck: boolean;
  project?: string;
  out?: string;
  from?: string;
  to?: string;
  insertTodos: boolean;
  /** The options as typed, to repeat them in suggestions. */
  flags: string[];
}

const SWITCHES: Record<string, keyof ParsedArgs> = { '--dry': 'dry', '-d': 'dry', '--print': 'print', '-p': 'print', '--force': 'force', '--check': 'check' };
const VALUED = ['--project', '--out', '--from', '--to'];
const KNOWN_FLAGS = ['--dry', '--print', '--force', '--check', '--no-typecheck', '--project', '--out', '--from', '--to', '--insert-todos', '--help'];
/** Commands that are not transforms. */
const COMMANDS = ['migrate', 'upgrade', 'list', 'help'];

/** Returns the process exit code: 0 done, 1 a file failed, 2 a usage error. */
export async function main(args: string[], out: Output, err: Output, options: { cwd?: string } = {}): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const [command, ...rest] = args;
  if (command === undefined) {
    err.write(USAGE);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = rest[0];
    if (topic === undefined || COMMANDS.includes(topic)) {
      out.write(USAGE);
      return 0;
    }
    const transform = findTransform(topic);
    if (!transform) {
      const close = closest(topic, [...allTransforms.map((t) => t.name), ...COMMANDS]);
      return usageError(err, `no help for '${topic}': it is not a transform or command; ${close ? `did you mean: qpq-codemod help ${close}` : 'type: qpq-codemod list'}`, false);
    }
    out.write(transformHelp(transform));
    return 0;
  }
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
    return usageError(err, `unknown transform '${command}'; ${close ? `did you mean: qpq-codemod ${close}` : 'type: qpq-codemod list'} (transforms: ${allTransforms.map((t) => t.name).join(', ')})`);
  }

  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(command, rest);
  } catch (error) {
    if (error instanceof UsageError) return usageError(err, error.message);
    throw error;
  }
  const outOwners = allTransforms.filter((t) => t.options?.some((o) => o.flag === '--out')).map((t) => t.name);
  if (parsed.out !== undefined && !outOwners.includes(command)) {
    return usageError(err, `--out is an option of ${outOwners.join(' and ')}; type: qpq-codemod ${outOwners[0]} --out ${parsed.out}`);
  }
  if (parsed.from !== undefined && !migrate && !upgrade) return usageError(err, `--from is an option of migrate and upgrade; type: qpq-codemod upgrade --from ${parsed.from}`);
  if ((parsed.to !== undefined || parsed.insertTodos) && !upgrade) {
    return usageError(err, `${parsed.to !== undefined ? '--to' : '--insert-todos'} is an option of upgrade; type: qpq-codemod upgrade ${parsed.to !== undefined ? `--to ${parsed.to}` : '--insert-todos'}`);
  }
  if (parsed.from !== undefined && migrate && !isVersion(parsed.from)) return usageError(err, `--from '${parsed.from}' is not a release number; type: qpq-codemod migrate --from 0.1.8`);

  const transforms: Transform[] = migrate ? allTransforms.filter((t) => t.migration) : upgrade ? [] : [transform!];
  const kept = parsed.flags.filter((f) => !['--dry', '-d', '--print', '-p', '--force', '--check'].includes(f));
  const suggest = (extra: string) => {
    const words = ['qpq-codemod', command];
    if (extra === '' || extra.startsWith('--')) {
      const flagName = extra.split(/[ =]/)[0];
      words.push(...parsed.paths, ...kept.filter((f, i) => !(flagName && f === flagName) && !(flagName && kept[i - 1] === flagName)));
      if (extra) words.push(extra);
    } else {
      words.push(extra, ...kept);
    }
    return words.join(' ');
  };
  try {
    return await run(
      {
        command,
        transforms,
        migrate,
        paths: parsed.paths,
        cwd,
        dry: parsed.dry,
        print: parsed.print,
        force: parsed.force,
        project: parsed.project,
        typecheck: parsed.typecheck,
        check: parsed.check,
        from: migrate && parsed.from !== undefined ? normalizeVersion(parsed.from) : undefined,
        upgradeOptions: upgrade ? { from: parsed.from, to: parsed.to, insertTodos: parsed.insertTodos } : undefined,
        transformOptions: { out: parsed.out },
        suggest,
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

function parseArgs(command: string, rest: string[]): ParsedArgs {
  const parsed: ParsedArgs = { paths: [], dry: false, print: false, force: false, check: false, typecheck: true, insertTodos: false, flags: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('-') || arg === '-') {
      parsed.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      parsed.paths.push(...rest.slice(i + 1));
      break;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (SWITCHES[name] && inline === undefined) {
      (parsed as unknown as Record<string, boolean>)[SWITCHES[name]] = true;
      parsed.flags.push(name);
    } else if (name === '--no-typecheck' && inline === undefined) {
      parsed.typecheck = false;
      parsed.flags.push(name);
    } else if (name === '--insert-todos' && inline === undefined) {
      parsed.insertTodos = true;
      parsed.flags.push(name);
    } else if (VALUED.includes(name)) {
      const value = inline ?? rest[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('-'))) {
        const example = name === '--project' ? 'tsconfig.json' : name === '--from' || name === '--to' ? '0.1.8' : 'qpq-runtime';
        throw new UsageError(`${name} needs a value; type: qpq-codemod ${command} ${name} ${example}`);
      }
      if (name === '--project') parsed.project = value;
      else if (name === '--from') parsed.from = value;
      else if (name === '--to') parsed.to = value;
      else parsed.out = value;
      parsed.flags.push(name, value);
    } else {
      const close = closest(name, KNOWN_FLAGS);
      throw new UsageError(`unknown option '${arg}'; ${close ? `did you mean ${close}? type: qpq-codemod ${command} ${close}` : 'type: qpq-codemod --help'}`);
    }
  }
  return parsed;
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
  for (const option of own) lines.push(`  ${option.flag}${option.value ? ` <${option.value}>` : ''}  ${option.description}`);
  lines.push('', 'Also: --dry, --print, --project <tsconfig>, --force, --no-typecheck (see qpq-codemod --help).');
  return `${lines.join('\n')}\n`;
}

function version(): string {
  return (require('../package.json') as { version: string }).version;
}

function usageError(err: Output, message: string, withUsage = true): number {
  err.write(`qpq-codemod: ${message}\n${withUsage ? `\n${USAGE}` : ''}`);
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
