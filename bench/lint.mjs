// The real ESLint CLI on the synthetic corpus, several ways in one run, each a few times (median),
// printed as ratios against the same work without the qpq rules, plus the absolute figures:
//
//   (a) parser only                        typescript-eslint parser, no rules
//   (b) qpq.configs.recommended            untyped              b / a   target <= 1.10x
//   (c) typed parse only                   parser + projectService, no rules: the program is built
//   (d) qpq.configs['recommended-type-checked']                 d / c   target <= 1.10x
//   wall time and CPU time (user + system, steadier on a busy machine) both printed
//   peak memory                                                  b / a, d / c   target <= 1.10x
//   (e) (b) and (d) with --concurrency 2 vs --concurrency off    report only
//   (f) with --without <rules>: (d) with those rules off         d / f   report only
//       (what the named rules add to the typed run, e.g. the rules a change introduces)
//
// Rounds are interleaved (a b c d b2 d2, a b c d b2 d2, ...) so drift on the machine touches every
// case alike. Nothing is asserted: this prints, it never gates CI.
//
//   node bench/lint.mjs [--files 1000] [--runs 3] [--concurrency 2] [--without qpq/a,qpq/b]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCorpus, lintConfigFile } from './generate-corpus.mjs';
import { formatMb, formatMs, formatRatio, measure, median, memorySource, printTable, ratio, verdict } from './lib/measure.mjs';

const REPO_ROOT = join(import.meta.dirname, '..');
const ESLINT_BIN = join(REPO_ROOT, 'node_modules/eslint/bin/eslint.js');

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '2' },
    // Comma-separated rule ids: adds case (f), the typed run with these rules off.
    without: { type: 'string' },
  },
});
const withoutRules = values.without ? values.without.split(',').map((r) => r.trim()).filter(Boolean) : [];
const fileCount = Number(values.files);
const runs = Math.max(1, Number(values.runs));

const CASES = [
  { key: 'a', label: '(a) parser only', config: 'parser-only', concurrency: 'off' },
  { key: 'b', label: '(b) qpq recommended', config: 'qpq-recommended', concurrency: 'off' },
  { key: 'c', label: '(c) typed parse only', config: 'typed-parse-only', concurrency: 'off' },
  { key: 'd', label: '(d) qpq recommended-type-checked', config: 'qpq-recommended-type-checked', concurrency: 'off' },
  { key: 'b2', label: '(e) qpq recommended', config: 'qpq-recommended', concurrency: values.concurrency },
  { key: 'd2', label: '(e) qpq recommended-type-checked', config: 'qpq-recommended-type-checked', concurrency: values.concurrency },
  ...(withoutRules.length > 0 ? [{ key: 'f', label: '(f) (d) without the named rules', config: 'qpq-recommended-type-checked-without', concurrency: 'off' }] : []),
];

/** The config of case (f): recommended-type-checked with the named rules off, beside the corpus's other configs. */
function writeWithoutConfig(dir) {
  const off = Object.fromEntries(withoutRules.map((rule) => [rule, 'off']));
  writeFileSync(
    lintConfigFile(dir, 'qpq-recommended-type-checked-without'),
    `import qpq from 'eslint-plugin-qpq';\n\nexport default [\n  qpq.configs['recommended-type-checked'],\n  { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } }, rules: ${JSON.stringify(off)} },\n];\n`,
  );
}

/** One ESLint run; the report goes to a temp file, read back for the counts. */
async function lintOnce(dir, scratch, c) {
  const report = join(scratch, `${c.key}.json`);
  const args = [ESLINT_BIN, '--config', lintConfigFile(dir, c.config), '--concurrency', c.concurrency, '--format', 'json', '--output-file', report, 'src'];
  const run = await measure(process.execPath, args, { cwd: dir });
  // 0: clean, 1: findings at error severity; anything else is a crash or a bad config.
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`eslint ${c.label} (concurrency ${c.concurrency}) ${run.timedOut ? 'timed out' : `exited ${run.status ?? run.signal}`}:\n${run.stderr.slice(0, 3000)}`);
  }
  return { ms: run.ms, cpuMs: run.cpuMs, mb: run.maxRssMb, ...countFindings(JSON.parse(readFileSync(report, 'utf8'))) };
}

function countFindings(results) {
  const byRule = {};
  let findings = 0;
  let fatal = 0;
  for (const file of results) {
    for (const message of file.messages) {
      if (message.fatal || !message.ruleId) fatal++;
      else {
        findings++;
        byRule[message.ruleId] = (byRule[message.ruleId] ?? 0) + 1;
      }
    }
  }
  return { files: results.length, findings, fatal, byRule };
}

function summarise(samples) {
  const ms = samples.map((s) => s.ms);
  return { ...samples[0], ms: median(ms), min: Math.min(...ms), max: Math.max(...ms), cpuMs: median(samples.map((s) => s.cpuMs)), mb: median(samples.map((s) => s.mb)) };
}

