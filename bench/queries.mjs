// Where the qpq rules spend their time, per rule and per question to the type checker: a report
// for finding what to make cheaper, never a test and never in CI.
//
//   node bench/queries.mjs [--corpus <dir> | --files 1000] [--mode typed|untyped|editor]
//                          [--rules a,b] [--top 20] [--again] [--walks]
//
// One pass over the corpus in this process, file by file and rule by rule in the order ESLint
// runs them, as one lint run does (so the figures include the JIT's warm-up, and each question is
// asked of a checker that has not answered it yet):
// - typed: the contracts on a TypeScript program of the corpus's tsconfig.json, as
//   `recommended-type-checked` runs them;
// - untyped: on each file parsed alone, as `recommended` runs them;
// - editor: typed, after TypeScript's own semantic check of each file, as the tsserver plugin runs
//   them (the checker has answered most questions already); prints the rules' time over
//   TypeScript's.
// For each rule: its time, the questions it asked the checker (calls made on the checker and on
// the types, signatures and symbols it hands out; a question asked inside another is not counted
// again) with their time, and with `--walks` the nodes its own walks visited beyond the shared
// file index (counted through a stand-in for the TypeScript module, which slows the rules that
// read it most, import-order above all: the times of a `--walks` run are not comparable). The
// file index is walked before the rules, for every file, to show its cost apart; in a lint run it
// is walked by the first rule that reads it, and not at all in a file that no rule reads. Then
// the single most expensive questions, with the rule that asked and where. A question a rule
// asks first is paid by that rule: run with `--rules` to see one rule alone.
// `--again` runs each rule a second time on each file right after the first: its findings are not
// reused, but every answer the rules keep (the file's index, story verdicts, resolved names) is.
// The second run is the rule's own code on a warm file with nothing left to ask; the difference
// is the first touch of the file and of the rule's code, and the first asking of each answer.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { formatMs, printTable } from './lib/measure.mjs';
import { readTsconfig } from './lib/tsconfig.mjs';
import { corpusDir, ensureCorpus } from './generate-corpus.mjs';

const REPO_ROOT = join(import.meta.dirname, '..');
const require = createRequire(join(REPO_ROOT, 'package.json'));
const ts = require('typescript');
const { allContracts, getFileIndex, isBundledRuntimeFile, runContract } = require('qpq-contracts');

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    files: { type: 'string', default: '1000' },
    mode: { type: 'string', default: 'typed' },
    rules: { type: 'string' },
    top: { type: 'string', default: '20' },
    again: { type: 'boolean', default: false },
    walks: { type: 'boolean', default: false },
  },
});
const MODES = ['typed', 'untyped', 'editor'];
if (!MODES.includes(values.mode)) throw new Error(`--mode: one of ${MODES.join(', ')}, not "${values.mode}"`);
const typed = values.mode !== 'untyped';
const corpus = values.corpus ? resolve(values.corpus) : ensureCorpus(Number(values.files), { outDir: corpusDir(Number(values.files)) });
const contracts = values.rules ? values.rules.split(',').map((id) => contractNamed(id.trim())) : allContracts;

