// Generates a synthetic qpq app of N TypeScript files, byte-identical for the same N (a seeded
// PRNG, never Math.random):
//   ~50% logic files    src/logic/    3-8 ask* stories of 5-30 lines each, delegating with `yield*`
//                                      to runtime requesters and to each other across files,
//                                      askRunParallel / askCatch composition, plain helpers, and
//                                      non-story generators (`function* range()`)
//   ~25% controllers    src/controllers/  route stories `(event: HTTPEvent): AskResponse<HTTPEventResponse>`
//   ~15% utilities      src/utils/    plain code, no generators
//   ~10% config modules src/          defineRoute / defineQueue / defineRecurringSchedule
// About one file in twenty holds a realistic mistake (a bare `askX()` call, or `yield askX()`),
// so the rules have work to report. Everything else is clean under qpq.configs.recommended and
// type-checks against the reference runtime (tsconfig `paths`).
//
// Also writes the corpus tsconfig.json (with `qpq-ts-plugin`, optionally with some of its rules off),
// the ESLint configs lint.mjs uses, and the package.json, installed framework packages and
// lockfile of an app on the latest framework release.
//
//   node bench/generate-corpus.mjs [--files 1000] [--out bench/.corpus/app-1000] [--no-plugin]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { latestRelease } = createRequire(import.meta.url)('qpq-contracts');
const STAMP = '.generated';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a small seeded generator, with the few helpers the templates need. */
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  const chance = (p) => next() < p;
  /** `count` distinct items, in a random order. */
  const sample = (items, count) => {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, count);
  };
  return { next, int, pick, chance, sample };
}

