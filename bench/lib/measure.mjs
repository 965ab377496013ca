// Shared by the benchmarks: run a child process and measure it (wall time, peak memory), the
// statistics, and the printing.
//
// Peak memory is the child's maximum resident set size: from GNU time (`/usr/bin/time -f %M`)
// where the machine has it, otherwise, for Node children, from a small wrapper that runs the
// script in-process and reports `process.resourceUsage().maxRSS` on exit. Worker threads (ESLint's
// `--concurrency`) live in the same process, so both count them.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';
const RSS_MARK = 'QPQ_BENCH_MAXRSS_KB=';
const RSS_WRAPPER = join(import.meta.dirname, 'peak-rss.mjs');
const RSS_PATTERN = new RegExp(`\\n?${RSS_MARK}(\\d+)(?: cpu=([\\d.]+)\\+([\\d.]+))?\\n?`);

/** Where peak memory comes from on this machine, for Node children. */
export const memorySource = existsSync(GNU_TIME) ? 'GNU time (/usr/bin/time -f %M)' : 'in-process wrapper (process.resourceUsage().maxRSS)';

function withMemoryProbe(command, args) {
  if (existsSync(GNU_TIME)) return [GNU_TIME, ['-f', `${RSS_MARK}%M cpu=%U+%S`, command, ...args]];
  if (command === process.execPath) return [command, [RSS_WRAPPER, ...args]];
  return [command, args];
}

/**
 * Runs `command args` as its own process group, so a hang can be ended with everything it
 * started. Resolves with wall time (ms), peak RSS (MB, when known), exit status, stdout, stderr.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} [options]
 * @returns {Promise<{ ms: number, cpuMs: number | undefined, maxRssMb: number | undefined, status: number | null, signal: string | null, timedOut: boolean, stdout: string, stderr: string }>}
 */
export function measure(command, args, { cwd, env, timeoutMs = 30 * 60_000 } = {}) {
  const [file, argv] = withMemoryProbe(command, args);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    // The child has its own process group, so Ctrl-C does not reach it: end it here, then stop.
    const onInterrupt = () => {
      killGroup(child);
      process.exit(130);
    };
    process.once('SIGINT', onInterrupt);
    child.on('error', (error) => {
      clearTimeout(timer);
      process.off('SIGINT', onInterrupt);
      reject(error);
    });
    child.on('close', (status, signal) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      process.off('SIGINT', onInterrupt);
      const errText = Buffer.concat(stderr).toString('utf8');
      const rss = RSS_PATTERN.exec(errText);
      resolve({
        ms,
        maxRssMb: rss ? Number(rss[1]) / 1024 : undefined,
        // User plus system CPU time of the child: steadier than wall time on a busy machine.
        cpuMs: rss && rss[2] !== undefined ? (Number(rss[2]) + Number(rss[3])) * 1000 : undefined,
        status,
        signal,
        timedOut,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: errText.replace(RSS_PATTERN, '\n'),
      });
    });
  });
}

/** Ends a child started with `detached: true` and whatever it started (its process group). */
export function killGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics

export function median(values) {
  return percentile(values, 50);
}

/** Linear interpolation between closest ranks; NaN for an empty list. */
export function percentile(values, p) {
  const sorted = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export const ratio = (value, baseline) => (baseline > 0 ? value / baseline : NaN);

// ---------------------------------------------------------------------------------------------
// Printing

export const formatRatio = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}x` : 'n/a');
export const formatMs = (ms) => (!Number.isFinite(ms) ? 'n/a' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
export const formatMb = (mb) => (Number.isFinite(mb) ? `${mb.toFixed(0)} MB` : 'n/a');

/** `within` when a ratio meets its target (at most `limit`), `OVER` when not. Printed, never asserted. */
export const verdict = (value, limit) => (!Number.isFinite(value) ? 'n/a' : value <= limit ? 'within' : 'OVER');

/** Prints rows of cells as an aligned table. */
export function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
