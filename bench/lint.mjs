// The real ESLint CLI on the synthetic corpus, several ways in one run, each a few times (median),
// printed as ratios against the same work without the qpq rules, plus the absolute figures:
//
//   (a) parser only                        typescript-eslint parser, no rules
//   (a1) any rule                          (a) with one built-in rule on: what running any rule costs
//   (b) qpq.configs.recommended            untyped              b / a   target <= 1.10x
//   (c) typed parse only                   parser + projectService, no rules: the program is built
//   (c1) typed, any rule                   (c) with one rule reading the type checker (the parser made it)
//   (d) qpq.configs['recommended-type-checked']                 d / c   target <= 1.10x
//   wall time and CPU time (user + system, steadier on a busy machine) both printed
//   peak memory                                                  b / a, d / c   target <= 1.10x
//   b / a1 and d / c1: the qpq code's own share, beyond what any rule and any typed rule cost
//   stats: ESLint's own --stats accounting inside each run: (parse + qpq rules) / parse, untyped
//          and typed; both figures come from one process, so no other case's noise enters them;
//          then each qpq rule's own time in (b) and (d), the place to start looking for a cost
//   (e) (b) and (d) with --concurrency 2 vs --concurrency off    report only (--concurrency off: skipped)
//   (f) with --without <rules>: (d) with those rules off         d / f   report only
//       (what the named rules add to the typed run, e.g. the rules a change introduces)
//
// Rounds are interleaved (a a1 b c c1 d b2 d2, ...) so drift on the machine touches every case
// alike. `--files 250,1000,4000` runs every size in turn and ends with the ratios side by side
// (linear cost: the same ratios at every size). Nothing is asserted: this prints, it never gates CI.
//
//   node bench/lint.mjs [--files 1000[,4000...]] [--runs 3] [--concurrency 2|off] [--without qpq/a,qpq/b]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

import { formatMb, formatMs, formatRatio, measure, median, memorySource, printTable, ratio, verdict } from './lib/measure.mjs';
import { ensureCorpus, lintConfigFile } from './generate-corpus.mjs';

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
const withoutRules = values.without
  ? values.without
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean)
  : [];
const fileCounts = values.files
  .split(',')
  .map((n) => Number(n.trim()))
  .filter((n) => n > 0);
const runs = Math.max(1, Number(values.runs));
const withConcurrency = values.concurrency !== 'off';

const CASES = [
  { key: 'a', label: '(a) parser only', config: 'parser-only', concurrency: 'off' },
  { key: 'a1', label: '(a1) any rule', config: 'any-rule', concurrency: 'off' },
  { key: 'b', label: '(b) qpq recommended', config: 'qpq-recommended', concurrency: 'off' },
  { key: 'c', label: '(c) typed parse only', config: 'typed-parse-only', concurrency: 'off' },
  { key: 'c1', label: '(c1) typed, any rule', config: 'typed-checker', concurrency: 'off' },
  { key: 'd', label: '(d) qpq recommended-type-checked', config: 'qpq-recommended-type-checked', concurrency: 'off' },
  ...(withConcurrency
    ? [
        { key: 'b2', label: '(e) qpq recommended', config: 'qpq-recommended', concurrency: values.concurrency },
        { key: 'd2', label: '(e) qpq recommended-type-checked', config: 'qpq-recommended-type-checked', concurrency: values.concurrency },
      ]
    : []),
  ...(withoutRules.length > 0
    ? [{ key: 'f', label: '(f) (d) without the named rules', config: 'qpq-recommended-type-checked-without', concurrency: 'off' }]
    : []),
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
  const args = [
    ESLINT_BIN,
    '--config',
    lintConfigFile(dir, c.config),
    '--concurrency',
    c.concurrency,
    // ESLint's own per-file accounting (parse and each rule), read back below: steadier than
    // comparing whole processes, because both figures come from the same run.
    '--stats',
    '--format',
    'json',
    '--output-file',
    report,
    'src',
  ];
  const run = await measure(process.execPath, args, { cwd: dir });
  // 0: clean, 1: findings at error severity; anything else is a crash or a bad config.
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(
      `eslint ${c.label} (concurrency ${c.concurrency}) ${run.timedOut ? 'timed out' : `exited ${run.status ?? run.signal}`}:\n${run.stderr.slice(0, 3000)}`,
    );
  }
  return { ms: run.ms, cpuMs: run.cpuMs, mb: run.maxRssMb, ...countFindings(JSON.parse(readFileSync(report, 'utf8'))) };
}