// ---------------------------------------------------------------------------------------------
// Imports, written the way the house import order wants them (qpq/import-order): quidproquo
// packages, then relative imports, a blank line between groups, modules and names sorted.

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const byName = (a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** @param {Map<string, Set<string>>} imports module -> names */
function importBlock(imports) {
  const line = (module) => `import { ${[...imports.get(module)].sort(byName).join(', ')} } from '${module}';`;
  const modules = [...imports.keys()].filter((m) => imports.get(m).size > 0);
  const packages = modules.filter((m) => !m.startsWith('.')).sort(byName);
  // Parents before siblings, as simple-import-sort orders relative paths.
  const relatives = modules
    .filter((m) => m.startsWith('.'))
    .sort((a, b) => Number(b.startsWith('../')) - Number(a.startsWith('../')) || byName(a, b));
  return [packages.map(line).join('\n'), relatives.map(line).join('\n')].filter(Boolean).join('\n\n');
}

function createImports() {
  const imports = new Map();
  const add = (module, ...names) => {
    if (!imports.has(module)) imports.set(module, new Set());
    for (const name of names) imports.get(module).add(name);
  };
  return { add, text: () => importBlock(imports) };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const NOUNS = [
  'Order',
  'Invoice',
  'Customer',
  'Cart',
  'Product',
  'Session',
  'Payment',
  'Report',
  'Ticket',
  'Shipment',
  'Booking',
  'Account',
];
const VERBS = ['Get', 'Save', 'Refresh', 'Validate', 'Sync', 'Archive', 'Price', 'Notify', 'Audit', 'Reconcile'];
const lower = (noun) => noun[0].toLowerCase() + noun.slice(1);

// ---------------------------------------------------------------------------------------------
// Files

/** A utility module: interfaces, constants and plain functions, no generators. */
function utilFile(rng, i) {
  const noun = rng.pick(NOUNS);
  const type = `${noun}Record${i}`;
  const lines = [
    `export interface ${type} {`,
    '  id: string;',
    '  count: number;',
    '  tags: string[];',
    '}',
    '',
    `export const ${noun.toUpperCase()}_PAGE_SIZE_${i} = ${rng.int(10, 100)};`,
    '',
    `export function total${i}(records: ${type}[]): number {`,
    '  return records.reduce((sum, record) => sum + record.count, 0);',
    '}',
    '',
    `export function label${i}(record: ${type}): string {`,
    '  return `${record.id}#${record.count}`;',
    '}',
  ];
  if (rng.chance(0.5)) {
    lines.push(
      '',
      `export function byTag${i}(records: ${type}[]): Map<string, ${type}[]> {`,
      `  const groups = new Map<string, ${type}[]>();`,
      '  for (const record of records) {',
      '    for (const tag of record.tags) {',
      '      groups.set(tag, [...(groups.get(tag) ?? []), record]);',
      '    }',
      '  }',
      '  return groups;',
      '}',
    );
  }
  if (rng.chance(0.3)) {
    lines.push(
      '',
      `export class ${noun}Cache${i} {`,
      '  private readonly entries = new Map<string, number>();',
      '',
      '  remember(key: string, value: number): number {',
      '    this.entries.set(key, value);',
      '    return value;',
      '  }',
      '',
      '  recall(key: string): number | undefined {',
      '    return this.entries.get(key);',
      '  }',
      '}',
    );
  }
  return { text: `${lines.join('\n')}\n`, helper: `total${i}`, recordType: type };
}

/**
 * The statements a story body is made of. Each returns its lines, or undefined when it does not
 * apply to this story; `k` keeps local names unique.
 */
function storyStatements(ctx) {
  const { rng, imports, file, story } = ctx;
  const core = (...names) => imports.add('quidproquo-core', ...names);
  const useResult = (name, returns) => (returns === 'string' ? `  value += ${name}.length;` : `  value += ${name};`);
  return [
    [4, (k) => (core('askDateNow'), [`  const now${k} = yield* askDateNow();`, `  value += now${k}.length;`])],
    [3, (k) => (core('askNewGuid'), [`  const ref${k} = yield* askNewGuid();`, `  value += ref${k}.length % 7;`])],
    [2, () => (core('askRandomNumber'), [`  value += Math.floor((yield* askRandomNumber()) * ${rng.int(2, 50)});`])],
    [
      2,
      (k) => (core('askGetCurrentEpochMs'), [`  const startedAt${k} = yield* askGetCurrentEpochMs();`, `  value += startedAt${k} % 1000;`]),
    ],
    [
      4,
      (k) => (
        core('askKeyValueStoreGet'),
        [`  const stored${k} = yield* askKeyValueStoreGet('${file.store}', id);`, `  if (stored${k}) {`, '    value += 1;', '  }']
      ),
    ],
    [3, () => (core('askKeyValueStoreUpsert'), [`  yield* askKeyValueStoreUpsert('${file.store}', { id, value });`])],
    [
      4,
      () => (
        core('askLogCreate', 'LogLevelEnum'),
        [`  yield* askLogCreate(LogLevelEnum.${rng.pick(['Info', 'Debug', 'Warn'])}, '${story.verb} ${lower(file.noun)}', { id, value });`]
      ),
    ],
    [
      1,
      (k) => (
        core('askConfigGetParameter'),
        [`  const table${k} = yield* askConfigGetParameter('${lower(file.noun)}-table');`, `  value += table${k}.length;`]
      ),
    ],
    [1, () => (core('askDelay'), [`  yield* askDelay(${rng.int(1, 5) * 100});`])],
    [
      2,
      (k) => (
        core('askDateNow', 'askRandomNumber', 'askRunParallel'),
        [`  const [at${k}, roll${k}] = yield* askRunParallel([askDateNow(), askRandomNumber()]);`, `  value += at${k}.length + roll${k};`]
      ),
    ],
    [
      2,
      (k) => (
        core('askCatch', 'askKeyValueStoreGet', 'askLogCreate', 'LogLevelEnum'),
        [
          `  const attempt${k} = yield* askCatch(askKeyValueStoreGet('${file.store}', id));`,
          `  if (attempt${k}.success) {`,
          '    value += 1;',
          '  } else {',
          `    yield* askLogCreate(LogLevelEnum.Warn, 'missing ${lower(file.noun)}', { id });`,
          '  }',
        ]
      ),
    ],
    // Delegation to an earlier story of this file, alone or in parallel with a requester.
    [
      3,
      (k) => {
        const earlier = file.stories.slice(0, story.index);
        if (earlier.length === 0) return undefined;
        const callee = rng.pick(earlier);
        if (rng.chance(0.3)) {
          core('askNewGuid', 'askRunParallel');
          return [
            `  const [inner${k}, ref${k}] = yield* askRunParallel([${callee.name}(id), askNewGuid()]);`,
            useResult(`inner${k}`, callee.returns),
            `  value += ref${k}.length;`,
          ];
        }
        return [`  const inner${k} = yield* ${callee.name}(id);`, useResult(`inner${k}`, callee.returns)];
      },
    ],
    // Delegation to a story of another logic file, imported.
    [
      2,
      (k) => {
        if (file.dependencies.length === 0) return undefined;
        const callee = rng.pick(file.dependencies);
        imports.add(`./${callee.module}`, callee.name);
        return [`  const other${k} = yield* ${callee.name}(id);`, useResult(`other${k}`, callee.returns)];
      },
    ],
    [
      2,
      () => {
        if (!file.util) return undefined;
        imports.add(`../utils/${file.util.module}`, file.util.helper);
        return [`  value += ${file.util.helper}([{ id, count: value, tags: [] }]);`];
      },
    ],
    [2, () => [`  value = clamp${file.index}(value, 0, ${rng.int(1, 9) * 1000});`]],
    [1, (k) => (file.hasRange ? [`  for (const step${k} of range(${rng.int(2, 6)})) {`, `    value += step${k};`, '  }'] : undefined)],
    [
      2,
      (k) => [
        `  const parts${k} = id.split('-');`,
        `  if (parts${k}.length > ${rng.int(1, 4)}) {`,
        `    value += parts${k}.length;`,
        '  }',
      ],
    ],
    [
      1,
      () => (
        core('askLogCreate', 'LogLevelEnum'),
        [
          `  if (value > ${rng.int(100, 5000)}) {`,
          `    yield* askLogCreate(LogLevelEnum.Debug, 'large ${lower(file.noun)}', { id, value });`,
          '  }',
        ]
      ),
    ],
  ];
}

function pickWeighted(rng, weighted) {
  const total = weighted.reduce((sum, [weight]) => sum + weight, 0);
  let roll = rng.next() * total;
  for (const [weight, item] of weighted) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return weighted[weighted.length - 1][1];
}

/** The mistakes the rules exist for, placed in the last story of a file (no one calls it). */
const MISTAKES = {
  // A bare call: the story is created and never runs.
  bare: (imports, file) => (
    imports.add('quidproquo-core', 'askLogCreate', 'LogLevelEnum'),
    [`  askLogCreate(LogLevelEnum.Info, '${lower(file.noun)} done', { id });`]
  ),
  // `yield` instead of `yield*`: hands a generator object to the runtime as if it were an action.
  // Only type-checks in a generator without a return type annotation, which is where it happens.
  yield: (imports, file) => (
    imports.add('quidproquo-core', 'askKeyValueStoreUpsert'),
    [`  yield askKeyValueStoreUpsert('${file.store}', { id });`]
  ),
};

function storyText(ctx, mistake) {
  const { rng, story } = ctx;
  const statements = storyStatements(ctx);
  const target = rng.int(5, 30);
  const body = ['  let value = 0;'];
  // signature + let + return + closing brace, and the statements in between.
  for (let k = 0; body.length + 3 < target; k++) {
    const lines = pickWeighted(rng, statements)(k);
    if (lines) body.push(...lines);
  }
  if (mistake) body.splice(1 + rng.int(0, body.length - 1), 0, ...MISTAKES[mistake](ctx.imports, ctx.file));
  body.push(story.returns === 'string' ? '  return `${id}:${value}`;' : '  return value;');
  const returnType = mistake === 'yield' ? '' : `: AskResponse<${story.returns}>`;
  if (returnType) ctx.imports.add('quidproquo-core', 'AskResponse');
  return [`export function* ${story.name}(id: string)${returnType} {`, ...body, '}'].join('\n');
}

/** A logic module: helpers, maybe a non-story generator, and 3-8 stories. */
function logicFile(rng, file, mistake) {
  const imports = createImports();
  const parts = [
    `const ${file.noun.toUpperCase()}_STORE = '${file.store}';`,
    [
      `function clamp${file.index}(value: number, min: number, max: number): number {`,
      '  return Math.min(max, Math.max(min, value));',
      '}',
    ].join('\n'),
  ];
  if (file.hasRange) {
    parts.push(
      [
        'function* range(count: number): Generator<number, void, unknown> {',
        '  for (let i = 0; i < count; i++) {',
        '    yield i;',
        '  }',
        '}',
      ].join('\n'),
    );
  }
  file.stories.forEach((story) => {
    const isLast = story.index === file.stories.length - 1;
    parts.push(storyText({ rng, imports, file, story }, isLast ? mistake : undefined));
  });
  parts.push(`export const ${lower(file.noun)}StoreName${file.index} = (): string => ${file.noun.toUpperCase()}_STORE;`);
  if (rng.chance(0.15)) {
    // A story created outside any generator and handed on: legitimate, nothing runs here.
    const first = file.stories[0];
    parts.push(`export const ${lower(first.name.slice('ask'.length))}Story = (id: string) => ${first.name}(id);`);
  }
  return `${imports.text()}\n\n${parts.join('\n\n')}\n`;
}

/** A controller module: route stories that answer with toJsonEventResponse. */
function controllerFile(rng, controller, mistake) {
  const imports = createImports();
  imports.add('quidproquo-core', 'AskResponse');
  imports.add('quidproquo-webserver', 'HTTPEvent', 'HTTPEventResponse', 'toJsonEventResponse');
  const { logic } = controller;
  const logicModule = `../logic/${logic.module}`;
  const routes = controller.routes.map((route, r) => {
    const callee = logic.stories[r % 2];
    imports.add(logicModule, callee.name);
    const result = callee.returns === 'string' ? 'result' : 'total';
    const body = [];
    if (route.method === 'POST') {
      imports.add('quidproquo-webserver', 'qpqWebServerUtils');
      body.push(`  const { id } = yield* qpqWebServerUtils.askFromJsonEventRequest<{ id: string }>(event);`);
    } else {
      body.push("  const id = event.path.split('/').pop() ?? '';");
    }
    if (rng.chance(0.4)) {
      imports.add('quidproquo-core', 'askLogCreate', 'LogLevelEnum');
      body.push(`  yield* askLogCreate(LogLevelEnum.Info, '${route.method} ${route.path}', { id, sourceIp: event.sourceIp });`);
    }
    body.push(`  const ${result} = yield* ${callee.name}(id);`);
    if (mistake === 'bare' && r === 0) body.push(`  ${callee.name}(id);`);
    if (route.method === 'POST') body.push(`  return toJsonEventResponse({ id, ${result} }, 201);`);
    else body.push(`  return toJsonEventResponse({ id, ${result}, path: event.path });`);
    return [`export function* ${route.name}(event: HTTPEvent): AskResponse<HTTPEventResponse> {`, ...body, '}'].join('\n');
  });
  return `${imports.text()}\n\n${routes.join('\n\n')}\n`;
}

/** A config module: routes to controllers, a queue and sometimes a schedule onto logic stories. */
function configFile(rng, i, controllers, logicFiles) {
  const imports = createImports();
  imports.add('quidproquo-core', 'QPQConfig', 'defineQueue');
  imports.add('quidproquo-webserver', 'defineRoute');
  const settings = [];
  for (const controller of rng.sample(controllers, Math.min(controllers.length, rng.int(1, 3)))) {
    for (const route of controller.routes) {
      settings.push(`  defineRoute('${route.method}', '${route.path}', '/controllers/${controller.module}::${route.name}'),`);
    }
  }
  const logic = rng.pick(logicFiles);
  const batch = rng.chance(0.5) ? `, { batchSize: ${rng.int(1, 10)}, batchWindowInSeconds: ${rng.int(0, 5)} }` : '';
  settings.push(
    `  defineQueue('${lower(logic.noun)}-events-${i}', { ${lower(logic.noun)}Changed: '/logic/${logic.module}::${logic.stories[0].name}' }${batch}),`,
  );
  if (rng.chance(0.3)) {
    imports.add('quidproquo-core', 'defineRecurringSchedule');
    settings.push(`  defineRecurringSchedule('0 ${rng.int(0, 23)} * * ? *', '/logic/${logic.module}::${logic.stories[1].name}'),`);
  }
  if (rng.chance(0.2)) {
    imports.add('quidproquo-config-aws', 'defineAwsServiceAccountInfo');
    settings.push(`  defineAwsServiceAccountInfo('${100000000000 + rng.int(0, 899999999)}', 'ap-southeast-2'),`);
  }
  return `${imports.text()}\n\nexport const serviceConfig${i}: QPQConfig = [\n${settings.join('\n')}\n];\n`;
}

// ---------------------------------------------------------------------------------------------
// The plan: what each file is and what it references, decided before any text is written.

function planCounts(fileCount) {
  const logic = Math.max(1, Math.round(fileCount * 0.5));
  const controllers = Math.round(fileCount * 0.25);
  const config = Math.round(fileCount * 0.1);
  return { logic, controllers, config, utils: Math.max(0, fileCount - logic - controllers - config) };
}

/** Mistakes land in logic and controller files (75% of the corpus): one file in 20 overall. */
const MISTAKE_RATE = 0.05 / 0.75;

function planLogic(rng, counts, utils) {
  const files = [];
  for (let index = 0; index < counts.logic; index++) {
    const noun = rng.pick(NOUNS);
    const file = {
      index,
      noun,
      module: `logic${index}`,
      store: `${lower(noun)}s`,
      hasRange: rng.chance(0.35),
      util: utils.length > 0 && rng.chance(0.4) ? rng.pick(utils) : undefined,
      // The first story of up to two earlier files, mostly nearby ones, as real modules cluster.
      dependencies:
        index === 0
          ? []
          : rng.sample(files.slice(Math.max(0, index - 40)), rng.int(0, 2)).map((f) => ({ ...f.stories[0], module: f.module })),
      stories: [],
    };
    file.stories = rng.sample(VERBS, rng.int(3, 8)).map((verb, s) => ({
      index: s,
      verb,
      name: `ask${verb}${noun}${index}`,
      returns: rng.chance(0.7) ? 'string' : 'number',
    }));
    files.push(file);
  }
  return files;
}

function planControllers(rng, counts, logicFiles) {
  return Array.from({ length: counts.controllers }, (_, index) => {
    const logic = rng.pick(logicFiles);
    const resource = `${lower(logic.noun)}s`;
    const methods = rng.sample(['GET', 'POST', 'GET'], rng.int(1, 3));
    const routes = methods.map((method, r) => ({
      method,
      path: r === 0 ? `/${resource}${index}/{id}` : `/${resource}${index}/{id}/${r}`,
      name: `${method === 'GET' ? 'get' : 'post'}${logic.noun}${index}${r === 0 ? '' : `_${r}`}`,
    }));
    return { index, logic, module: `controller${index}`, routes };
  });
}

// ---------------------------------------------------------------------------------------------
// Configuration files around the sources

const FRAMEWORK_PACKAGES = ['quidproquo-core', 'quidproquo-webserver', 'quidproquo-config-aws'];

/**
 * Writes into `outDir` the files that say which framework release the app is on, as an installed
 * app has them: its package.json, the installed packages' package.json and the lockfile. By
 * default the release is the latest one the release tables know, so `qpq/no-outdated-api` judges
 * every file against all their entries, as it does in an up-to-date project.
 */
export function writeFrameworkFiles(outDir, release = latestRelease()) {
  for (const [path, json] of frameworkFiles(release)) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), `${JSON.stringify(json, null, 2)}\n`);
  }
}