function contractNamed(id) {
  const contract = allContracts.find((c) => c.meta.id === id.replace(/^qpq\//, ''));
  if (!contract) throw new Error(`--rules: unknown rule "${id}" (rules: ${allContracts.map((c) => c.meta.id).join(', ')})`);
  return contract;
}

// ---------------------------------------------------------------------------------------------
// Counting: every call is charged to the rule running at the time (or to the file index).

const INDEX = 'file index';
let running; // the rule (or INDEX) whose code runs now; undefined outside the qpq code
let depth = 0; // > 0 inside a counted call: what it asks in turn is its own cost
const perRule = new Map();
const slowest = [];
const SLOW_MS = 0.5;

function statsOf(rule) {
  let stats = perRule.get(rule);
  if (!stats) perRule.set(rule, (stats = { ms: 0, againMs: 0, calls: 0, callMs: 0, byMethod: new Map(), walked: 0 }));
  return stats;
}

function counted(method, fn) {
  return function (...args) {
    if (running === undefined || depth > 0) return fn.apply(this, args);
    depth++;
    const started = performance.now();
    try {
      return fn.apply(this, args);
    } finally {
      const ms = performance.now() - started;
      depth--;
      const stats = statsOf(running);
      stats.calls++;
      stats.callMs += ms;
      const entry = stats.byMethod.get(method) ?? { calls: 0, ms: 0 };
      entry.calls++;
      entry.ms += ms;
      stats.byMethod.set(method, entry);
      if (ms >= SLOW_MS) slowest.push({ ms, rule: running, method, where: placeOf(args[0] ?? this) });
    }
  };
}

/** The checker as the contracts see it: each method counted. */
function countingChecker(checker) {
  const wrapped = new Map();
  return new Proxy(checker, {
    get(target, key) {
      const value = target[key];
      if (typeof value !== 'function') return value;
      let method = wrapped.get(key);
      if (!method) wrapped.set(key, (method = counted(`checker.${String(key)}`, value)));
      return method;
    },
  });
}

// Types, signatures and symbols answer through the checker too (`type.getProperty('x')`): their
// methods that ask it are counted; those that read a field (`getFlags`, `isUnion`) are not.
const ASKING_METHODS = {
  getTypeConstructor: [
    'getProperties',
    'getProperty',
    'getApparentProperties',
    'getCallSignatures',
    'getConstructSignatures',
    'getStringIndexType',
    'getNumberIndexType',
    'getBaseTypes',
    'getNonNullableType',
    'getNonOptionalType',
    'getConstraint',
    'getDefault',
  ],
  getSignatureConstructor: ['getReturnType', 'getParameters', 'getTypeParameters', 'getTypeParameterAtPosition'],
  getSymbolConstructor: ['getDocumentationComment', 'getJsDocTags'],
};

function countObjectMethods() {
  const allocator = ts.objectAllocator;
  if (!allocator) {
    console.log("(this TypeScript does not expose its object allocator: only the checker's own methods are counted)");
    return;
  }
  for (const [constructorOf, names] of Object.entries(ASKING_METHODS)) {
    const prototype = allocator[constructorOf]().prototype;
    const kind = constructorOf.replace(/^get|Constructor$/g, '');
    for (const name of names) {
      if (typeof prototype[name] === 'function') prototype[name] = counted(`${kind}.${name}`, prototype[name]);
    }
  }
}

/** The TypeScript module as the contracts see it: its walks counted, per rule. */
function countingTypeScript() {
  // The module's members are getters: the counting one is defined over them, not assigned.
  const forEachChild = (node, visit, visitArray) => {
    if (running !== undefined) statsOf(running).walked++;
    return ts.forEachChild(node, visit, visitArray);
  };
  return Object.create(ts, { forEachChild: { value: forEachChild } });
}

function placeOf(value) {
  if (!value || typeof value !== 'object') return '';
  if (typeof value.kind === 'number' && typeof value.pos === 'number' && typeof value.getSourceFile === 'function') {
    const file = value.getSourceFile();
    const { line, character } = file.getLineAndCharacterOfPosition(value.getStart(file));
    const text = value.getText(file).replace(/\s+/g, ' ');
    return `${relative(corpus, file.fileName)}:${line + 1}:${character + 1} ${text.length > 50 ? `${text.slice(0, 49)}…` : text}`;
  }
  const declaration = value.declarations?.[0] ?? value.symbol?.declarations?.[0] ?? value.declaration;
  let name = String(typeof value.escapedName === 'string' ? value.escapedName : (value.symbol?.escapedName ?? ''));
  // A module's symbol is named by its quoted path.
  if (name.startsWith('"/')) name = relative(corpus, name.slice(1, -1));
  if (!declaration) return name;
  const file = declaration.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(declaration.pos);
  return `${name} (${relative(corpus, file.fileName)}:${line + 1})`;
}

// ---------------------------------------------------------------------------------------------
// The corpus

function corpusFiles() {
  const config = join(corpus, 'tsconfig.json');
  if (existsSync(config)) return readTsconfig(ts, config);
  const fileNames = readdirSync(corpus, { recursive: true })
    .filter((f) => /\.[mc]?tsx?$/.test(f) && !f.endsWith('.d.ts') && !/(^|\/)(node_modules|dist)\//.test(f))
    .map((f) => join(corpus, f));
  return { fileNames, options: { strict: true, noEmit: true, skipLibCheck: true } };
}

const { fileNames, options } = corpusFiles();
const inCorpus = (sourceFile) =>
  !sourceFile.isDeclarationFile && sourceFile.fileName.startsWith(`${corpus}/`) && !isBundledRuntimeFile(sourceFile.text);
let program;
// Typed, the program parses every file first, as typescript-eslint's does; untyped, each file is
// parsed right before its rules run, as ESLint does.
let sourceFiles;
if (typed) {
  program = ts.createProgram(fileNames, options);
  sourceFiles = program.getSourceFiles().filter(inCorpus);
} else {
  sourceFiles = fileNames;
}
const parsed = (file) => (typed ? file : ts.createSourceFile(file, ts.sys.readFile(file) ?? '', ts.ScriptTarget.Latest, true));
countObjectMethods();
const checker = typed ? countingChecker(program.getTypeChecker()) : undefined;
const tsm = values.walks ? countingTypeScript() : ts;

// ---------------------------------------------------------------------------------------------
// One pass

let typeScriptMs = 0;
let allNodes = 0;
let fileCount = 0;
const countNodes = (node) => {
  allNodes++;
  ts.forEachChild(node, countNodes);
};
// A cache key no other run has: the rule runs again instead of handing back its findings.
const AGAIN = { '(run again)': true };
for (const file of sourceFiles) {
  const sourceFile = parsed(file);
  if (!inCorpus(sourceFile)) continue;
  fileCount++;
  if (values.mode === 'editor') {
    const started = performance.now();
    program.getSemanticDiagnostics(sourceFile);
    typeScriptMs += performance.now() - started;
  }
  const target = { ts: tsm, sourceFile, checker, program };
  running = INDEX;
  let started = performance.now();
  // Reading a member walks the file (the index is made on demand).
  void getFileIndex(tsm, sourceFile).functions;
  statsOf(INDEX).ms += performance.now() - started;
  for (const contract of contracts) {
    running = contract.meta.id;
    started = performance.now();
    runContract(contract, target, undefined, (_, error) => {
      throw error;
    });
    statsOf(running).ms += performance.now() - started;
  }
  running = undefined;
  if (values.again) {
    // Not counted: the questions and walks of the second run are not charged to the rule.
    for (const contract of contracts) {
      const started = performance.now();
      runContract(contract, target, AGAIN, (_, error) => {
        throw error;
      });
      statsOf(contract.meta.id).againMs += performance.now() - started;
    }
  }
  // After the rules: counting the nodes first would warm the file for them.
  countNodes(sourceFile);
}

// ---------------------------------------------------------------------------------------------
// Report

const rows = [...perRule].sort((a, b) => b[1].ms - a[1].ms);
const total = rows.reduce((sum, [, s]) => sum + s.ms, 0);
const share = (part, whole) => (whole > 0 ? `${((100 * part) / whole).toFixed(0)}%` : '');
console.log(
  `qpq rules on ${relative(process.cwd(), corpus) || '.'}: ${fileCount} files (${allNodes} nodes), ${values.mode}, ` +
    `TypeScript ${ts.version}, Node ${process.versions.node}; one pass, as one lint run (JIT warm-up included)`,
);
console.log('');
printTable(
  ['rule', 'time', 'share', 'type questions', 'their time', 'of the rule', ...(values.walks ? ['nodes walked'] : []), 'most time in'],
  rows.map(([rule, s]) => [
    rule,
    formatMs(s.ms),
    share(s.ms, total),
    String(s.calls),
    formatMs(s.callMs),
    share(s.callMs, s.ms),
    ...(values.walks ? [String(s.walked)] : []),
    [...s.byMethod]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 3)
      .map(([method, m]) => `${method} ${m.calls}x ${formatMs(m.ms)}`)
      .join(', '),
  ]),
);
console.log(`all: ${formatMs(total)}, ${formatMs(total / fileCount)} per file`);
if (values.again) {
  const ruleRows = rows.filter(([rule]) => rule !== INDEX);
  const first = ruleRows.reduce((sum, [, s]) => sum + s.ms, 0);
  const again = ruleRows.reduce((sum, [, s]) => sum + s.againMs, 0);
  console.log(
    `run again right after, on the same file: ${formatMs(again)} against ${formatMs(first)} the first time (${share(again, first)}); ` +
      ruleRows.map(([rule, s]) => `${rule} ${formatMs(s.ms)} -> ${formatMs(s.againMs)}`).join(', '),
  );
}
if (values.mode === 'editor') {
  console.log(
    `TypeScript's semantic check of the same files: ${formatMs(typeScriptMs)}; the rules over it: ${(total / typeScriptMs).toFixed(3)}`,
  );
}
if (values.walks) {
  const walked = rows.reduce((sum, [, s]) => sum + s.walked, 0);
  console.log(
    `nodes walked: ${walked} of the ${allNodes} nodes of the files (type annotations, imports and tokens are not walked); ` +
      "a rule that reads other files (the routes a program's config binds) builds their index and is charged for it",
  );
}

const top = slowest.sort((a, b) => b.ms - a.ms).slice(0, Number(values.top));
if (top.length > 0) {
  console.log('');
  printTable(
    ['slowest questions', 'rule', 'asked', 'about'],
    top.map((q) => [formatMs(q.ms), q.rule, q.method, q.where]),
  );
}
