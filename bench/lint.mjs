// ESLint on the synthetic corpus, several ways in one run, printed as ratios against the same
// work without the qpq rules:
//   untyped qpq rules vs the parser alone             (target at most 1.3x)
//   typed qpq rules vs the typed parse alone           (target at most 1.15x)
//   peak memory of each vs its baseline                (target at most 1.1x)
//   --concurrency 2 vs --concurrency off
//
//   node bench/lint.mjs [--files 1000] [--runs 3]
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusDir, generateCorpus } from './generate-corpus.mjs';
import { formatMs, formatRatio, measure, median, printTable, ratio } from './lib/measure.mjs';

const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } } });
const fileCount = Number(values.files);
const runs = Number(values.runs);
const dir = corpusDir(fileCount);
if (!existsSync(join(dir, 'tsconfig.json'))) generateCorpus(fileCount, dir);
const eslintBin = join(import.meta.dirname, '../node_modules/eslint/bin/eslint.js');

const CONFIGS = {
  'parser only': `import * as parser from '@typescript-eslint/parser';
export default [{ files: ['**/*.ts'], languageOptions: { parser } }];`,
  'qpq recommended': `import qpq from 'eslint-plugin-qpq';
export default [qpq.configs.recommended];`,
  'typed parse only': `import * as parser from '@typescript-eslint/parser';
export default [{ files: ['**/*.ts'], languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } }];`,
  'qpq recommended-type-checked': `import qpq from 'eslint-plugin-qpq';
export default [qpq.configs['recommended-type-checked'], { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } } }];`,
};

const configFile = (name) => join(dir, `eslint.${name.replace(/[^a-z]+/g, '-')}.mjs`);
for (const [name, text] of Object.entries(CONFIGS)) writeFileSync(configFile(name), `${text}\n`);

function lint(name, concurrency) {
  const result = measure(process.execPath, [eslintBin, '--config', configFile(name), '--concurrency', concurrency, '--format', 'json', 'src'], { cwd: dir });
  if (result.status !== 0 && result.status !== 1) throw new Error(`eslint (${name}) exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  const findings = JSON.parse(result.stdout).reduce((sum, file) => sum + file.messages.length, 0);
  return { ...result, findings };
}

console.log(`ESLint ${fileCount} files, ${runs} runs each (median), corpus ${relative(process.cwd(), dir)}\n`);
const cases = [
  ...Object.keys(CONFIGS).map((name) => ({ name, concurrency: 'off' })),
  { name: 'qpq recommended', concurrency: '2' },
  { name: 'qpq recommended-type-checked', concurrency: '2' },
];
const samples = new Map(cases.map((c) => [`${c.name}|${c.concurrency}`, []]));
// Interleaved rounds, so drift on the machine touches every case alike.
for (let round = 0; round < runs; round++) {
  for (const c of cases) samples.get(`${c.name}|${c.concurrency}`).push(lint(c.name, c.concurrency));
}
const summary = (key) => {
  const list = samples.get(key);
  return { ms: median(list.map((s) => s.ms)), mb: median(list.map((s) => s.maxRssMb ?? NaN)), findings: list[0].findings };
};
const s = Object.fromEntries([...samples.keys()].map((k) => [k, summary(k)]));

printTable(
  ['run', 'concurrency', 'median time', 'peak memory', 'findings'],
  [...samples.keys()].map((k) => {
    const [name, concurrency] = k.split('|');
    return [name, concurrency, formatMs(s[k].ms), Number.isNaN(s[k].mb) ? 'n/a' : `${s[k].mb.toFixed(0)} MB`, s[k].findings];
  }),
);

const untyped = ratio(s['qpq recommended|off'].ms, s['parser only|off'].ms);
const typed = ratio(s['qpq recommended-type-checked|off'].ms, s['typed parse only|off'].ms);
const untypedMemory = ratio(s['qpq recommended|off'].mb, s['parser only|off'].mb);
const typedMemory = ratio(s['qpq recommended-type-checked|off'].mb, s['typed parse only|off'].mb);
console.log('');
printTable(
  ['ratio', 'measured', 'target'],
  [
    ['untyped qpq / parser only (time)', formatRatio(untyped), '<= 1.30x'],
    ['typed qpq / typed parse only (time)', formatRatio(typed), '<= 1.15x'],
    ['untyped qpq / parser only (peak memory)', formatRatio(untypedMemory), '<= 1.10x'],
    ['typed qpq / typed parse only (peak memory)', formatRatio(typedMemory), '<= 1.10x'],
    ['untyped qpq: concurrency 2 / off (time)', formatRatio(ratio(s['qpq recommended|2'].ms, s['qpq recommended|off'].ms)), '< 1.00x'],
    ['typed qpq: concurrency 2 / off (time)', formatRatio(ratio(s['qpq recommended-type-checked|2'].ms, s['qpq recommended-type-checked|off'].ms)), '< 1.00x'],
  ],
);
