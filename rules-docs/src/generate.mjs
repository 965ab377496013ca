// Every generated document, rendered from the BUILT packages (run `npm run build` first):
// a page per rule, rules-docs/README.md, rules-docs/codemods.md, the README's rules table and
// the editor plugin's options schema. `npm run docs` writes them; `npm run docs:check` compares.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { codemodsPage } from './codemods-page.mjs';
import { rulePage } from './rule-page.mjs';
import { indexPage, readmeWithRulesTable } from './rules-table.mjs';

const require = createRequire(import.meta.url);
const { allContracts, releaseTables } = require('qpq-contracts');
const { allTransforms } = require('qpq-codemod');
// Not a public entry point of the plugin: read from the workspace's build.
const { pluginOptionsSchema } = require('../../ts-plugin/dist/options-schema.js');

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every generated file: path relative to the repository root -> its content. */
export function renderAll(root = REPO_ROOT) {
  const files = new Map();
  for (const contract of allContracts) files.set(`rules-docs/${contract.meta.id}.md`, rulePage(contract));
  files.set('rules-docs/README.md', indexPage(allContracts));
  files.set('rules-docs/codemods.md', codemodsPage(allTransforms, releaseTables()));
  files.set('README.md', readmeWithRulesTable(readFileSync(join(root, 'README.md'), 'utf8'), allContracts));
  files.set('ts-plugin/options.schema.json', `${JSON.stringify(pluginOptionsSchema(allContracts), null, 2)}\n`);
  files.set(DIAGNOSTIC_CODES_FILE, `${JSON.stringify(releasedDiagnosticCodes(root), null, 2)}\n`);
  return files;
}

/** Every diagnostic code ever given to a rule, so that none changes or is given twice. */
export const DIAGNOSTIC_CODES_FILE = 'ts-plugin/diagnostic-codes.json';

/**
 * The record of released codes, with the codes of new rules added. Editors ask for quick fixes by
 * code: a rule's code never changes, and a removed rule's code is never given to another.
 */
export function releasedDiagnosticCodes(root = REPO_ROOT) {
  const path = join(root, DIAGNOSTIC_CODES_FILE);
  const recorded = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  const codes = { ...recorded };
  for (const { meta } of allContracts) {
    if (recorded[meta.id] !== undefined && recorded[meta.id] !== meta.diagnosticCode) {
      throw new Error(
        `qpq/${meta.id}: its diagnostic code changed from ${recorded[meta.id]} to ${meta.diagnosticCode}; a released code never changes`,
      );
    }
    const owner = Object.keys(codes).find((id) => id !== meta.id && codes[id] === meta.diagnosticCode);
    if (owner) throw new Error(`qpq/${meta.id}: diagnostic code ${meta.diagnosticCode} belongs to qpq/${owner}`);
    codes[meta.id] = meta.diagnosticCode;
  }
  return Object.fromEntries(Object.entries(codes).sort(([, a], [, b]) => a - b));
}

/** Pages in rules-docs/ that nothing generates any more (a rule renamed or removed). */
export function orphanPages(root, files) {
  const dir = join(root, 'rules-docs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => `rules-docs/${name}`)
    .filter((path) => !files.has(path))
    .sort();
}

/** `{ path, reason }` for each file on disk that differs from what would be generated. */
export function staleFiles(root = REPO_ROOT, files = renderAll(root)) {
  const stale = [];
  for (const [path, content] of files) {
    const full = join(root, path);
    if (!existsSync(full)) stale.push({ path, reason: 'missing' });
    else if (readFileSync(full, 'utf8') !== content) stale.push({ path, reason: 'out of date' });
  }
  for (const path of orphanPages(root, files)) stale.push({ path, reason: 'no rule has this page any more' });
  return stale;
}