function frameworkFiles(release) {
  const files = new Map();
  const dependencies = Object.fromEntries(FRAMEWORK_PACKAGES.map((name) => [name, release]));
  files.set('package.json', { name: 'qpq-bench-app', private: true, dependencies });
  const packages = { '': { name: 'qpq-bench-app', dependencies } };
  for (const name of FRAMEWORK_PACKAGES) {
    files.set(`node_modules/${name}/package.json`, { name, version: release });
    packages[`node_modules/${name}`] = { version: release };
  }
  files.set('package-lock.json', { name: 'qpq-bench-app', lockfileVersion: 3, requires: true, packages });
  return files;
}

/**
 * The corpus tsconfig, with or without the language-service plugin; `paths` onto the runtime.
 * `pluginRules`, the plugin's `rules` option, lets tsserver.mjs --without turn rules off.
 */
export function corpusTsconfig(outDir, withPlugin, pluginRules) {
  const runtime = (entry) => [
    relative(outDir, join(REPO_ROOT, 'runtime/src', entry, 'index.ts'))
      .split('\\')
      .join('/'),
  ];
  return {
    compilerOptions: {
      target: 'ES2022',
      module: 'commonjs',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      paths: {
        'quidproquo-core': runtime('core'),
        'quidproquo-webserver': runtime('webserver'),
        'quidproquo-config-aws': runtime('config-aws'),
      },
      // `timings` turns on the plugin's qpq/timings command, which bench/tsserver.mjs reads.
      ...(withPlugin ? { plugins: [{ name: 'qpq-ts-plugin', timings: true, ...(pluginRules ? { rules: pluginRules } : {}) }] } : {}),
    },
    include: ['**/*.ts'],
  };
}

