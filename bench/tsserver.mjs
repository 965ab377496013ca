// A real tsserver on the synthetic corpus, with and without qpq-ts-plugin, in one run. Two
// identical corpora are generated side by side; only their tsconfig differs (`plugins` or not),
// since tsserver has no switch to ignore the plugins a tsconfig names.
//
// For each server: open one file that is not in the sample and ask for its semantic diagnostics
// (the program is built and the plugin created: the warm-up, reported separately); then, one
// file at a time, open it, time `semanticDiagnosticsSync`, time `quickinfo` on its first story
// call, close it. Servers run in ABBA order over `--rounds` (default 2), each file's time the
// median over its rounds. Prints p50 / p95 per file with and without the plugin and their ratios
// (target: the plugin adds at most 10%), and the plugin's own time as it measures it
// (`qpq/timings`, a command the plugin adds only with its `timings` option, which the corpus
// tsconfig sets). Nothing is asserted.
//
//   node bench/tsserver.mjs [--files 1000] [--sample 200] [--rounds 2] [--typescript typescript|typescript-6] [--timeout 120]
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { corpusDir, ensureCorpus } from './generate-corpus.mjs';
import { formatMs, formatRatio, percentile, printTable, ratio, verdict } from './lib/measure.mjs';
import { TsServerClient } from '../fixtures/support/tsserver-client.mjs';

const PLUGIN_CODES = { min: 990000, max: 990999 }; // qpq-ts-plugin's diagnostic codes

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '1000' },
    sample: { type: 'string', default: '200' },
    typescript: { type: 'string', default: 'typescript' },
    rounds: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '120' },
  },
});
const fileCount = Number(values.files);
const sampleSize = Number(values.sample);
const rounds = Math.max(1, Number(values.rounds));
const timeoutMs = Number(values.timeout) * 1000;
const require = createRequire(import.meta.url);
const tsserverPath = require.resolve(`${values.typescript}/lib/tsserver.js`);
const tsVersion = require(`${values.typescript}/package.json`).version;

/** The files where the plugin has work (stories, route stories, runtime references), sorted. */
function candidateFiles(dir) {
  const numeric = (a, b) => a.localeCompare(b, 'en', { numeric: true });
  const under = (folder) => readdirSync(join(dir, folder)).filter((f) => f.endsWith('.ts')).sort(numeric).map((f) => `${folder}/${f}`);
  return [...under('src/logic'), ...under('src/controllers'), ...under('src').filter((f) => /^src\/config\d+\.ts$/.test(f))];
}

/** Every k-th candidate: the same relative paths in both corpora. The warm-up file is not one. */
function chooseFiles(dir) {
  const candidates = candidateFiles(dir);
  const step = Math.max(1, Math.floor(candidates.length / sampleSize));
  const sample = candidates.filter((_, i) => i % step === 0).slice(0, sampleSize);
  const warmup = candidates.find((f) => !sample.includes(f));
  return { sample, warmup };
}

/** Line and offset (1-based) of the callee in the first `yield* ask…` of a file, for quick info. */
function storyCallPosition(text) {
  const lines = text.split('\n');
  const row = lines.findIndex((line) => line.includes('yield* ask'));
  return row < 0 ? undefined : { line: row + 1, offset: lines[row].indexOf('yield* ask') + 'yield* '.length + 1 };
}

async function timed(body) {
  const started = performance.now();
  const result = await body();
  return { ms: performance.now() - started, result };
}

/** One server, the whole protocol: warm up, then every sample file in turn. */
async function measureServer(dir, files, withPlugin) {
  const server = new TsServerClient({ tsserverPath, cwd: dir, args: ['--suppressDiagnosticEvents'] });
  const perFile = [];
  try {
    const warmupFile = join(dir, files.warmup);
    const warmup = await timed(async () => {
      await server.open(warmupFile);
      await server.request('semanticDiagnosticsSync', { file: warmupFile }, timeoutMs * 5);
    });
    await server.closeFile(warmupFile);
    const pluginLoaded = await server.request('qpq/timings', {}).then(
      () => true,
      () => false,
    );
    if (pluginLoaded !== withPlugin) throw new Error(`qpq-ts-plugin ${withPlugin ? 'did not load' : 'loaded'} for ${dir}`);

    for (const name of files.sample) {
      const file = join(dir, name);
      await server.open(file);
      const diagnostics = await timed(() => server.request('semanticDiagnosticsSync', { file }, timeoutMs));
      const own = withPlugin ? await server.request('qpq/timings', {}) : undefined;
      const position = storyCallPosition(readFileSync(file, 'utf8'));
      const quickInfo = position ? await timed(() => server.request('quickinfo', { file, ...position }, timeoutMs)) : undefined;
      const ownQuickInfo = withPlugin && position ? (await server.request('qpq/timings', {})).quickInfoMs : undefined;
      await server.closeFile(file);
      const codes = diagnostics.result.map((d) => d.code);
      perFile.push({
        name,
        diagnosticsMs: diagnostics.ms,
        quickInfoMs: quickInfo?.ms,
        ownDiagnosticsMs: own?.diagnosticsMs,
        ownQuickInfoMs: ownQuickInfo,
        qpqDiagnostics: codes.filter((c) => c >= PLUGIN_CODES.min && c <= PLUGIN_CODES.max).length,
        tsDiagnostics: codes.filter((c) => c < PLUGIN_CODES.min || c > PLUGIN_CODES.max).length,
      });
    }
    return { warmupMs: warmup.ms, perFile };
  } finally {
    await server.close();
  }
}

