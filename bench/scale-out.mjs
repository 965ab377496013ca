// Ways to lint a big project with type information, on the synthetic corpus (4000 files by
// default), each the real ESLint CLI with qpq.configs['recommended-type-checked']:
//
//   one process                      the baseline
//   --concurrency N                  ESLint's worker threads: each worker builds its own program
//   --cache, cold then warm          a first cached run, then a second with one file changed
//   one process per package          the corpus split as workspace packages would be (a tsconfig
//                                    per source folder, each program holding its folder and what it
//                                    imports), the processes one after another and N at a time
//
// Printed: wall time, CPU time and peak memory of each way, and ratios to the one-process run.
// Also printed, to say what more workers would give: what one program costs (the typed run against
// the untyped one) and what each worker beyond the first adds, with what that makes at 8 workers.
// Report only: nothing is asserted.
//
//   node bench/scale-out.mjs [--files 4000] [--concurrency 2]
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { formatMb, formatMs, formatRatio, measure, memorySource, printTable, ratio } from './lib/measure.mjs';
import { ensureCorpus, lintConfigFile } from './generate-corpus.mjs';

const REPO_ROOT = join(import.meta.dirname, '..');
const ESLINT_BIN = join(REPO_ROOT, 'node_modules/eslint/bin/eslint.js');
const { values } = parseArgs({ options: { files: { type: 'string', default: '4000' }, concurrency: { type: 'string', default: '2' } } });
const fileCount = Number(values.files);
const parallel = Math.max(2, Number(values.concurrency));

/** One ESLint process; its figures, or a thrown error for a crash or a bad config. */
async function eslint(cwd, config, targets, extra = []) {
  const args = [ESLINT_BIN, '--config', config, '--format', 'json', '--output-file', join(cwd, '.report.json'), ...extra, ...targets];
  const run = await measure(process.execPath, args, { cwd });
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`eslint ${targets.join(' ')} exited ${run.status ?? run.signal}:\n${run.stderr.slice(0, 2000)}`);
  return { ms: run.ms, cpuMs: run.cpuMs, mb: run.maxRssMb };
}

/** Several processes at once: wall time of the slowest, CPU summed, memory summed (they coexist). */
async function together(runs) {
  const started = performance.now();
  const results = await Promise.all(runs.map((run) => run()));
  return {
    ms: performance.now() - started,
    cpuMs: results.reduce((sum, r) => sum + r.cpuMs, 0),
    mb: results.reduce((sum, r) => sum + r.mb, 0),
  };
}

async function oneAfterAnother(runs) {
  const results = [];
  for (const run of runs) results.push(await run());
  return {
    ms: results.reduce((sum, r) => sum + r.ms, 0),
    cpuMs: results.reduce((sum, r) => sum + r.cpuMs, 0),
    mb: Math.max(...results.map((r) => r.mb)),
  };
}

/** The copy split into packages: a tsconfig per folder of src, the root one keeping src's own files. */
function splitIntoPackages(dir) {
  const folders = readdirSync(join(dir, 'src'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `src/${entry.name}`);
  for (const folder of folders) {
    writeFileSync(
      join(dir, folder, 'tsconfig.json'),
      `${JSON.stringify({ extends: '../../tsconfig.json', include: ['**/*.ts'] }, null, 2)}\n`,
    );
  }
  return folders;
}

async function main() {
  const source = ensureCorpus(fileCount);
  // Beside the corpus, so the copies resolve the plugin and keep the tsconfig's relative paths.
  const scratch = mkdtempSync(join(source, '..', `scale-out-${fileCount}-`));
  try {
    const dir = join(scratch, 'app');
    cpSync(source, dir, { recursive: true });
    const typed = lintConfigFile(dir, 'qpq-recommended-type-checked');
    const untyped = lintConfigFile(dir, 'qpq-recommended');
    console.log(`corpus of ${fileCount} files, peak memory from ${memorySource}; ESLint with qpq.configs['recommended-type-checked']\n`);

    await eslint(dir, typed, ['src/config0.ts']); // warm the disk and module caches
    const rows = [];
    const add = (way, r) => {
      rows.push({ way, ...r });
      console.log(`  ${way.padEnd(48)} ${formatMs(r.ms).padStart(9)} ${formatMb(r.mb).padStart(8)}`);
    };
    add('one process', await eslint(dir, typed, ['src']));
    add(`--concurrency ${parallel}`, await eslint(dir, typed, ['src'], ['--concurrency', String(parallel)]));
    add('--cache, cold', await eslint(dir, typed, ['src'], ['--cache', '--cache-location', join(scratch, 'cache')]));
    appendFileSync(join(dir, 'src/config0.ts'), '\n');
    add('--cache, warm (one file changed)', await eslint(dir, typed, ['src'], ['--cache', '--cache-location', join(scratch, 'cache')]));

    const split = join(scratch, 'split');
    cpSync(source, split, { recursive: true });
    const packages = splitIntoPackages(split);
    const splitConfig = lintConfigFile(split, 'qpq-recommended-type-checked');
    // The root package lints src's own files; each folder is a package with its own program.
    const perPackage = [...packages.map((folder) => [folder]), ['src/*.ts']].map((targets) => () => eslint(split, splitConfig, targets));
    add(`one process per package (${perPackage.length}), one after another`, await oneAfterAnother(perPackage));
    const batches = [];
    for (let i = 0; i < perPackage.length; i += parallel) batches.push(perPackage.slice(i, i + parallel));
    add(`one process per package, ${parallel} at a time`, await oneAfterAnother(batches.map((batch) => () => together(batch))));

    const untypedAll = await eslint(dir, untyped, ['src']);

    console.log('');
    const base = rows[0];
    printTable(
      ['way', 'wall', 'CPU', 'peak memory', 'wall / one process', 'memory / one process'],
      rows.map((r) => [
        r.way,
        formatMs(r.ms),
        formatMs(r.cpuMs),
        formatMb(r.mb),
        formatRatio(ratio(r.ms, base.ms)),
        formatRatio(ratio(r.mb, base.mb)),
      ]),
    );
    console.log('');
    // Each extra worker starts a thread and builds its own program for the files it lints.
    const concurrent = rows[1];
    const extraCpu = (concurrent.cpuMs - base.cpuMs) / (parallel - 1);
    const extraMb = (concurrent.mb - base.mb) / (parallel - 1);
    const program = { cpuMs: base.cpuMs - untypedAll.cpuMs, mb: base.mb - untypedAll.mb };
    console.log(
      `one program (the typed run against the untyped one, all ${fileCount} files): ${formatMs(program.cpuMs)} CPU, ${formatMb(program.mb)} memory`,
    );
    console.log(
      `each worker beyond the first (--concurrency ${parallel} against one process): ${formatMs(extraCpu)} CPU, ${formatMb(extraMb)} memory`,
    );
    const at8 = {
      cpuMs: base.cpuMs + 7 * extraCpu,
      mb: base.mb + 7 * extraMb,
      ms: Math.max(program.cpuMs, (base.cpuMs + 7 * extraCpu) / 8),
    };
    console.log(
      `so at --concurrency 8 on 8 cores: about ${formatMs(at8.cpuMs)} CPU, ${formatMb(at8.mb)} memory, and no faster than one program's build ` +
        `(wall at best ${formatMs(at8.ms)}, one process ${formatMs(base.ms)})`,
    );
    console.log('memory of several processes at a time is their sum; one after another, the largest');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