/**
 * The ESLint configs bench/lint.mjs runs, one file each. The two baselines differ only in
 * `projectService`; both switch one built-in rule off so each is a real, complete config.
 * Two more baselines say what any plugin pays before its own code runs: with one rule on, ESLint
 * walks every file's tree (with none on, it does not); with one rule that asks for the type
 * checker, TypeScript creates it and binds the program, which the typed parse alone never does.
 */
export const LINT_CONFIGS = {
  'parser-only': `import * as parser from '@typescript-eslint/parser';

export default [{ files: ['**/*.ts'], languageOptions: { parser }, rules: { 'no-debugger': 'off' } }];
`,
  'any-rule': `import * as parser from '@typescript-eslint/parser';

export default [{ files: ['**/*.ts'], languageOptions: { parser }, rules: { 'no-debugger': 'error' } }];
`,
  'typed-checker': `import * as parser from '@typescript-eslint/parser';

// One rule that only reads the type checker (the parser has made it already): what any rule of a typed config costs before its own work.
const checker = {
  create(context) {
    return {
      Program() {
        context.sourceCode.parserServices.program.getTypeChecker();
      },
    };
  },
};

export default [
  {
    files: ['**/*.ts'],
    languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { baseline: { rules: { checker } } },
    rules: { 'baseline/checker': 'error' },
  },
];
`,
  'qpq-recommended': `import qpq from 'eslint-plugin-qpq';

export default [qpq.configs.recommended];
`,
  'typed-parse-only': `import * as parser from '@typescript-eslint/parser';

export default [
  {
    files: ['**/*.ts'],
    languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { 'no-debugger': 'off' },
  },
];
`,
  'qpq-recommended-type-checked': `import qpq from 'eslint-plugin-qpq';

export default [qpq.configs['recommended-type-checked'], { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } } }];
`,
};

