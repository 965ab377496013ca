// Generates a synthetic qpq app of N files, the same for the same N: logic files of ask* stories,
// route controllers, plain utilities and config modules, with about one file in twenty holding a
// story call that is not delegated, so the rules have work to report.
//
//   node bench/generate-corpus.mjs [--files 1000] [--out bench/.corpus/app-1000]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A small seeded generator (mulberry32): the corpus must not change between runs. */
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

const REQUESTERS = [
  ['askDateNow', '()'],
  ['askNewGuid', '()'],
  ['askRandomNumber', '()'],
  ['askKeyValueStoreGet', "('items', id)"],
  ['askKeyValueStoreUpsert', "('items', { id, value })"],
  ['askLogCreate', "(LogLevelEnum.Info, 'step', { id })"],
];

export function generateCorpus(fileCount, outDir) {
  const next = random(fileCount * 7919 + 17);
  const pick = (items) => items[Math.floor(next() * items.length)];
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'src'), { recursive: true });

  const counts = { logic: Math.max(1, Math.round(fileCount * 0.5)), controllers: Math.round(fileCount * 0.25), config: Math.round(fileCount * 0.1) };
  counts.utils = Math.max(0, fileCount - counts.logic - counts.controllers - counts.config);
  const files = new Map();
  const storiesOf = [];

  for (let i = 0; i < counts.logic; i++) {
    const names = Array.from({ length: 3 + Math.floor(next() * 6) }, (_, s) => `askStep${i}_${s}`);
    storiesOf.push(names);
    const earlier = i > 0 ? storiesOf[Math.floor(next() * i)] : undefined;
    const planted = next() < 0.05;
    const lines = [
      "import { AskResponse, askCatch, askDateNow, askKeyValueStoreGet, askKeyValueStoreUpsert, askLogCreate, askNewGuid, askRandomNumber, askRunParallel, LogLevelEnum } from 'quidproquo-core';",
      earlier ? `import { ${earlier[0]} } from './logic${storiesOf.indexOf(earlier)}';` : '',
      '',
      `function* range(count: number): Generator<number, void, unknown> {\n  for (let i = 0; i < count; i++) yield i;\n}`,
      '',
      `export function format${i}(value: number): string {\n  return value.toFixed(2);\n}`,
    ];
    names.forEach((name, s) => {
      const body = ['  const id = yield* askNewGuid();', '  let value = 0;'];
      const steps = 3 + Math.floor(next() * 20);
      for (let k = 0; k < steps; k++) {
        const choice = next();
        if (choice < 0.45) {
          const [requester, args] = pick(REQUESTERS);
          body.push(`  yield* ${requester}${args};`);
        } else if (choice < 0.55) {
          body.push(`  const [a${k}, b${k}] = yield* askRunParallel([askDateNow(), askRandomNumber()]);`, `  value += a${k}.length + b${k};`);
        } else if (choice < 0.62) {
          body.push(`  const got${k} = yield* askCatch(askKeyValueStoreGet('items', id));`, `  if (got${k}.success) value += 1;`);
        } else if (choice < 0.7 && s > 0) {
          body.push(`  value += (yield* ${names[s - 1]}()).length;`);
        } else if (choice < 0.75 && earlier) {
          body.push(`  value += (yield* ${earlier[0]}()).length;`);
        } else if (choice < 0.8) {
          body.push('  for (const n of range(3)) value += n;');
        } else {
          body.push(`  value = Number(format${i}(value * ${k + 1}));`);
        }
      }
      if (planted && s === 0) body.push("  askLogCreate(LogLevelEnum.Info, 'lost', { id });");
      body.push('  return `${id}:${value}`;');
      lines.push('', `export function* ${name}(): AskResponse<string> {`, ...body, '}');
    });
    files.set(`src/logic${i}.ts`, lines.join('\n') + '\n');
  }

  for (let i = 0; i < counts.controllers; i++) {
    const target = Math.floor(next() * counts.logic);
    const story = storiesOf[target][0];
    const planted = next() < 0.05;
    files.set(
      `src/controller${i}.ts`,
      [
        "import { AskResponse } from 'quidproquo-core';",
        "import { HTTPEvent, HTTPEventResponse, toJsonEventResponse } from 'quidproquo-webserver';",
        '',
        `import { ${story} } from './logic${target}';`,
        '',
        `export function* getItem${i}(event: HTTPEvent): AskResponse<HTTPEventResponse> {`,
        `  const result = yield* ${story}();`,
        planted ? `  ${story}();` : '  const size = result.length;',
        '  return toJsonEventResponse({ result, path: event.path });',
        '}',
        '',
      ].join('\n'),
    );
  }

  for (let i = 0; i < counts.utils; i++) {
    files.set(
      `src/util${i}.ts`,
      [
        `export interface Record${i} {\n  id: string;\n  count: number;\n}`,
        '',
        `export function total${i}(records: Record${i}[]): number {\n  return records.reduce((sum, r) => sum + r.count, 0);\n}`,
        '',
        `export function label${i}(record: Record${i}): string {\n  return \`\${record.id}#\${record.count}\`;\n}`,
        '',
      ].join('\n'),
    );
  }

  for (let i = 0; i < counts.config; i++) {
    const routes = Array.from({ length: 3 }, (_, r) => {
      const controller = Math.floor(next() * Math.max(1, counts.controllers));
      return `  defineRoute('GET', '/items${i}/${r}', '/controller${controller}::getItem${controller}'),`;
    });
    files.set(
      `src/config${i}.ts`,
      [
        "import { defineQueue, QPQConfig } from 'quidproquo-core';",
        "import { defineRoute } from 'quidproquo-webserver';",
        '',
        `export const config${i}: QPQConfig = [`,
        ...routes,
        `  defineQueue('queue${i}', { job: '/logic${i % counts.logic}::${storiesOf[i % counts.logic][0]}' }),`,
        '];',
        '',
      ].join('\n'),
    );
  }

  for (const [path, text] of files) writeFileSync(join(outDir, path), text);
  writeFileSync(join(outDir, 'tsconfig.json'), `${JSON.stringify(corpusTsconfig(outDir, true), null, 2)}\n`);
  return { files: files.size, outDir };
}

/** The corpus tsconfig, with or without the language-service plugin. */
export function corpusTsconfig(outDir, withPlugin) {
  const runtime = (entry) => [relative(outDir, join(REPO_ROOT, 'runtime/src', entry, 'index.ts'))];
  return {
    compilerOptions: {
      target: 'ES2022',
      module: 'commonjs',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      paths: { 'quidproquo-core': runtime('core'), 'quidproquo-webserver': runtime('webserver'), 'quidproquo-config-aws': runtime('config-aws') },
      ...(withPlugin ? { plugins: [{ name: 'qpq-ts-plugin' }] } : {}),
    },
    include: ['src'],
  };
}

export function corpusDir(fileCount) {
  return join(REPO_ROOT, 'bench/.corpus', `app-${fileCount}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' }, out: { type: 'string' } } });
  const count = Number(values.files);
  const { files, outDir } = generateCorpus(count, values.out ? resolve(values.out) : corpusDir(count));
  console.log(`wrote ${files} files to ${relative(process.cwd(), outDir)}`);
}
