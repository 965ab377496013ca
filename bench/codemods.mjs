// Throughput and peak memory of `qpq-codemod` on a synthetic legacy qpq project (seeded, so the
// same on every run): `scoped-packages` and `config-v2`, each with and without the type check
// after writing, `action-factory`, `extract-infra`, `migrate` and `upgrade` (from before the 2024
// config change, which the corpus still has: config-v2, then every release table from 0.1.0 to the
// newest release, and with `--to next` the unreleased one and action-factory too), against one `tsc --noEmit` of the same project as the
// baseline measured in the same run. The real CLI runs as a child process on a fresh copy of the
// corpus each time.
//
//   node bench/codemods.mjs [--files 2000] [--runs 1]
//
// Needs a build first (npm run build). Writes under bench/.corpus/ (git-ignored).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(REPO_ROOT, 'codemods', 'bin', 'qpq-codemod.js');
const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const GNU_TIME = '/usr/bin/time';

const { values } = parseArgs({ options: { files: { type: 'string', default: '2000' }, runs: { type: 'string', default: '1' } } });
const FILES = Number(values.files);
const RUNS = Math.max(1, Number(values.runs));

/** mulberry32: a small seeded generator. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['ap-southeast-2', 'us-east-1', 'eu-west-1'];

/**
 * A legacy project of `count` source files: about 10% service configs with the old signatures
 * (build path arguments, `defineBuildPath`, the region in `defineApplicationModule`, some through
 * aliased or namespace imports), 50% logic stories, 25% route controllers (each with a `@qpq`
 * route annotation), 15% plain utilities, and about 2% hand-written actions (requester, types
 * file, action type enum and processor, one in five with an error enum) used by some stories;
 * every framework import spelled `quidproquo-*`.
 */
