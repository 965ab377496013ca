// rules-docs/codemods.md: the transforms of `qpq-codemod`, from the metadata `qpq-codemod list` prints.
import { inlineCode, table } from './markdown.mjs';

export function codemodsPage(transforms, tables = []) {
  const lines = [
    '# Codemods',
    '',
    '`qpq-codemod` rewrites a project for a framework change. `npx qpq-codemod list` prints this list.',
    '',
    '```sh',
    'npx qpq-codemod <transform> [paths...] --dry   # show the diff, write nothing',
    'npx qpq-codemod <transform> [paths...]         # apply one transform',
    'npx qpq-codemod migrate                        # every applicable migration, in order',
    "npx qpq-codemod upgrade --dry                  # every migration between the project's release and the newest",
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
    for (const option of t.options)
      lines.push(`- ${inlineCode(option.value ? `${option.flag} <${option.value}>` : option.flag)}: ${option.description}`);
    lines.push('');
  }
  if (tables.length > 0) lines.push(...upgradeSection(transforms, tables));
  return lines.join('\n');
}

const KIND = {
  rename: 'renamed-exports',
  'call-shape': 'call-shape',
  'required-field': 'required member',
  'enum-literal': 'enum literal',
  'action-types': 'action-type names',
  'package-scripts': 'package.json scripts',
  manual: 'reported',
};

/** `upgrade`: every release with its entries (class A: how they are migrated; class B: how they are found). */
function upgradeSection(transforms, tables) {
  const lines = [
    "## `upgrade`: the framework's releases",
    '',
    '`qpq-codemod upgrade [paths] [--from <version>] [--to <version>] [--dry] [--insert-todos]` finds the release the project is on (installed packages, `file:` / `link:` / `workspace:` targets, the lockfile at the workspace root, then declared ranges; `--from` says it), runs every migration of the releases after it up to `--to` (default: the newest release below; `--to next` adds the unreleased changes), reports the class-B sites as `path:line:col` with what to do (`--insert-todos` writes them as `TODO(qpq-codemod)` comments), and sets the quidproquo dependencies to the target. `qpq/no-outdated-api` reports the same entries in the editor and in CI.',
    '',
    "The entries come from the framework's breaking-change log (`bc-N` is the N-th bullet of its `breaking-changes.md` at c1c4fb44) and from its release tags (`gap-*`: removals the log does not mention), each with the release that really shipped it. Class A: a transform migrates it; class B: its sites are found and reported. An entry whose old form no release carried is listed as reclassified, with the reason.",
    '',
  ];
  const coded = transforms.filter((t) => t.release !== undefined);
  // Releases with a coded migration and no table (config-v2's 0.0.234) come first.
  const untabled = [...new Set(coded.map((t) => t.release))]
    .filter((r) => !tables.some((t) => t.release === r))
    .map((r) => ({ release: r, entries: [] }));
  for (const release of [...untabled, ...tables]) {
    const own = coded.filter((t) => t.release === release.release);
    if (release.entries.length === 0 && own.length === 0 && !(release.reclassified ?? []).length) continue;
    lines.push(`### quidproquo ${release.release}${release.release === 'next' ? ' (unreleased)' : ''}`, '');
    const rows = [
      ...own.map((t) => [
        (release.transforms ?? [])
          .filter((c) => c.transform === t.name)
          .map((c) => inlineCode(c.id))
          .join(', ') || inlineCode(t.name),
        'A',
        t.description,
        `the ${inlineCode(t.name)} transform`,
      ]),
      ...release.entries.map((e) => [
        inlineCode(e.id),
        e.class,
        e.title,
        e.kind === 'special' ? `own transform (${inlineCode(e.transform)})` : e.kind === 'manual' ? 'reported' : (KIND[e.kind] ?? e.kind),
      ]),
    ];
    if (rows.length > 0) lines.push(...table(['entry', 'class', 'change', 'how'], rows), '');
    for (const r of release.reclassified ?? [])
      lines.push(`- ${inlineCode(r.id)} (class ${r.map} in the log's classification): nothing to migrate; ${r.reason}.`);
    if ((release.reclassified ?? []).length > 0) lines.push('');
    const notes = release.noSourceChange ?? [];
    if (notes.length > 0)
      lines.push(
        `No source change (deploy, data or runtime behaviour): ${notes.map((n) => `${inlineCode(n.id)} ${n.title}`).join('; ')}.`,
        '',
      );
  }
  return lines;
}

function inMigrate(transform) {
  if (!transform.migration) return 'no: opt-in, run it by name';
  let text = 'yes';
  if (transform.runsAfter?.length > 0) text += `, after ${transform.runsAfter.map(inlineCode).join(', ')}`;
  if (transform.sinceVersion) text += `; not when the project is already on \`quidproquo-core\` ${transform.sinceVersion} or later`;
  return text;
}
