// qpq/import-order against eslint-plugin-simple-import-sort with the same groups, on the synthetic
// corpus, with the real ESLint CLI; the parser alone is the common baseline.
//
//   node bench/import-order.mjs [--files 1000] [--runs 3]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { formatMs, formatRatio, measure, median, printTable, ratio } from './lib/measure.mjs';
import { ensureCorpus } from './generate-corpus.mjs';

const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } } });
const fileCount = Number(values.files);
const dir = ensureCorpus(fileCount);
const eslintBin = join(import.meta.dirname, '../node_modules/eslint/bin/eslint.js');

const header = `import * as parser from '@typescript-eslint/parser';
import qpq from 'eslint-plugin-qpq';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import { createRequire } from 'node:module';
const { QPQ_IMPORT_GROUPS } = createRequire(import.meta.url)('qpq-contracts');
const base = { files: ['**/*.ts'], languageOptions: { parser } };`;
const CONFIGS = {
  'parser only': 'export default [base];',
  'simple-import-sort': `export default [{ ...base, plugins: { 'simple-import-sort': simpleImportSort }, rules: { 'simple-import-sort/imports': ['error', { groups: QPQ_IMPORT_GROUPS }], 'simple-import-sort/exports': 'error' } }];`,
  'qpq/import-order': `export default [{ ...base, plugins: { qpq }, rules: { 'qpq/import-order': 'error' } }];`,
};
const configFile = (name) => join(dir, `eslint.import-order.${name.replace(/[^a-z]+/g, '-')}.mjs`);
for (const [name, body] of Object.entries(CONFIGS)) writeFileSync(configFile(name), `${header}\n${body}\n`);

const samples = Object.fromEntries(Object.keys(CONFIGS).map((name) => [name, []]));
for (let round = 0; round < Number(values.runs); round++) {
  for (const name of Object.keys(CONFIGS)) {
    const run = await measure(process.execPath, [eslintBin, '--config', configFile(name), '--format', 'json', 'src'], { cwd: dir });
    if (run.status !== 0 && run.status !== 1) throw new Error(`eslint (${name}) exited ${run.status}: ${run.stderr.slice(0, 2000)}`);
    samples[name].push({ ms: run.ms, findings: JSON.parse(run.stdout).reduce((n, f) => n + f.messages.length, 0) });
  }
}
const ms = (name) => median(samples[name].map((s) => s.ms));
const rule = (name) => ms(name) - ms('parser only');
console.log(`ESLint on ${fileCount} files, ${values.runs} runs each (median)\n`);
printTable(
  ['config', 'median time', 'time beyond parsing', 'findings'],
  Object.keys(CONFIGS).map((name) => [
    name,
    formatMs(ms(name)),
    name === 'parser only' ? '—' : formatMs(rule(name)),
    samples[name][0].findings,
  ]),
);
console.log(
  `\nqpq/import-order / simple-import-sort: ${formatRatio(ratio(ms('qpq/import-order'), ms('simple-import-sort')))} (whole run), ${formatRatio(ratio(rule('qpq/import-order'), rule('simple-import-sort')))} (time beyond parsing)`,
);
