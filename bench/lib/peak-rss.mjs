// Runs a Node script in this process and, when the process exits, writes its peak resident set
// size to stderr in the form bench/lib/measure.mjs reads. Used where GNU time is missing.
//
//   node bench/lib/peak-rss.mjs <script> [args...]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nQPQ_BENCH_MAXRSS_KB=${usage.maxRSS} cpu=${usage.userCPUTime / 1e6}+${usage.systemCPUTime / 1e6}\n`);
});
await import(pathToFileURL(resolve(script)).href);
