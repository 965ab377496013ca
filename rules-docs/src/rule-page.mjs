// rules-docs/<rule-id>.md: a rule's page, from its contract's metadata and documented examples.
// The examples are the rule's tests too, so what the page shows is what the rule does.
import { createRequire } from 'node:module';

import { dependsOnFileName, documentedFindings, fileNameOf } from './example-findings.mjs';
import { codeBlock, inlineCode, table } from './markdown.mjs';
import { cacheNotice, configsNotice, fixNotice, typeNotice } from './notices.mjs';

const { STRICTEST_OPTIONS } = createRequire(import.meta.url)('qpq-contracts');

export function rulePage(contract, findingsOf = documentedFindings, nameMatters = dependsOnFileName, strictest = STRICTEST_OPTIONS) {
  const { meta } = contract;
  return [
    `# qpq/${meta.id}`,
    '',
    meta.description,
    '',
    [configsNotice(meta), fixNotice(meta), typeNotice(meta)].join(' · '),
    '',
    '## Why',
    '',
    meta.rationale,
    '',
    '## What it reports',
    '',
    ...Object.entries(meta.messages).map(([id, template]) => `- ${inlineCode(id)}: ${template.replace(/\{\{\s*(\w+)\s*\}\}/g, '‹$1›')}`),
    '',
    meta.typeAware ? '## Without type information' : '## Type information',
    '',
    meta.behaviourWithoutTypes,
    '',
    `${cacheNotice(meta)}.`,
    '',
    '## Options',
    '',
    ...optionsSection(meta, strictest[meta.id]),
    '',
    '## Examples',
    '',
    ...examplesSection(contract, findingsOf, nameMatters),
    '## In the editor',
    '',
    editorText(meta),
    '',
  ].join('\n');
}

function optionsSection(meta, strictest) {
  const properties = Object.entries(meta.schema.properties ?? {});
  if (properties.length === 0) return ['This rule has no options.'];
  const defaults = meta.defaultOptions ?? {};
  const rows = properties.map(([name, schema]) => {
    const fallback = name in defaults ? JSON.stringify(defaults[name]) : undefined;
    const shown = fallback === undefined ? '—' : fallback.length <= 40 ? inlineCode(fallback) : 'see below';
    return [inlineCode(name), typeOf(schema), shown, schema.description ?? ''];
  });
  const severity = meta.recommended || 'error';
  const config = `'qpq/${meta.id}': ['${severity}', ${JSON.stringify(defaults, null, 2).replace(/\n/g, '\n  ')}],`;
  return [
    ...table(['option', 'type', 'default', 'description'], rows),
    '',
    'The defaults, as an ESLint rule setting (the editor plugin takes the same object):',
    '',
    codeBlock(`rules: {\n  ${config}\n}`, 'js'),
    ...strictSection(strictest),
  ];
}

/** What the strict configs set each option to, and why (the default when it is the strictest already). */
function strictSection(strictest) {
  if (!strictest) return [];
  const valueOf = (option) => ('strict' in option ? inlineCode(JSON.stringify(option.strict)) : 'the default');
  return [
    '',
    'In `strict` and `strict-type-checked` (every option at its strictest):',
    '',
    ...Object.entries(strictest).map(([name, option]) => `- ${inlineCode(name)}: ${valueOf(option)} (${option.why})`),
  ];
}

/** A JSON schema's type in TypeScript notation: `string[][]`, `"a" | "b"`, `{ key: boolean }`. */
export function typeOf(schema = {}) {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map(typeOf).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'unknown'];
  return types
    .map((type) => {
      if (type === 'integer') return 'number';
      if (type === 'array') {
        const item = typeOf(schema.items);
        return item.includes(' ') && !item.startsWith('{') ? `(${item})[]` : `${item}[]`;
      }
      if (type === 'object' && schema.properties) {
        const required = new Set(schema.required ?? []);
        const fields = Object.entries(schema.properties).map(([key, value]) => `${key}${required.has(key) ? '' : '?'}: ${typeOf(value)}`);
        return `{ ${fields.join('; ')} }`;
      }
      return type;
    })
    .join(' | ');
}

function examplesSection(contract, findingsOf, nameMatters) {
  const { meta, examples } = contract;
  const lines = [
    'Each example is a whole file, linted on its own as `file.ts` unless it names another file. Examples',
    '"with type information" are compiled in a project whose `quidproquo-core` and `quidproquo-webserver`',
    'are the reference runtime (`qpq-reference-runtime`), as `qpq-codemod bundle-runtime` sets up.',
    '',
    '### Valid',
    '',
  ];
  if (examples.valid.length === 0) lines.push('No valid examples are documented.', '');
  for (const example of examples.valid) lines.push(...exampleHeading(example, nameMatters(contract, example)), codeBlock(example.code), '');
  lines.push('### Invalid', '');
  if (examples.invalid.length === 0) lines.push('No invalid examples are documented.', '');
  examples.invalid.forEach((example, i) => {
    const findings = findingsOf(contract, example);
    if (i > 0) lines.push('---', '');
    lines.push(...exampleHeading(example, nameMatters(contract, example)), codeBlock(example.code), '', 'Reported:', '');
    for (const finding of findings) lines.push(`- ${finding.line}:${finding.column} ${finding.message}`);
    lines.push('');
    if (example.output !== undefined) lines.push('Fixed by `eslint --fix`:', '', codeBlock(example.output), '');
    else if (meta.fixable) lines.push('No autofix here: the rule cannot tell the right change on its own.', '');
    for (const { line, column, suggestions = [] } of findings) {
      for (const suggestion of suggestions) {
        lines.push(`Suggestion for ${line}:${column}, "${suggestion.description}":`, '', codeBlock(suggestion.output), '');
      }
    }
  });
  return lines;
}

function exampleHeading(example, nameMatters) {
  const notes = example.note ? [/[.!?]$/.test(example.note) ? example.note : `${example.note}.`] : [];
  if (example.typed) notes.push('With type information.');
  if (nameMatters) notes.push(`Saved as ${inlineCode(fileNameOf(example))}: under another name it reports something else.`);
  else if (example.filename) notes.push(`In ${inlineCode(example.filename)}.`);
  if (example.options) notes.push(`With the options ${inlineCode(JSON.stringify(example.options))}.`);
  return notes.length > 0 ? [`_${notes.join(' ')}_`, ''] : [];
}

function editorText(meta) {
  const fixes = [
    meta.fixable ? 'each autofix is a quick fix, with a fix-all for the file' : '',
    meta.hasSuggestions ? 'suggestions are quick fixes that are never applied on their own' : '',
  ].filter(Boolean);
  return [
    `With \`qpq-ts-plugin\` the same findings appear as you type, ending in \`(qpq/${meta.id})\`${fixes.length > 0 ? `; ${fixes.join(', and ')}` : ''}.`,
    `Set the rule's severity or options in tsconfig with \`"rules": { "${meta.id}": ... }\` next to the plugin's name,`,
    `and silence one place with \`// eslint-disable-next-line qpq/${meta.id}\`, which ESLint honours too.`,
  ].join('\n');
}