function generateLegacyCorpus(count, dir) {
  const next = random(count * 31 + 7);
  const pick = (items) => items[Math.floor(next() * items.length)];
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  const write = (file, text) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  write(
    'package.json',
    `${JSON.stringify({ name: `legacy-corpus-${count}`, private: true, dependencies: { 'quidproquo-core': '^0.0.250', 'quidproquo-webserver': '^0.0.250', 'quidproquo-config-aws': '^0.0.250' } }, null, 2)}\n`,
  );
  write(
    'tsconfig.json',
    `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ['src'] }, null, 2)}\n`,
  );
  write('src/types/shared.ts', 'export interface Item {\n  id: string;\n  value: number;\n}\n');

  const configs = Math.max(1, Math.round(count * 0.1));
  const logic = Math.round(count * 0.5);
  const controllers = Math.round(count * 0.25);
  const actions = Math.max(1, Math.round((count * 0.02) / 4));
  const utilities = count - 1 - configs - logic - controllers - actions * 4;

  for (let i = 0; i < actions; i++) {
    const name = `Thing${i}`;
    const folder = `src/actions/thing${i}`;
    const withErrors = i % 5 === 0;
    write(`${folder}/${name}ActionType.ts`, `export enum ${name}ActionType {\n  Do = '@corpus/${name}/Do',\n}\n`);
    write(
      `${folder}/${name}ActionTypes.ts`,
      `import { Action, ActionProcessor, ActionRequester } from 'quidproquo-core';\n\nimport { ${name}ActionType } from './${name}ActionType';\n\nexport interface ${name}DoActionPayload {\n  id: string;\n  count?: number;\n}\n\nexport interface ${name}DoAction extends Action<${name}DoActionPayload> {\n  type: ${name}ActionType.Do;\n  payload: ${name}DoActionPayload;\n}\n\nexport type ${name}DoActionProcessor = ActionProcessor<${name}DoAction, number>;\nexport type ${name}DoActionRequester = ActionRequester<${name}DoAction, number>;\n`,
    );
    write(
      `${folder}/${name}DoActionRequester.ts`,
      `import { ${name}ActionType } from './${name}ActionType';\nimport { ${name}DoActionRequester } from './${name}ActionTypes';\n\nexport function* ask${name}Do(id: string, count?: number): ${name}DoActionRequester {\n  return yield { type: ${name}ActionType.Do, payload: { id, count } };\n}\n${withErrors ? `\nexport const ${name}DoErrorTypeEnum = createErrorEnumForAction(${name}ActionType.Do, ['Missing']);\n` : ''}`.replace(
        /^/,
        withErrors ? "import { createErrorEnumForAction } from 'quidproquo-core';\n\n" : '',
      ),
    );
    write(
      `${folder}/get${name}DoActionProcessor.ts`,
      `import { ActionProcessorList, ActionProcessorListResolver, actionResult, QPQConfig } from 'quidproquo-core';\n\nimport { ${name}ActionType } from './${name}ActionType';\nimport { ${name}DoActionProcessor } from './${name}ActionTypes';\n\nconst getProcess${name}Do = (qpqConfig: QPQConfig): ${name}DoActionProcessor => {\n  return async ({ count }) => actionResult(count ?? 0);\n};\n\nexport const get${name}DoActionProcessor: ActionProcessorListResolver = async (qpqConfig: QPQConfig): Promise<ActionProcessorList> => ({\n  [${name}ActionType.Do]: getProcess${name}Do(qpqConfig),\n});\n`,
    );
  }

  for (let i = 0; i < logic; i++) {
    const story = `askItem${i}`;
    // One story in ten also runs one of the hand-written actions.
    const thing = i % 10 === 0 ? `Thing${(i / 10) % actions}` : undefined;
    const thingImport = thing ? `import { ask${thing}Do } from '../actions/${thing.toLowerCase()}/${thing}DoActionRequester';\n` : '';
    const thingCall = thing ? `  yield* ask${thing}Do(id, ${i});\n` : '';
    write(
      `src/logic/item${i}.ts`,
      `import { askDateNow, askKeyValueStoreGet, askLogCreate, AskResponse, LogLevelEnum } from 'quidproquo-core';\n\n${thingImport}import { Item } from '../types/shared';\n\nexport function* ${story}(id: string): AskResponse<Item> {\n  const item = (yield* askKeyValueStoreGet('items-${i % 7}', id)) as Item;\n  const at = yield* askDateNow();\n${thingCall}  yield* askLogCreate(LogLevelEnum.Info, 'read', { id, at });\n  return { ...item, value: item.value + ${i} };\n}\n`,
    );
  }
  for (let i = 0; i < controllers; i++) {
    const target = Math.floor(next() * logic);
    write(
      `src/controllers/controller${i}.ts`,
      `import { AskResponse } from 'quidproquo-core';\nimport { HTTPEvent, HTTPEventResponse, toJsonEventResponse } from 'quidproquo-webserver';\n\nimport { askItem${target} } from '../logic/item${target}';\n\n/** @qpq route: { method: GET, path: '/items${i}/{id}', auth: { userDirectoryName: main } } */\nexport function* getItem${i}(event: HTTPEvent): AskResponse<HTTPEventResponse> {\n  const item = yield* askItem${target}(String(event.query.id ?? ''));\n  return toJsonEventResponse(item);\n}\n`,
    );
  }
  for (let i = 0; i < utilities; i++) {
    write(`src/utils/util${i}.ts`, `export function format${i}(value: number): string {\n  return value.toFixed(${i % 4});\n}\n`);
  }
  for (let i = 0; i < configs; i++) {
    const region = pick(REGIONS);
    const style = i % 3;
    const lines = [];
    if (style === 0) {
      lines.push(
        "import { defineApplicationModule, defineBuildPath, defineDeployEvent, defineQueue, defineRecurringSchedule, QPQConfig } from 'quidproquo-core';",
        "import { defineRoute } from 'quidproquo-webserver';",
        '',
        'declare const __dirname: string;',
        '',
        "const buildPath = '../dist';",
        '',
        'export const config: QPQConfig = [',
        `  defineApplicationModule('corpus', 'service${i}', 'production', __dirname, '${region}'),`,
        '  defineBuildPath(buildPath),',
      );
    } else if (style === 1) {
      lines.push(
        "import * as qpq from 'quidproquo-core';",
        "import { defineQueue as queue, QPQConfig } from 'quidproquo-core';",
        "import { defineRoute } from 'quidproquo-webserver';",
        '',
        "const buildPath = '../dist';",
        '',
        'export const config: QPQConfig = [',
      );
    } else {
      lines.push(
        "import { defineQueue, QPQConfig } from 'quidproquo-core';",
        "import { defineRoute } from 'quidproquo-webserver';",
        '',
        'export const config: QPQConfig = [',
      );
    }
    const routes = 2 + Math.floor(next() * 4);
    for (let r = 0; r < routes; r++) {
      const controller = Math.floor(next() * Math.max(1, controllers));
      lines.push(`  defineRoute('GET', '/service${i}/items${r}', '/controllers/controller${controller}::getItem${controller}'),`);
    }
    const queues = 1 + Math.floor(next() * 3);
    for (let q = 0; q < queues; q++) {
      const processors = `{ 'item/${q}': '/logic/item${q}::askItem${q}' }`;
      if (style === 0) lines.push(`  defineQueue('queue-${i}-${q}', buildPath, ${processors}${q % 2 ? ', { batchSize: 10 }' : ''}),`);
      else if (style === 1) lines.push(`  queue('queue-${i}-${q}', buildPath, ${processors}),`);
      else lines.push(`  defineQueue('queue-${i}-${q}', ${processors}, { batchSize: ${q + 1} }),`);
    }
    if (style === 0) {
      lines.push(
        `  defineRecurringSchedule('0 ${i % 24} * * *', '/logic/item0::askItem0', buildPath),`,
        `  defineDeployEvent(buildPath, 'deploy-${i}', '/logic/item1::askItem1'),`,
      );
    } else if (style === 1) {
      lines.push(`  qpq.defineRecurringSchedule('0 ${i % 24} * * *', '/logic/item0::askItem0', buildPath),`);
    }
    lines.push('];', '');
    write(`src/config/service${i}.ts`, lines.join('\n'));
  }
}

