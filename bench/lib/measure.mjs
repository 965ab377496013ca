// Runs a command as a child process and measures it: wall time, and peak memory through GNU time
// where the machine has it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';
const RSS_MARK = 'QPQ_BENCH_MAXRSS_KB=';

/** @returns {{ ms: number, maxRssMb: number | undefined, status: number | null, stdout: string, stderr: string }} */
export function measure(command, args, options = {}) {
  const withTime = existsSync(GNU_TIME);
  const [file, argv] = withTime ? [GNU_TIME, ['-f', `${RSS_MARK}%M`, command, ...args]] : [command, args];
  const started = performance.now();
  const run = spawnSync(file, argv, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...options });
  const ms = performance.now() - started;
  const rss = new RegExp(`${RSS_MARK}(\\d+)`).exec(run.stderr ?? '');
  return {
    ms,
    maxRssMb: rss ? Number(rss[1]) / 1024 : undefined,
    status: run.status,
    stdout: run.stdout ?? '',
    stderr: (run.stderr ?? '').replace(new RegExp(`${RSS_MARK}\\d+\\n?`), ''),
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const ratio = (value, baseline) => (baseline > 0 ? value / baseline : NaN);
export const formatRatio = (r) => `${r.toFixed(2)}x`;
export const formatMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** Prints rows of cells as an aligned table. */
export function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
