// A real tsserver on the synthetic corpus, with and without qpq-ts-plugin, in one run. Two
// identical corpora are generated side by side; only their tsconfig differs (`plugins` or not),
// since tsserver has no switch to ignore the plugins a tsconfig names.
//
// For each server: open one file that is not in the sample and ask for its semantic diagnostics
// (the program is built and the plugin created: the warm-up, reported separately); then, one
// file at a time, open it, time `semanticDiagnosticsSync`, time `quickinfo` on its first story
// calls (up to five, one a line), close it. The servers take turns file by file (A B, then B A for the next file), so a
// machine that slows down or speeds up during a round does so for both sides alike; each round
// starts new servers, each file's time is the median over `--rounds` (default 2). Prints p50 /
// p95 per file with and without the plugin and their ratios
// (target: the plugin adds at most 10%), and the plugin's own time as it measures it
// (`qpq/timings`, a command the plugin adds only with its `timings` option, which the corpus
// tsconfig sets). Nothing is asserted.
//
// With `--without qpq/a,qpq/b`, a third identical corpus whose plugin entry turns those rules
// "off" (the plugin's `rules` option) is served by a third tsserver in the same turns (A B C,
// C B A, ...): with plugin / with the named rules off says what those rules add to the editor
// (for example the rules a change introduces), beside their share of the plugin's own time.
//
// With `--edit`, each file gets a line break typed at its end (an `updateOpen` change) before its
// diagnostics are asked: as after a keystroke, the request then runs on a new program version
// with a new type checker, which resolves again every type the file touches, and the plugin runs
// without what it kept for the checker before. Without it, the sample is checked by one program.
//
// With `--warmup N`, each server checks N files that are not in the sample (spread over the rest)
// before it: the sample then runs as in an editor that has been open a while, with the plugin's code
// optimized by the JavaScript engine and the common types resolved by TypeScript.
//
// With `--corpus <dir>`, a project of real code (a directory with its tsconfig.json, such as the
// unpacked corpus of the framework's source) instead of the synthetic app: it is copied to
// bench/.corpus, once per server, each copy's tsconfig with or without the plugin entry; the sample
// is every k-th file of the program's own root files (no declaration files). A project without a
// package.json names no framework release, and qpq/no-outdated-api does nothing there:
// `--framework-version <release>` writes into each copy the package.json, installed packages and
// lockfile of an app on that release, as the synthetic corpus has them.
//
//   node bench/tsserver.mjs [--files 1000 | --corpus <dir> [--framework-version <release>]] [--sample 200] [--rounds 2] [--warmup 1] [--typescript typescript|typescript-6] [--timeout 120] [--without qpq/a,qpq/b] [--edit]
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { TsServerClient } from '../fixtures/support/tsserver-client.mjs';
import { formatMs, formatRatio, median, percentile, printTable, ratio, verdict } from './lib/measure.mjs';
import { readTsconfig } from './lib/tsconfig.mjs';
import { corpusDir, ensureCorpus, writeFrameworkFiles } from './generate-corpus.mjs';

const PLUGIN_CODES = { min: 990000, max: 990999 }; // qpq-ts-plugin's diagnostic codes

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '1000' },
    // A real project (its directory, holding tsconfig.json) instead of the synthetic corpus.
    corpus: { type: 'string' },
    sample: { type: 'string', default: '200' },
    typescript: { type: 'string', default: 'typescript' },
    rounds: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '120' },
    // Comma-separated rule ids: adds a third server whose plugin has these rules off.
    without: { type: 'string' },
    // Type a line break into each file before asking its diagnostics (see above).
    edit: { type: 'boolean', default: false },
    // With --corpus: the framework release the project is on, for a project with no package.json.
    'framework-version': { type: 'string' },
    // Files (none of the sample) each server opens and checks before the sample (see above).
    warmup: { type: 'string', default: '1' },
  },
});
const fileCount = Number(values.files);
const warmupCount = Math.max(1, Number(values.warmup));
const sampleSize = Number(values.sample);
const rounds = Math.max(1, Number(values.rounds));
const timeoutMs = Number(values.timeout) * 1000;
const require = createRequire(import.meta.url);
const tsserverPath = require.resolve(`${values.typescript}/lib/tsserver.js`);
const tsVersion = require(`${values.typescript}/package.json`).version;
const withoutRules = namedRules(values.without);

/**
 * The `--without` rules as contracts. The plugin only logs an unknown rule id and goes on, so a
 * typo would quietly measure the full plugin twice: stop here instead.
 */