/** Runs a command as a child, with GNU time for the peak memory where the machine has it. */
function measure(command, args, cwd) {
  const withTime = existsSync(GNU_TIME);
  const [file, argv] = withTime ? [GNU_TIME, ['-v', command, ...args]] : [command, args];
  const started = performance.now();
  const run = spawnSync(file, argv, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr ?? '');
  return { ms, maxRssMb: rss ? Number(rss[1]) / 1024 : undefined, status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

if (!existsSync(join(REPO_ROOT, 'codemods', 'dist', 'cli.js'))) {
  console.error('codemods/dist is missing: run npm run build first.');
  process.exit(1);
}

const corpus = join(REPO_ROOT, 'bench', '.corpus', `codemods-legacy-${FILES}`);
const work = join(REPO_ROOT, 'bench', '.corpus', `codemods-run-${FILES}`);
generateLegacyCorpus(FILES, corpus);
const fresh = () => {
  rmSync(work, { recursive: true, force: true });
  cpSync(corpus, work, { recursive: true });
  return work;
};

const scenarios = [
  { label: 'tsc --noEmit (baseline)', command: process.execPath, args: [TSC, '--noEmit', '-p', '.'], baseline: true },
  { label: 'scoped-packages --no-typecheck', command: process.execPath, args: [CLI, 'scoped-packages', '--force', '--no-typecheck'] },
  { label: 'scoped-packages', command: process.execPath, args: [CLI, 'scoped-packages', '--force'] },
  { label: 'config-v2 --no-typecheck', command: process.execPath, args: [CLI, 'config-v2', '--force', '--no-typecheck'] },
  { label: 'config-v2', command: process.execPath, args: [CLI, 'config-v2', '--force'] },
  { label: 'action-factory', command: process.execPath, args: [CLI, 'action-factory', '--force'] },
  { label: 'extract-infra --no-typecheck', command: process.execPath, args: [CLI, 'extract-infra', '--force', '--no-typecheck'] },
  { label: 'extract-infra', command: process.execPath, args: [CLI, 'extract-infra', '--force'] },
  { label: 'migrate', command: process.execPath, args: [CLI, 'migrate', '--force'] },
  // The corpus still has the signatures of 2024 (before 0.0.232): the upgrade starts there.
  { label: 'upgrade --no-typecheck', command: process.execPath, args: [CLI, 'upgrade', '--from', '0.0.231', '--force', '--no-typecheck'] },
  { label: 'upgrade', command: process.execPath, args: [CLI, 'upgrade', '--from', '0.0.231', '--force'] },
  { label: 'upgrade --to next', command: process.execPath, args: [CLI, 'upgrade', '--from', '0.0.231', '--to', 'next', '--force'] },
];

console.log(`qpq-codemod on a synthetic legacy project of ${FILES} source files (${RUNS} run${RUNS > 1 ? 's' : ''} each, median)\n`);
const results = [];
for (const scenario of scenarios) {
  const times = [];
  const memory = [];
  let summary = '';
  for (let run = 0; run < RUNS; run++) {
    const cwd = fresh();
    const result = measure(scenario.command, scenario.args, cwd);
    if (!scenario.baseline && result.status !== 0) {
      console.error(`${scenario.label} exited ${result.status}:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
      process.exit(1);
    }
    times.push(result.ms);
    if (result.maxRssMb !== undefined) memory.push(result.maxRssMb);
    summary = /(\d+) files scanned: (\d+) changed/.exec(result.stdout)?.slice(1, 3).join(' scanned, ') ?? '';
    const manual = /^Manual steps \((\d+)\)/m.exec(result.stdout)?.[1];
    if (manual) summary += ` changed, ${manual} manual steps listed`;
  }
  results.push({
    ...scenario,
    ms: median(times),
    maxRssMb: memory.length ? Math.max(...memory) : undefined,
    summary: summary && !summary.includes('changed') ? `${summary} changed` : summary,
  });
}
rmSync(work, { recursive: true, force: true });

const baseline = results.find((r) => r.baseline).ms;
const rows = results.map((r) => [
  r.label,
  r.ms >= 1000 ? `${(r.ms / 1000).toFixed(2)} s` : `${r.ms.toFixed(0)} ms`,
  `${Math.round(FILES / (r.ms / 1000))}`,
  r.maxRssMb === undefined ? 'n/a' : `${r.maxRssMb.toFixed(0)} MB`,
  `${(r.ms / baseline).toFixed(2)}x`,
  r.summary,
]);
const header = ['run', 'wall', 'files/s', 'peak RSS', 'vs tsc', 'files'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
const line = (cells) =>
  cells
    .map((c, i) => String(c).padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
console.log('\n"vs tsc": wall time over one `tsc --noEmit` of the same project in this run (1.00x = the cost of one type check).');
