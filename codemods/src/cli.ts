import { allTransforms } from './transforms';

interface Output {
  write(text: string): unknown;
}

const USAGE = `Usage:
  qpq-codemod list                                   list the transforms
  qpq-codemod <transform> [paths...] [--dry] [--print]
  qpq-codemod migrate [paths...]                     run every applicable migration
`;

/** Returns the process exit code: 0 done, 1 a file failed, 2 a usage error. */
export function main(args: string[], out: Output, err: Output): number {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h') {
    out.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'list') {
    if (rest.length > 0) return usageError(err, `'list' takes no arguments; type: qpq-codemod list`);
    out.write(formatList());
    return 0;
  }
  const known = allTransforms.map((t) => t.name);
  const hint = known.length > 0 ? `one of: ${known.join(', ')}` : 'none yet; type: qpq-codemod list';
  return usageError(err, `unknown transform '${command}' (transforms: ${hint})`);
}

export function formatList(): string {
  if (allTransforms.length === 0) return 'No transforms are available in this version.\n';
  const width = Math.max(...allTransforms.map((t) => t.name.length));
  return allTransforms
    .map((t) => `${t.name.padEnd(width)}  ${t.description} (${t.frameworkChange})${t.migration ? '' : ' [opt-in]'}\n`)
    .join('');
}

function usageError(err: Output, message: string): number {
  err.write(`qpq-codemod: ${message}\n\n${USAGE}`);
  return 2;
}