function namedRules(list) {
  if (!list) return [];
  const { allContracts } = require('qpq-contracts');
  return list
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean)
    .map((rule) => {
      const contract = allContracts.find((c) => c.meta.id === rule.replace(/^qpq\//, ''));
      if (!contract)
        throw new Error(`--without: unknown rule "${rule}" (rules: ${allContracts.map((c) => `qpq/${c.meta.id}`).join(', ')})`);
      return contract;
    });
}

// The servers, in the order of the first file's turns; the next file takes them backwards.
const SERVERS = [
  { key: 'without', label: 'without plugin', plugin: false },
  { key: 'with', label: 'with    plugin', plugin: true },
  ...(withoutRules.length > 0
    ? [
        {
          key: 'rulesOff',
          label: 'with    plugin, named rules off',
          plugin: true,
          offCodes: withoutRules.map((c) => c.meta.diagnosticCode),
        },
      ]
    : []),
];

/**
 * The files where the plugin has work, sorted: in the synthetic corpus its stories, route stories
 * and runtime references; in a real project every root file of its program but declarations.
 */
function candidateFiles(dir) {
  if (values.corpus) {
    const { fileNames } = readTsconfig(require('typescript'), join(dir, 'tsconfig.json'));
    return fileNames
      .filter((f) => !/\.d\.[cm]?ts$/.test(f))
      .map((f) => relative(dir, f).split('\\').join('/'))
      .sort();
  }
  const numeric = (a, b) => a.localeCompare(b, 'en', { numeric: true });
  const under = (folder) =>
    readdirSync(join(dir, folder))
      .filter((f) => f.endsWith('.ts'))
      .sort(numeric)
      .map((f) => `${folder}/${f}`);
  return [...under('src/logic'), ...under('src/controllers'), ...under('src').filter((f) => /^src\/config\d+\.ts$/.test(f))];
}

/** Every k-th candidate: the same relative paths in both corpora; the warm-up files, spread over the rest, are none of them. */
function chooseFiles(dir) {
  const candidates = candidateFiles(dir);
  const step = Math.max(1, Math.floor(candidates.length / sampleSize));
  const sample = candidates.filter((_, i) => i % step === 0).slice(0, sampleSize);
  const others = candidates.filter((f) => !sample.includes(f));
  const warmupStep = Math.max(1, Math.floor(others.length / warmupCount));
  const warmup = others.filter((_, i) => i % warmupStep === 0).slice(0, warmupCount);
  return { sample, warmup, candidates: candidates.length };
}

const HOVERS_PER_FILE = 5;

/**
 * Line and offset (1-based) of the callee of each `yield* ask…` of a file, for quick info: the
 * first few, one a line, so that quick info's percentiles come from more than one story call of the
 * few files that hold any.
 */
function storyCallPositions(text) {
  const positions = [];
  for (const [row, line] of text.split('\n').entries()) {
    const at = line.indexOf('yield* ask');
    if (at >= 0) positions.push({ line: row + 1, offset: at + 'yield* '.length + 1 });
    if (positions.length === HOVERS_PER_FILE) break;
  }
  return positions;
}

async function timed(body) {
  const started = performance.now();
  const result = await body();
  return { ms: performance.now() - started, result };
}

/** A line break typed at the end of an open file: its buffer changes, the file on disk does not. */
async function typeAtEnd(server, file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const end = { line: lines.length, offset: lines[lines.length - 1].length + 1 };
  await server.request('updateOpen', { changedFiles: [{ fileName: file, textChanges: [{ start: end, end, newText: '\n' }] }] }, timeoutMs);
}

/** A new server with the program built and (if it has one) the plugin loaded: the warm-up. */
async function startServer(dir, files, { plugin: withPlugin }) {
  const server = new TsServerClient({ tsserverPath, cwd: dir, args: ['--suppressDiagnosticEvents'] });
  try {
    const warmup = await timed(async () => {
      for (const name of files.warmup) {
        const warmupFile = join(dir, name);
        await server.open(warmupFile);
        await server.request('semanticDiagnosticsSync', { file: warmupFile }, timeoutMs * 5);
        await server.closeFile(warmupFile);
      }
    });
    const pluginLoaded = await server.request('qpq/timings', {}).then(
      () => true,
      () => false,
    );
    if (pluginLoaded !== withPlugin) throw new Error(`qpq-ts-plugin ${withPlugin ? 'did not load' : 'loaded'} for ${dir}`);
    return { server, warmupMs: warmup.ms };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** One sample file on one server: open it, (edit it,) its diagnostics and quick info on its story calls, close it. */
async function measureFile(server, dir, name, { plugin: withPlugin, offCodes = [] }) {
  const file = join(dir, name);
  await server.open(file);
  if (values.edit) await typeAtEnd(server, file);
  const diagnostics = await timed(() => server.request('semanticDiagnosticsSync', { file }, timeoutMs));
  const own = withPlugin ? await server.request('qpq/timings', {}) : undefined;
  const quickInfoMs = [];
  const ownQuickInfoMs = [];
  for (const position of storyCallPositions(readFileSync(file, 'utf8'))) {
    quickInfoMs.push((await timed(() => server.request('quickinfo', { file, ...position }, timeoutMs))).ms);
    if (withPlugin) ownQuickInfoMs.push((await server.request('qpq/timings', {})).quickInfoMs);
  }
  await server.closeFile(file);
  const codes = diagnostics.result.map((d) => d.code);
  // A rule that reports although set off means the tsconfig did not take: the comparison would be void.
  const offCode = codes.find((c) => offCodes.includes(c));
  if (offCode !== undefined) throw new Error(`${name}: diagnostic ${offCode} reported in ${dir}, where its rule is off`);
  return {
    name,
    diagnosticsMs: diagnostics.ms,
    quickInfoMs,
    ownDiagnosticsMs: own?.diagnosticsMs,
    ownQuickInfoMs,
    qpqDiagnostics: codes.filter((c) => c >= PLUGIN_CODES.min && c <= PLUGIN_CODES.max).length,
    tsDiagnostics: codes.filter((c) => c < PLUGIN_CODES.min || c > PLUGIN_CODES.max).length,
  };
}

/** One round: new servers, warmed up one after another, then the sample file by file, the servers taking turns. */
async function measureRound(dirs, files, round) {
  const started = [];
  try {
    const order = round % 2 === 0 ? SERVERS : [...SERVERS].reverse();
    for (const spec of order) started.push({ spec, ...(await startServer(dirs[spec.key], files, spec)) });
    const results = Object.fromEntries(started.map(({ spec, warmupMs }) => [spec.key, { warmupMs, perFile: [] }]));
    for (const [i, name] of files.sample.entries()) {
      const turns = i % 2 === 0 ? started : [...started].reverse();
      for (const { spec, server } of turns) results[spec.key].perFile.push(await measureFile(server, dirs[spec.key], name, spec));
    }
    return results;
  } finally {
    await Promise.all(started.map(({ server }) => server.close()));
  }
}

/** One result from several rounds: per file (and per hovered call), the median of each measure. */
function mergeRounds(results) {
  const perFile = results[0].perFile.map((first, i) => {
    const merged = { ...first };
    for (const key of ['diagnosticsMs', 'ownDiagnosticsMs']) merged[key] = median(results.map((r) => r.perFile[i][key]));
    for (const key of ['quickInfoMs', 'ownQuickInfoMs'])
      merged[key] = first[key].map((_, hover) => median(results.map((r) => r.perFile[i][key][hover])));
    return merged;
  });
  return { warmupMs: median(results.map((r) => r.warmupMs)), perFile };
}

const stats = (list) => {
  // A measure a server does not take (the plugin's own time, without the plugin) is NaN here.
  const numbers = list.flat().filter(Number.isFinite);
  return {
    p50: percentile(numbers, 50),
    p95: percentile(numbers, 95),
    mean: numbers.reduce((a, b) => a + b, 0) / numbers.length,
    total: numbers.reduce((a, b) => a + b, 0),
    count: numbers.length,
  };
};
const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);

function printResults(without, withPlugin, rulesOff) {
  const d0 = stats(without.perFile.map((f) => f.diagnosticsMs));
  const d1 = stats(withPlugin.perFile.map((f) => f.diagnosticsMs));
  const q0 = stats(without.perFile.map((f) => f.quickInfoMs));
  const q1 = stats(withPlugin.perFile.map((f) => f.quickInfoMs));
  const ownD = stats(withPlugin.perFile.map((f) => f.ownDiagnosticsMs));
  const ownQ = stats(withPlugin.perFile.map((f) => f.ownQuickInfoMs));
  // Only with --without: the third server, the plugin with the named rules off.
  const d2 = rulesOff && stats(rulesOff.perFile.map((f) => f.diagnosticsMs));
  const ownD2 = rulesOff && stats(rulesOff.perFile.map((f) => f.ownDiagnosticsMs));
  const ownQ2 = rulesOff && stats(rulesOff.perFile.map((f) => f.ownQuickInfoMs));
  const OFF = 'named rules off';
  const servers = [['without', without], ['with', withPlugin], ...(rulesOff ? [[OFF, rulesOff]] : [])];
  const timed = (s) => [s.count, formatMs(s.p50), formatMs(s.p95), formatMs(s.mean), formatMs(s.total)];

  printTable(
    ['request', 'plugin', 'requests', 'p50', 'p95', 'mean', 'total', 'TS diags', 'qpq diags'],
    [
      ...servers.map(([plugin, run]) => ['warm-up: open + semanticDiagnosticsSync', plugin, 1, formatMs(run.warmupMs), '', '', '', '', '']),
      ...servers.map(([plugin, run]) => [
        'semanticDiagnosticsSync',
        plugin,
        ...timed(stats(run.perFile.map((f) => f.diagnosticsMs))),
        sum(run.perFile, 'tsDiagnostics'),
        sum(run.perFile, 'qpqDiagnostics'),
      ]),
      ...servers.map(([plugin, run]) => [
        `quickinfo on story calls (<= ${HOVERS_PER_FILE} a file)`,
        plugin,
        ...timed(stats(run.perFile.map((f) => f.quickInfoMs))),
        '',
        '',
      ]),
    ],
  );
  console.log('');
  const row = (name, value, baseline, target) => {
    const r = ratio(value, baseline);
    return [name, formatRatio(r), target ? `<= ${target.toFixed(2)}x` : 'report only', target ? verdict(r, target) : ''];
  };
  printTable(
    ['ratio, with plugin / without (same run)', 'measured', 'target', ''],
    [
      row('semanticDiagnosticsSync p50 per file', d1.p50, d0.p50, 1.1),
      row('semanticDiagnosticsSync p95 per file', d1.p95, d0.p95, 1.1),
      row('semanticDiagnosticsSync total over the sample', d1.total, d0.total, 1.1),
      // The same share inside the server with the plugin, from its own timings: free of the
      // difference between two tsserver processes, which moves the row above by several percent.
      row("  the same, over that server's own TypeScript time", d1.total, d1.total - ownD.total, 1.1),
      row('quickinfo p50', q1.p50, q0.p50),
      row('quickinfo p95', q1.p95, q0.p95),
      row('warm-up (program build + first check)', withPlugin.warmupMs, without.warmupMs),
    ],
  );
  if (rulesOff) {
    console.log('');
    // No target: what a rule may cost depends on the rule. The verdict column would stay empty.
    printTable(
      ['ratio, with plugin / with the named rules off (same run)', 'measured', 'target'],
      [
        row('semanticDiagnosticsSync p50 per file', d1.p50, d2.p50),
        row('semanticDiagnosticsSync p95 per file', d1.p95, d2.p95),
        row('semanticDiagnosticsSync total over the sample', d1.total, d2.total),
      ].map((cells) => cells.slice(0, 3)),
    );
  }
  console.log('');
  printTable(
    ["the plugin's own time (qpq/timings)", 'p50', 'p95', 'total', 'target'],
    [
      ['in semantic diagnostics, per file', formatMs(ownD.p50), formatMs(ownD.p95), formatMs(ownD.total), '< 5 ms at p95'],
      ...(rulesOff
        ? [[`in semantic diagnostics, per file, ${OFF}`, formatMs(ownD2.p50), formatMs(ownD2.p95), formatMs(ownD2.total), 'report only']]
        : []),
      ['in quick info, per story call', formatMs(ownQ.p50), formatMs(ownQ.p95), formatMs(ownQ.total), '<= 20 ms at p95'],
      ...(rulesOff
        ? [[`in quick info, per story call, ${OFF}`, formatMs(ownQ2.p50), formatMs(ownQ2.p95), formatMs(ownQ2.total), 'report only']]
        : []),
    ],
  );
  if (rulesOff) {
    // The difference of the plugin's own totals is the named rules' share, free of tsserver's
    // own noise; the wall-clock difference beside it includes that noise.
    const added = ownD.total - ownD2.total;
    console.log(
      `\nthe named rules (${withoutRules.map((c) => `qpq/${c.meta.id}`).join(', ')}) add ${formatMs(added)} of the plugin's own diagnostics time over the sample ` +
        `(${formatMs(ownD.total)} with them, ${formatMs(ownD2.total)} without; ${formatMs(added / ownD.count)} per file, ${Math.round(ratio(added, ownD.total) * 100)}% of the plugin's own time); ` +
        `semanticDiagnosticsSync wall time ${formatMs(d1.total - d2.total)} over the sample`,
    );
  }
}

/**
 * A copy of a real project for one server, its tsconfig with the plugin entry (and `rules`, when
 * given) or without any plugins. Copied afresh each run: the project may have changed since.
 */
function copyProject(source, suffix, { plugin, pluginRules }) {
  const ts = require('typescript');
  const outDir = join(import.meta.dirname, '.corpus', `tsserver-${basename(source)}-${suffix}`);
  rmSync(outDir, { recursive: true, force: true });
  cpSync(source, outDir, { recursive: true, filter: (path) => basename(path) !== 'node_modules' });
  const configPath = join(outDir, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error || !read.config) throw new Error(`--corpus: cannot read ${join(source, 'tsconfig.json')}`);
  const compilerOptions = { ...read.config.compilerOptions };
  if (plugin) compilerOptions.plugins = [{ name: 'qpq-ts-plugin', timings: true, ...(pluginRules ? { rules: pluginRules } : {}) }];
  else delete compilerOptions.plugins;
  writeFileSync(configPath, `${JSON.stringify({ ...read.config, compilerOptions }, null, 2)}\n`);
  if (values['framework-version']) writeFrameworkFiles(outDir, values['framework-version']);
  return outDir;
}

/** The directory each server works in: the synthetic corpus, or copies of the project `--corpus` names. */
function serverDirs() {
  const rulesOff = withoutRules.length > 0 ? Object.fromEntries(withoutRules.map((c) => [c.meta.id, 'off'])) : undefined;
  if (values.corpus) {
    const source = resolve(values.corpus);
    return {
      with: copyProject(source, 'with', { plugin: true }),
      without: copyProject(source, 'noplugin', { plugin: false }),
      ...(rulesOff ? { rulesOff: copyProject(source, 'without', { plugin: true, pluginRules: rulesOff }) } : {}),
    };
  }
  return {
    with: ensureCorpus(fileCount),
    without: ensureCorpus(fileCount, { outDir: corpusDir(fileCount, '-noplugin'), plugin: false }),
    ...(rulesOff ? { rulesOff: ensureCorpus(fileCount, { outDir: corpusDir(fileCount, '-without'), pluginRules: rulesOff }) } : {}),
  };
}

async function main() {
  const dirs = serverDirs();
  const files = chooseFiles(dirs.with);
  const size = values.corpus ? `${files.candidates} files in its program` : `${fileCount} files`;
  console.log(`tsserver from ${values.typescript} ${tsVersion}, Node ${process.versions.node}`);
  if (values.edit)
    console.log('each file edited (a line break typed at its end) before its diagnostics: a new program version per request');
  console.log(
    `${rounds} round(s), ${files.sample.length} files sampled from ${relative(process.cwd(), dirs.with)} (${size}; with plugin) and ${relative(process.cwd(), dirs.without)} (identical, tsconfig without plugins); ${files.warmup.length === 1 ? `warm-up file ${files.warmup[0]}` : `${files.warmup.length} warm-up files`}`,
  );
  if (dirs.rulesOff)
    console.log(
      `and ${relative(process.cwd(), dirs.rulesOff)} (identical, plugin with ${withoutRules.map((c) => `qpq/${c.meta.id}`).join(', ')} off)`,
    );
  console.log('');
  // The servers take turns file by file, in ABBA order (with --without A B C C B A), so no side
  // is always the one that runs on a warmer machine; each file's time is its median over the
  // rounds.
  const runs = Object.fromEntries(SERVERS.map((server) => [server.key, []]));
  for (let round = 0; round < rounds; round++) {
    const results = await measureRound(dirs, files, round);
    for (const server of SERVERS) {
      const result = results[server.key];
      runs[server.key].push(result);
      const diagnostics = result.perFile.map((f) => f.diagnosticsMs);
      // The round's own ratio of totals: how far apart rounds land tells how much a ratio means.
      const total = sum(result.perFile, 'diagnosticsMs');
      const versus =
        server.key === 'without' ? '' : ` (${formatRatio(ratio(total, sum(results.without.perFile, 'diagnosticsMs')))} of without)`;
      console.log(
        `  round ${round + 1}/${rounds}  ${server.label}: warm-up ${formatMs(result.warmupMs)}, diagnostics p50 ${formatMs(
          percentile(diagnostics, 50),
        )}, total ${formatMs(total)}${versus}`,
      );
    }
  }
  console.log('');
  printResults(mergeRounds(runs.without), mergeRounds(runs.with), runs.rulesOff && mergeRounds(runs.rulesOff));
}

await main();