function countFindings(results) {
  const byRule = {};
  let findings = 0;
  let fatal = 0;
  // From --stats: parse time, the qpq rules' time, the other rules' time, summed over files (ms).
  const stats = { parseMs: 0, qpqMs: 0, otherRulesMs: 0, byRule: {} };
  for (const file of results) {
    for (const pass of file.stats?.times.passes ?? []) {
      stats.parseMs += pass.parse?.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) {
        if (rule.startsWith('qpq/')) stats.qpqMs += time.total;
        else stats.otherRulesMs += time.total;
        stats.byRule[rule] = (stats.byRule[rule] ?? 0) + time.total;
      }
    }
    for (const message of file.messages) {
      if (message.fatal || !message.ruleId) fatal++;
      else {
        findings++;
        byRule[message.ruleId] = (byRule[message.ruleId] ?? 0) + 1;
      }
    }
  }
  return { files: results.length, findings, fatal, byRule, stats };
}

function summarise(samples) {
  const ms = samples.map((s) => s.ms);
  return {
    ...samples[0],
    ms: median(ms),
    min: Math.min(...ms),
    max: Math.max(...ms),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    mb: median(samples.map((s) => s.mb)),
    stats: {
      parseMs: median(samples.map((s) => s.stats.parseMs)),
      qpqMs: median(samples.map((s) => s.stats.qpqMs)),
      otherRulesMs: median(samples.map((s) => s.stats.otherRulesMs)),
      byRule: Object.fromEntries(
        Object.keys(samples[0].stats.byRule).map((rule) => [rule, median(samples.map((s) => s.stats.byRule[rule] ?? 0))]),
      ),
    },
  };
}

function printEnvironment() {
  const require = createRequire(join(REPO_ROOT, 'package.json'));
  const version = (name) => require(`${name}/package.json`).version;
  console.log(
    `ESLint ${version('eslint')}, typescript-eslint parser ${version('@typescript-eslint/parser')}, TypeScript ${version('typescript')}, Node ${process.versions.node}`,
  );
  console.log(`${runs} run(s) per case (median), peak memory from ${memorySource}`);
}

function printRuns(s) {
  printTable(
    ['case', 'concurrency', 'median wall', 'min .. max', 'median CPU', 'peak RSS', 'files', 'findings', 'parse errors'],
    CASES.map((c) => {
      const r = s[c.key];
      return [
        c.label,
        c.concurrency,
        formatMs(r.ms),
        `${formatMs(r.min)} .. ${formatMs(r.max)}`,
        formatMs(r.cpuMs),
        formatMb(r.mb),
        r.files,
        r.findings,
        r.fatal,
      ];
    }),
  );
  const rules = Object.entries(s.d.byRule).sort(([a], [b]) => a.localeCompare(b));
  if (rules.length > 0) console.log(`\nfindings by rule (d): ${rules.map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
  if (CASES.some((c) => s[c.key].fatal > 0))
    console.log('WARNING: some files did not parse (see "parse errors"): the ratios compare unequal work.');
}

/** The ratios of one size; `printRatios` prints them and the scale table reuses them. */
function ratiosOf(s) {
  const n = values.concurrency;
  return [
    { name: 'time:   (b) untyped qpq / (a) parser only', value: ratio(s.b.ms, s.a.ms), target: 1.1 },
    { name: 'time:   (d) typed qpq / (c) typed parse only', value: ratio(s.d.ms, s.c.ms), target: 1.1 },
    { name: 'CPU:    (b) untyped qpq / (a) parser only', value: ratio(s.b.cpuMs, s.a.cpuMs), target: 1.1 },
    { name: 'CPU:    (d) typed qpq / (c) typed parse only', value: ratio(s.d.cpuMs, s.c.cpuMs), target: 1.1 },
    { name: 'memory: (b) untyped qpq / (a) parser only', value: ratio(s.b.mb, s.a.mb), target: 1.1 },
    { name: 'memory: (d) typed qpq / (c) typed parse only', value: ratio(s.d.mb, s.c.mb), target: 1.1 },
    { name: 'CPU:    (a1) any rule / (a) parser only (running any rule)', value: ratio(s.a1.cpuMs, s.a.cpuMs) },
    { name: 'CPU:    (b) untyped qpq / (a1) any rule (the qpq code itself)', value: ratio(s.b.cpuMs, s.a1.cpuMs) },
    { name: 'CPU:    (c1) typed, any rule / (c) typed parse only', value: ratio(s.c1.cpuMs, s.c.cpuMs) },
    { name: 'CPU:    (d) typed qpq / (c1) typed, any rule (the qpq code itself)', value: ratio(s.d.cpuMs, s.c1.cpuMs) },
    { name: 'memory: (c1) typed, any rule / (c) typed parse only', value: ratio(s.c1.mb, s.c.mb) },
    { name: 'memory: (d) typed qpq / (c1) typed, any rule', value: ratio(s.d.mb, s.c1.mb) },
    ...(s.b2
      ? [
          { name: `time:   untyped qpq, concurrency ${n} / off`, value: ratio(s.b2.ms, s.b.ms) },
          { name: `time:   typed qpq, concurrency ${n} / off`, value: ratio(s.d2.ms, s.d.ms) },
          { name: `memory: untyped qpq, concurrency ${n} / off`, value: ratio(s.b2.mb, s.b.mb) },
          { name: `memory: typed qpq, concurrency ${n} / off`, value: ratio(s.d2.mb, s.d.mb) },
        ]
      : []),
    { name: 'time:   (c) typed parse / (a) parser only (cost of the program)', value: ratio(s.c.ms, s.a.ms) },
    // ESLint's --stats: parse and rule times inside one run, so no other case's noise enters them.
    { name: 'stats:  (b) (parse + qpq rules) / parse, untyped', value: ratio(s.b.stats.parseMs + s.b.stats.qpqMs, s.b.stats.parseMs) },
    { name: 'stats:  (d) (typed parse + qpq rules) / typed parse', value: ratio(s.d.stats.parseMs + s.d.stats.qpqMs, s.d.stats.parseMs) },
  ];
}

function printRatios(s, fileCount) {
  printTable(
    ['ratio (same run)', 'measured', 'target', ''],
    ratiosOf(s).map(({ name, value, target }) => [
      name,
      formatRatio(value),
      target === undefined ? 'report only' : `<= ${target.toFixed(2)}x`,
      target === undefined ? '' : verdict(value, target),
    ]),
  );
  if (s.f)
    console.log(
      `\nthe named rules (${withoutRules.join(', ')}): typed qpq time beyond the typed parse ${formatMs(s.d.ms - s.c.ms)} with them, ${formatMs(s.f.ms - s.c.ms)} without`,
    );
  console.log(
    `\nESLint's own accounting (--stats, medians): untyped parse ${formatMs(s.b.stats.parseMs)}, qpq rules ${formatMs(s.b.stats.qpqMs)}; ` +
      `typed parse ${formatMs(s.d.stats.parseMs)}, qpq rules ${formatMs(s.d.stats.qpqMs)}; ` +
      `the one rule of (c1), which only reads the type checker the parser made, ${formatMs(s.c1.stats.otherRulesMs)}`,
  );
  // Each rule's own share, from inside the runs: the rule whose time is out of proportion to what
  // it finds is where to look first. The first rule of a file that reads the shared file index
  // also walks the file for it.
  const rules = Object.keys(s.d.stats.byRule).filter((rule) => rule.startsWith('qpq/'));
  console.log('\nqpq rules by --stats (medians; the first rule of a file that reads the shared file index walks the file for it):');
  printTable(
    ['rule', 'untyped (b)', 'typed (d)'],
    rules
      .sort((x, y) => s.d.stats.byRule[y] - s.d.stats.byRule[x])
      .map((rule) => [rule, formatMs(s.b.stats.byRule[rule] ?? 0), formatMs(s.d.stats.byRule[rule])]),
  );
  console.log(
    `qpq's own time: untyped ${formatMs(s.b.ms - s.a.ms)} beyond parsing, typed ${formatMs(s.d.ms - s.c.ms)} beyond the typed parse (${formatMs((s.d.ms - s.c.ms) / fileCount)} per file)`,
  );
}

