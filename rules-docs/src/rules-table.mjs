// The rules table, in the repository README between its markers and on rules-docs/README.md.
import { inlineCode, table } from './markdown.mjs';
import { cacheNotice, fixNotice, LEGEND, typeNotice } from './notices.mjs';

const BEGIN = /<!-- begin rules table[^>]*-->/;
const END = '<!-- end rules table -->';

/** The table's lines; `linkBase` is the path from the page to rules-docs/. */
export function rulesTable(contracts, linkBase) {
  return [
    LEGEND.join('\\\n'),
    '',
    ...table(
      ['rule', 'description', 'configs', 'fixable', 'type-aware', '`--cache`'],
      contracts.map(({ meta }) => [
        `[${inlineCode(`qpq/${meta.id}`)}](${linkBase}${meta.id}.md)`,
        meta.description,
        meta.recommended ? inlineCode(meta.recommended) : '—',
        fixNotice(meta, { short: true }),
        typeNotice(meta, { short: true }),
        cacheNotice(meta, { short: true }),
      ]),
    ),
  ];
}

/** The README with the text between its rules-table markers replaced (the markers are kept). */
export function readmeWithRulesTable(readme, contracts) {
  const begin = BEGIN.exec(readme);
  const end = begin ? readme.indexOf(END, begin.index) : -1;
  if (!begin || end < 0) throw new Error(`README.md needs the markers <!-- begin rules table --> and ${END} around the rules table`);
  const inner = ['', ...rulesTable(contracts, 'rules-docs/'), ''].join('\n');
  return readme.slice(0, begin.index + begin[0].length) + inner + readme.slice(end);
}

/** rules-docs/README.md: every rule page, and the codemods page. */
export function indexPage(contracts) {
  return [
    '# Rules',
    '',
    'One page per rule of `eslint-plugin-qpq` (and of `qpq-ts-plugin`, which runs the same checks in',
    "the editor). Generated from the rules themselves by `npm run docs`: each page prints the rule's",
    'documented examples, which are also its tests. `npm run docs:check` fails when a page is stale.',
    '',
    ...rulesTable(contracts, ''),
    '',
    `Codemods: [codemods.md](codemods.md).`,
    '',
  ].join('\n');
}