function printEnvironment(dir) {
  const require = createRequire(join(REPO_ROOT, 'package.json'));
  const version = (name) => require(`${name}/package.json`).version;
  console.log(`ESLint ${version('eslint')}, typescript-eslint parser ${version('@typescript-eslint/parser')}, TypeScript ${version('typescript')}, Node ${process.versions.node}`);
  console.log(`corpus ${relative(process.cwd(), dir)} (${fileCount} files), ${runs} run(s) per case (median), peak memory from ${memorySource}`);
  console.log('');
}

function printRuns(s) {
  printTable(
    ['case', 'concurrency', 'median wall', 'min .. max', 'median CPU', 'peak RSS', 'files', 'findings', 'parse errors'],
    CASES.map((c) => {
      const r = s[c.key];
      return [c.label, c.concurrency, formatMs(r.ms), `${formatMs(r.min)} .. ${formatMs(r.max)}`, formatMs(r.cpuMs), formatMb(r.mb), r.files, r.findings, r.fatal];
    }),
  );
  const rules = Object.entries(s.d.byRule).sort(([a], [b]) => a.localeCompare(b));
  if (rules.length > 0) console.log(`\nfindings by rule (d): ${rules.map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
  if (CASES.some((c) => s[c.key].fatal > 0)) console.log('WARNING: some files did not parse (see "parse errors"): the ratios compare unequal work.');
}

function printRatios(s) {
  const n = values.concurrency;
  const row = (name, value, baseline, target) => {
    const r = ratio(value, baseline);
    return [name, formatRatio(r), target === undefined ? 'report only' : `<= ${target.toFixed(2)}x`, target === undefined ? '' : verdict(r, target)];
  };
  printTable(
    ['ratio (same run)', 'measured', 'target', ''],
    [
      row('time:   (b) untyped qpq / (a) parser only', s.b.ms, s.a.ms, 1.1),
      row('time:   (d) typed qpq / (c) typed parse only', s.d.ms, s.c.ms, 1.1),
      row('CPU:    (b) untyped qpq / (a) parser only', s.b.cpuMs, s.a.cpuMs, 1.1),
      row('CPU:    (d) typed qpq / (c) typed parse only', s.d.cpuMs, s.c.cpuMs, 1.1),
      row('memory: (b) untyped qpq / (a) parser only', s.b.mb, s.a.mb, 1.1),
      row('memory: (d) typed qpq / (c) typed parse only', s.d.mb, s.c.mb, 1.1),
      row(`time:   untyped qpq, concurrency ${n} / off`, s.b2.ms, s.b.ms),
      row(`time:   typed qpq, concurrency ${n} / off`, s.d2.ms, s.d.ms),
      row(`memory: untyped qpq, concurrency ${n} / off`, s.b2.mb, s.b.mb),
      row(`memory: typed qpq, concurrency ${n} / off`, s.d2.mb, s.d.mb),
      row('time:   (c) typed parse / (a) parser only (cost of the program)', s.c.ms, s.a.ms),
      ...(s.f
        ? [
            row('time:   (d) typed qpq / (f) typed qpq without the named rules', s.d.ms, s.f.ms),
            row('time:   (f) typed qpq without the named rules / (c) typed parse only', s.f.ms, s.c.ms),
          ]
        : []),
    ],
  );
  if (s.f) console.log(`\nthe named rules (${withoutRules.join(', ')}): typed qpq time beyond the typed parse ${formatMs(s.d.ms - s.c.ms)} with them, ${formatMs(s.f.ms - s.c.ms)} without`);
  console.log(`\nqpq's own time: untyped ${formatMs(s.b.ms - s.a.ms)} beyond parsing, typed ${formatMs(s.d.ms - s.c.ms)} beyond the typed parse (${formatMs((s.d.ms - s.c.ms) / fileCount)} per file)`);
}

async function main() {
  const dir = ensureCorpus(fileCount);
  if (withoutRules.length > 0) writeWithoutConfig(dir);
  printEnvironment(dir);
  const scratch = mkdtempSync(join(tmpdir(), 'qpq-bench-lint-'));
  try {
    // One unmeasured run first: disk caches and the module cache warm for everyone.
    await lintOnce(dir, scratch, CASES[0]);
    const samples = Object.fromEntries(CASES.map((c) => [c.key, []]));
    for (let round = 1; round <= runs; round++) {
      for (const c of CASES) {
        const sample = await lintOnce(dir, scratch, c);
        samples[c.key].push(sample);
        console.log(`  round ${round}/${runs}  ${c.label.padEnd(34)} concurrency ${c.concurrency.padEnd(3)}  ${formatMs(sample.ms).padStart(9)}  ${formatMb(sample.mb).padStart(7)}`);
      }
    }
    const summary = Object.fromEntries(CASES.map((c) => [c.key, summarise(samples[c.key])]));
    console.log('');
    printRuns(summary);
    console.log('');
    printRatios(summary);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