/** One result from several rounds: per file, the median of each measure. */
function mergeRounds(results) {
  const perFile = results[0].perFile.map((first, i) => {
    const merged = { ...first };
    for (const key of ['diagnosticsMs', 'quickInfoMs', 'ownDiagnosticsMs', 'ownQuickInfoMs']) {
      const list = results.map((r) => r.perFile[i][key]).filter((v) => typeof v === 'number');
      merged[key] = list.length > 0 ? percentile(list, 50) : undefined;
    }
    return merged;
  });
  return { warmupMs: percentile(results.map((r) => r.warmupMs), 50), perFile };
}

const stats = (list) => {
  const numbers = list.filter((v) => typeof v === 'number');
  return { p50: percentile(numbers, 50), p95: percentile(numbers, 95), mean: numbers.reduce((a, b) => a + b, 0) / numbers.length, total: numbers.reduce((a, b) => a + b, 0), count: numbers.length };
};
const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);

function printResults(without, withPlugin) {
  const d0 = stats(without.perFile.map((f) => f.diagnosticsMs));
  const d1 = stats(withPlugin.perFile.map((f) => f.diagnosticsMs));
  const q0 = stats(without.perFile.map((f) => f.quickInfoMs));
  const q1 = stats(withPlugin.perFile.map((f) => f.quickInfoMs));
  const ownD = stats(withPlugin.perFile.map((f) => f.ownDiagnosticsMs));
  const ownQ = stats(withPlugin.perFile.map((f) => f.ownQuickInfoMs));

  printTable(
    ['request', 'plugin', 'files', 'p50 per file', 'p95 per file', 'mean', 'total', 'TS diags', 'qpq diags'],
    [
      ['warm-up: open + semanticDiagnosticsSync', 'without', 1, formatMs(without.warmupMs), '', '', '', '', ''],
      ['warm-up: open + semanticDiagnosticsSync', 'with', 1, formatMs(withPlugin.warmupMs), '', '', '', '', ''],
      ['semanticDiagnosticsSync', 'without', d0.count, formatMs(d0.p50), formatMs(d0.p95), formatMs(d0.mean), formatMs(d0.total), sum(without.perFile, 'tsDiagnostics'), sum(without.perFile, 'qpqDiagnostics')],
      ['semanticDiagnosticsSync', 'with', d1.count, formatMs(d1.p50), formatMs(d1.p95), formatMs(d1.mean), formatMs(d1.total), sum(withPlugin.perFile, 'tsDiagnostics'), sum(withPlugin.perFile, 'qpqDiagnostics')],
      ['quickinfo on a story call', 'without', q0.count, formatMs(q0.p50), formatMs(q0.p95), formatMs(q0.mean), formatMs(q0.total), '', ''],
      ['quickinfo on a story call', 'with', q1.count, formatMs(q1.p50), formatMs(q1.p95), formatMs(q1.mean), formatMs(q1.total), '', ''],
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
      row('quickinfo p50', q1.p50, q0.p50),
      row('quickinfo p95', q1.p95, q0.p95),
      row('warm-up (program build + first check)', withPlugin.warmupMs, without.warmupMs),
    ],
  );
  console.log('');
  printTable(
    ["the plugin's own time (qpq/timings)", 'p50', 'p95', 'target'],
    [
      ['in semantic diagnostics, per file', formatMs(ownD.p50), formatMs(ownD.p95), '< 5 ms at p95'],
      ['in quick info', formatMs(ownQ.p50), formatMs(ownQ.p95), '<= 20 ms at p95'],
    ],
  );
}

async function main() {
  const withDir = ensureCorpus(fileCount);
  const withoutDir = ensureCorpus(fileCount, { outDir: corpusDir(fileCount, '-noplugin'), plugin: false });
  const files = chooseFiles(withDir);
  console.log(`tsserver from ${values.typescript} ${tsVersion}, Node ${process.versions.node}`);
  console.log(`${rounds} round(s), ${files.sample.length} files sampled from ${relative(process.cwd(), withDir)} (${fileCount} files; with plugin) and ${relative(process.cwd(), withoutDir)} (identical, tsconfig without plugins); warm-up file ${files.warmup}\n`);
  // ABBA order over the rounds (without, with, with, without, ...), so neither side is always
  // the one that runs on a warmer machine; each file's time is its median over the rounds.
  const runs = { without: [], with: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [false, true] : [true, false];
    for (const withPlugin of order) {
      const result = await measureServer(withPlugin ? withDir : withoutDir, files, withPlugin);
      runs[withPlugin ? 'with' : 'without'].push(result);
      console.log(`  round ${round + 1}/${rounds}  ${withPlugin ? 'with   ' : 'without'} plugin: warm-up ${formatMs(result.warmupMs)}, diagnostics p50 ${formatMs(percentile(result.perFile.map((f) => f.diagnosticsMs), 50))}`);
    }
  }
  console.log('');
  printResults(mergeRounds(runs.without), mergeRounds(runs.with));
}

await main();