export const lintConfigFile = (dir, name) => join(dir, `eslint.${name}.config.mjs`);

// ---------------------------------------------------------------------------------------------

/** Writes the corpus; returns what it wrote. */
export function generateCorpus(fileCount, outDir, { plugin = true, pluginRules } = {}) {
  const rng = createRandom(fileCount * 7919 + 17);
  const counts = planCounts(fileCount);
  const files = new Map();

  const utils = Array.from({ length: counts.utils }, (_, i) => {
    const util = utilFile(rng, i);
    files.set(`src/utils/util${i}.ts`, util.text);
    return { module: `util${i}`, helper: util.helper };
  });

  const mistakes = { bare: 0, yield: 0 };
  const plantMistake = (kinds) => {
    if (!rng.chance(MISTAKE_RATE)) return undefined;
    const kind = rng.pick(kinds);
    mistakes[kind]++;
    return kind;
  };

  const logicFiles = planLogic(rng, counts, utils);
  for (const file of logicFiles) files.set(`src/logic/${file.module}.ts`, logicFile(rng, file, plantMistake(['bare', 'yield'])));

  const controllers = planControllers(rng, counts, logicFiles);
  for (const controller of controllers)
    files.set(`src/controllers/${controller.module}.ts`, controllerFile(rng, controller, plantMistake(['bare'])));

  for (let i = 0; i < counts.config; i++) {
    files.set(`src/config${i}.ts`, configFile(rng, i, controllers, logicFiles));
  }

  rmSync(outDir, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), text);
  }
  writeFileSync(join(outDir, 'tsconfig.json'), `${JSON.stringify(corpusTsconfig(outDir, plugin, pluginRules), null, 2)}\n`);
  writeFrameworkFiles(outDir);
  for (const [name, text] of Object.entries(LINT_CONFIGS)) writeFileSync(lintConfigFile(outDir, name), text);
  writeFileSync(join(outDir, STAMP), `${stampOf(fileCount, plugin, pluginRules)}\n`);
  return { files: files.size, outDir, counts, mistakes };
}

