// rules-docs/codemods.md: the transforms of `qpq-codemod`, from the metadata `qpq-codemod list` prints.
import { inlineCode, table } from './markdown.mjs';

export function codemodsPage(transforms) {
  const lines = [
    '# Codemods',
    '',
    '`qpq-codemod` rewrites a project for a framework change. `npx qpq-codemod list` prints this list.',
    '',
    '```sh',
    'npx qpq-codemod <transform> [paths...] --dry   # show the diff, write nothing',
    'npx qpq-codemod <transform> [paths...]         # apply one transform',
    'npx qpq-codemod migrate                        # every applicable migration, in order',
    '```',
    '',
  ];
  if (transforms.length === 0) return [...lines, 'This version has no transforms.', ''].join('\n');
  lines.push(
    ...table(
      ['transform', 'what it changes', 'framework change', 'run by `migrate`'],
      transforms.map((t) => [inlineCode(t.name), t.description, t.frameworkChange, inMigrate(t)]),
    ),
    '',
    'Migrations run in the order listed. Opt-in transforms run only when named.',
    '',
  );
  for (const t of transforms.filter((t) => t.options?.length > 0)) {
    lines.push(`## ${inlineCode(t.name)} options`, '');
    for (const option of t.options) lines.push(`- ${inlineCode(option.value ? `${option.flag} <${option.value}>` : option.flag)}: ${option.description}`);
    lines.push('');
  }
  return lines.join('\n');
}

function inMigrate(transform) {
  if (!transform.migration) return 'no: opt-in, run it by name';
  let text = 'yes';
  if (transform.runsAfter?.length > 0) text += `, after ${transform.runsAfter.map(inlineCode).join(', ')}`;
  if (transform.sinceVersion) text += `; not when the project is already on \`quidproquo-core\` ${transform.sinceVersion} or later`;
  return text;
}