/** One size: every case, interleaved rounds; returns the medians. */
async function measureSize(fileCount) {
  const dir = ensureCorpus(fileCount);
  if (withoutRules.length > 0) writeWithoutConfig(dir);
  console.log(`\ncorpus ${relative(process.cwd(), dir)} (${fileCount} files)`);
  const scratch = mkdtempSync(join(tmpdir(), 'qpq-bench-lint-'));
  try {
    // One unmeasured run first: disk caches and the module cache warm for everyone.
    await lintOnce(dir, scratch, CASES[0]);
    const samples = Object.fromEntries(CASES.map((c) => [c.key, []]));
    for (let round = 1; round <= runs; round++) {
      for (const c of CASES) {
        const sample = await lintOnce(dir, scratch, c);
        samples[c.key].push(sample);
        console.log(
          `  round ${round}/${runs}  ${c.label.padEnd(34)} concurrency ${c.concurrency.padEnd(3)}  ${formatMs(sample.ms).padStart(9)}  ${formatMb(sample.mb).padStart(7)}`,
        );
      }
    }
    const summary = Object.fromEntries(CASES.map((c) => [c.key, summarise(samples[c.key])]));
    console.log('');
    printRuns(summary);
    console.log('');
    printRatios(summary, fileCount);
    return summary;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  printEnvironment();
  const bySize = [];
  for (const fileCount of fileCounts) bySize.push({ fileCount, ratios: ratiosOf(await measureSize(fileCount)) });
  if (bySize.length < 2) return;
  // Linear cost means the same ratios at every size.
  console.log('\nratios by corpus size');
  printTable(
    ['ratio', ...bySize.map(({ fileCount }) => `${fileCount} files`)],
    bySize[0].ratios.map((row, i) => [row.name, ...bySize.map(({ ratios }) => formatRatio(ratios[i].value))]),
  );
}

await main();
