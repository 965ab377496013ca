// A real tsserver on the synthetic corpus, with and without qpq-ts-plugin, in one run: the time of
// semantic diagnostics per file (target: the plugin adds at most 10%, and under 5 ms at p95) and
// of quick info on a story call (target: the plugin adds at most 20 ms at p95).
//
//   node bench/tsserver.mjs [--files 1000] [--sample 200] [--typescript typescript|typescript-6]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { TsServerClient } from '../fixtures/support/tsserver-client.mjs';
import { corpusDir, corpusTsconfig, generateCorpus } from './generate-corpus.mjs';
import { formatMs, formatRatio, percentile, printTable, ratio } from './lib/measure.mjs';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '1000' }, sample: { type: 'string', default: '200' }, typescript: { type: 'string', default: 'typescript' } },
});
const fileCount = Number(values.files);
const dir = corpusDir(fileCount);
if (!existsSync(join(dir, 'tsconfig.json'))) generateCorpus(fileCount, dir);
const require = createRequire(import.meta.url);
const tsserverPath = require.resolve(`${values.typescript}/lib/tsserver.js`);
const repoRoot = join(import.meta.dirname, '..');

// Every k-th logic and controller file: the files with stories, where the plugin has work.
const storyFiles = readdirSync(join(dir, 'src'))
  .filter((name) => /^(logic|controller)\d+\.ts$/.test(name))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  .map((name) => join(dir, 'src', name));
const step = Math.max(1, Math.floor(storyFiles.length / Number(values.sample)));
const sample = storyFiles.filter((_, i) => i % step === 0).slice(0, Number(values.sample));

/** Line and offset of the first `yield* ` delegation's callee in a file, for quick info. */
function storyCallPosition(text) {
  const lines = text.split('\n');
  const row = lines.findIndex((line) => line.includes('yield* ask'));
  return { line: row + 1, offset: lines[row].indexOf('yield* ask') + 'yield* '.length + 1 };
}

async function timeRequest(server, command, args) {
  const started = performance.now();
  await server.request(command, args, 120_000);
  return performance.now() - started;
}

async function measureServer(withPlugin) {
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(corpusTsconfig(dir, withPlugin), null, 2)}\n`);
  const server = new TsServerClient({ tsserverPath, cwd: repoRoot });
  const diagnostics = new Map();
  const quickInfo = new Map();
  // The plugin's own share of each request, as it measures it (qpq/timings).
  const ownDiagnostics = new Map();
  const ownQuickInfo = new Map();
  try {
    // Build the program once before measuring: the first request pays for it, with or without.
    await server.open(sample[0]);
    await server.request('semanticDiagnosticsSync', { file: sample[0] }, 300_000);
    await server.request('updateOpen', { closedFiles: [sample[0]] });
    for (const file of sample) {
      await server.open(file);
      diagnostics.set(file, await timeRequest(server, 'semanticDiagnosticsSync', { file }));
      if (withPlugin) ownDiagnostics.set(file, (await server.request('qpq/timings')).diagnosticsMs);
      quickInfo.set(file, await timeRequest(server, 'quickinfo', { file, ...storyCallPosition(readFileSync(file, 'utf8')) }));
      if (withPlugin) ownQuickInfo.set(file, (await server.request('qpq/timings')).quickInfoMs);
      await server.request('updateOpen', { closedFiles: [file] });
    }
  } finally {
    await server.close();
  }
  return { diagnostics, quickInfo, ownDiagnostics, ownQuickInfo };
}

console.log(`tsserver (${values.typescript}) on ${sample.length} story files of a ${fileCount}-file corpus (${relative(process.cwd(), dir)})\n`);
// Without the plugin first and last, so warm-up effects on the machine touch both sides.
const without = await measureServer(false);
const withPlugin = await measureServer(true);
writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(corpusTsconfig(dir, true), null, 2)}\n`);

const stats = (map) => {
  const list = [...map.values()];
  return { total: list.reduce((a, b) => a + b, 0), p50: percentile(list, 50), p95: percentile(list, 95) };
};
const d0 = stats(without.diagnostics);
const d1 = stats(withPlugin.diagnostics);
const q0 = stats(without.quickInfo);
const q1 = stats(withPlugin.quickInfo);
const ownDiagnostics = [...withPlugin.ownDiagnostics.values()];
const ownQuickInfo = [...withPlugin.ownQuickInfo.values()];

printTable(
  ['request', 'plugin', 'total', 'p50 per file', 'p95 per file'],
  [
    ['semanticDiagnosticsSync', 'without', formatMs(d0.total), formatMs(d0.p50), formatMs(d0.p95)],
    ['semanticDiagnosticsSync', 'with', formatMs(d1.total), formatMs(d1.p50), formatMs(d1.p95)],
    ['quickinfo on a story call', 'without', formatMs(q0.total), formatMs(q0.p50), formatMs(q0.p95)],
    ['quickinfo on a story call', 'with', formatMs(q1.total), formatMs(q1.p50), formatMs(q1.p95)],
  ],
);
console.log('');
printTable(
  ['measure', 'measured', 'target'],
  [
    ['semantic diagnostics, with / without (total time)', formatRatio(ratio(d1.total, d0.total)), '<= 1.10x'],
    ['semantic diagnostics, plugin time per file (p50 / p95)', `${formatMs(percentile(ownDiagnostics, 50))} / ${formatMs(percentile(ownDiagnostics, 95))}`, '< 5 ms at p95'],
    ['quick info, plugin time (p50 / p95)', `${formatMs(percentile(ownQuickInfo, 50))} / ${formatMs(percentile(ownQuickInfo, 95))}`, '<= 20 ms at p95'],
  ],
);