/** The generator's own source and the options: a corpus made by another version is rewritten. */
function stampOf(fileCount, plugin, pluginRules) {
  const source = readFileSync(fileURLToPath(import.meta.url));
  // The tsconfig is part of the variant: with, without, or with some rules off (which ones too).
  return createHash('sha256')
    .update(source)
    .update(`${fileCount}:${plugin}:${JSON.stringify(pluginRules ?? null)}:${latestRelease()}`)
    .digest('hex');
}

export function corpusDir(fileCount, suffix = '') {
  return join(REPO_ROOT, 'bench/.corpus', `app-${fileCount}${suffix}`);
}

/** The corpus for this size, generated unless an identical one is already on disk. */
export function ensureCorpus(fileCount, { outDir = corpusDir(fileCount), plugin = true, pluginRules } = {}) {
  const stampFile = join(outDir, STAMP);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === stampOf(fileCount, plugin, pluginRules)) return outDir;
  generateCorpus(fileCount, outDir, { plugin, pluginRules });
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { files: { type: 'string', default: '1000' }, out: { type: 'string' }, 'no-plugin': { type: 'boolean', default: false } },
  });
  const count = Number(values.files);
  const outDir = values.out ? resolve(values.out) : corpusDir(count);
  const { files, counts, mistakes } = generateCorpus(count, outDir, { plugin: !values['no-plugin'] });
  console.log(
    `wrote ${files} files to ${relative(process.cwd(), outDir)}: ${counts.logic} logic, ${counts.controllers} controllers, ${counts.utils} utils, ${counts.config} config; ` +
      `planted mistakes: ${mistakes.bare} bare calls, ${mistakes.yield} \`yield askX()\``,
  );
}
