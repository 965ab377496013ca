// How right the qpq rules are on real code: a report, never a test and never in CI.
//
//   node bench/accuracy.mjs --corpus <dir> [--labels <file>] [--mode typed|untyped|both]
//                           [--no-mutations] [--no-timing] [--runs 1] [--json <file>]
//                           [--files <glob,glob>] [--framework-version <release>]
//
// 1. Findings. Every rule of `recommended-type-checked` (and of `recommended` untyped) on the
//    unmodified corpus. Each finding is compared with the corpus's labels file
//    (`bench/accuracy/<corpus name>.labels.json`: file, line, rule, TP/FP, one-line reason). The
//    report lists the unlabelled findings and the labels nothing matched any more, and prints the
//    precision of each rule over the labelled findings.
// 2. Mutation recall of `qpq/require-yield-star`. Every `yield* <call>` in the corpus whose call
//    returns an iterator is a real delegation; each is mutated alone, once with `yield*` removed
//    and once with `yield*` turned into `yield`, and linted typed and untyped. A site counts as
//    found when a finding of the rule covers it, and as restored when that finding's own fix gives
//    back the original text. Untyped, the sites the `ask*` naming convention alone would report
//    are the floor.
// A corpus with no package.json names no framework release, and `qpq/no-outdated-api` then judges
// nothing; `--framework-version` gives it the release the corpus is on (the framework's source
// snapshot says it in its README), so its findings and its time are measured too.
//
// 3. Time. The typed lint against the typed parse alone (parser with type information and no
//    rule), both as real ESLint runs in child processes of this script, in this run; and ESLint's
//    own --stats accounting of the lint: (typed parse + qpq rules) / typed parse, from one process.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { formatMb, formatMs, formatRatio, measure, printTable, ratio } from './lib/measure.mjs';
import { readTsconfig } from './lib/tsconfig.mjs';

const REPO_ROOT = join(import.meta.dirname, '..');
const require = createRequire(join(REPO_ROOT, 'package.json'));
const SELF = import.meta.filename;
const ASK_NAME = /^ask[A-Z0-9_]/;
const RULE = 'qpq/require-yield-star';
const IGNORED = ['**/node_modules/**', '**/dist/**', '**/*.d.ts'];
const SOURCE_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    labels: { type: 'string' },
    mode: { type: 'string', default: 'both' },
    mutations: { type: 'boolean', default: true },
    'no-mutations': { type: 'boolean', default: false },
    timing: { type: 'boolean', default: true },
    'no-timing': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    json: { type: 'string' },
    // Globs relative to the corpus, comma-separated: lint only these files.
    files: { type: 'string' },
    // The framework release the corpus is on, for qpq/no-outdated-api (see above).
    'framework-version': { type: 'string' },
    // Internal: one ESLint run in this process, for the timed child processes.
    worker: { type: 'string' },
    out: { type: 'string' },
  },
});

// ---------------------------------------------------------------------------------------------
// ESLint set-ups

async function loadEslint() {
  const { ESLint } = require('eslint');
  const qpq = require(join(REPO_ROOT, 'eslint-plugin'));
  const tsParser = require('@typescript-eslint/parser');
  return { ESLint, qpq, tsParser };
}

/** The flat config of one case, for a corpus at `cwd`. */
function configFor(kind, cwd, { qpq, tsParser }, onlyRule) {
  const typed = kind === 'typed' || kind === 'typed-parse';
  const languageOptions = {
    parser: tsParser,
    parserOptions: typed ? { projectService: true, tsconfigRootDir: cwd } : {},
  };
  // The corpus's own disable comments name rules of its config: unused here, and not our business.
  const linterOptions = { reportUnusedDisableDirectives: 'off' };
  if (kind === 'typed-parse' || kind === 'parse') {
    // No rule at all: ESLint still parses every file (and, typed, builds the program).
    return [{ files: SOURCE_FILES, languageOptions, linterOptions, rules: {} }];
  }
  const rules = onlyRule ? { [onlyRule]: 'error' } : allRulesOn(qpq);
  return [{ files: SOURCE_FILES, languageOptions, linterOptions, plugins: { qpq }, rules }];
}

/**
 * Every rule of the plugin at error, with its default options, whatever `recommended` says; with
 * `--framework-version`, no-outdated-api judges against that release.
 */
function allRulesOn(qpq) {
  const release = values['framework-version'];
  return Object.fromEntries(
    Object.keys(qpq.rules).map((id) => [
      `qpq/${id}`,
      id === 'no-outdated-api' && release !== undefined ? ['error', { frameworkVersion: release }] : 'error',
    ]),
  );
}

async function newEslint(kind, cwd, onlyRule) {
  const loaded = await loadEslint();
  return new loaded.ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: configFor(kind, cwd, loaded, onlyRule),
    ignorePatterns: IGNORED,
    errorOnUnmatchedPattern: false,
    // ESLint's own per-file accounting: parse and rule times from inside this run.
    stats: true,
  });
}

/** Worker mode: one lint of the whole corpus, its findings written as JSON. */
async function runWorker(kind, cwd, out) {
  const eslint = await newEslint(kind, cwd);
  const results = await eslint.lintFiles(values.files ? values.files.split(',') : SOURCE_FILES);
  const findings = [];
  let parseErrors = 0;
  const stats = { parseMs: 0, qpqMs: 0 };
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      stats.parseMs += pass.parse?.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) if (rule.startsWith('qpq/')) stats.qpqMs += time.total;
    }
    for (const m of result.messages) {
      if (m.fatal || !m.ruleId) {
        parseErrors++;
        console.error(`parse error: ${relative(cwd, result.filePath)}:${m.line}:${m.column} ${m.message}`);
        continue;
      }
      findings.push({ file: relative(cwd, result.filePath), line: m.line, column: m.column, rule: m.ruleId, message: m.message });
    }
  }
  writeFileSync(out, JSON.stringify({ files: results.length, parseErrors, findings, stats }));
}

async function lintInChild(kind, cwd, scratch) {
  const out = join(scratch, `${kind}.json`);
  const run = await measure(
    process.execPath,
    [
      SELF,
      '--worker',
      kind,
      '--corpus',
      cwd,
      '--out',
      out,
      ...(values.files ? ['--files', values.files] : []),
      ...(values['framework-version'] ? ['--framework-version', values['framework-version']] : []),
    ],
    { cwd },
  );
  if (run.status !== 0) throw new Error(`lint (${kind}) exited ${run.status ?? run.signal}:\n${run.stderr.slice(0, 3000)}`);
  return { ms: run.ms, mb: run.maxRssMb, ...JSON.parse(readFileSync(out, 'utf8')), warnings: run.stderr.trim() };
}

// ---------------------------------------------------------------------------------------------
// Labels

function readLabels(path) {
  if (!path || !existsSync(path)) return [];
  const labels = JSON.parse(readFileSync(path, 'utf8'));
  for (const label of labels) {
    if (!label.file || !label.line || !label.rule || !['TP', 'FP'].includes(label.verdict) || !label.reason) {
      throw new Error(`${path}: every label needs file, line, rule, verdict (TP or FP) and reason: ${JSON.stringify(label)}`);
    }
  }
  return labels;
}

function compareWithLabels(findings, labels) {
  const key = (x) => `${x.file}\0${x.line}\0${x.rule}`;
  const byKey = new Map(labels.map((l) => [key(l), l]));
  const used = new Set();
  const perRule = {};
  const unlabelled = [];
  for (const finding of findings) {
    const rule = (perRule[finding.rule] ??= { findings: 0, TP: 0, FP: 0, unlabelled: 0 });
    rule.findings++;
    const label = byKey.get(key(finding));
    if (!label) {
      rule.unlabelled++;
      unlabelled.push(finding);
      continue;
    }
    used.add(key(label));
    rule[label.verdict]++;
  }
  const stale = labels.filter((l) => !used.has(key(l)));
  return { perRule, unlabelled, stale };
}

function printFindings(title, run, labels) {
  const { perRule, unlabelled, stale } = compareWithLabels(run.findings, labels);
  console.log(`\n${title}: ${run.findings.length} findings in ${run.files} files, ${run.parseErrors} parse errors`);
  const rows = Object.entries(perRule)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, r]) => {
      const labelled = r.TP + r.FP;
      return [rule, r.findings, r.TP, r.FP, r.unlabelled, labelled ? `${((100 * r.TP) / labelled).toFixed(1)}%` : 'n/a'];
    });
  if (rows.length > 0) printTable(['rule', 'findings', 'TP', 'FP', 'unlabelled', 'precision'], rows);
  for (const f of unlabelled) console.log(`  unlabelled  ${f.file}:${f.line}:${f.column}  ${f.rule}  ${f.message}`);
  for (const l of run.findings.filter((f) =>
    labels.some((l) => l.verdict === 'FP' && l.file === f.file && l.line === f.line && l.rule === f.rule),
  )) {
    console.log(`  FP          ${l.file}:${l.line}:${l.column}  ${l.rule}  ${l.message}`);
  }
  for (const l of stale) console.log(`  no longer found  ${l.file}:${l.line}  ${l.rule}  (${l.verdict}: ${l.reason})`);
  if (run.warnings) console.log(`  warnings: ${run.warnings.split('\n').slice(0, 5).join(' | ')}`);
  return { perRule, unlabelled: unlabelled.length, stale: stale.length };
}

// ---------------------------------------------------------------------------------------------
// Mutation recall of require-yield-star

/**
 * Every `yield* <call>` whose call returns an iterator, found with the corpus's own program (the
 * rule under test is not asked). Also records whether the callee is ask-named, the convention the
 * framework's name-based rule relies on.
 */
function delegationSites(cwd) {
  const ts = require('typescript');
  const configPath = ts.findConfigFile(cwd, ts.sys.fileExists, 'tsconfig.json');
  if (!configPath) throw new Error(`no tsconfig.json in ${cwd}: mutation recall needs the corpus's program`);
  const { fileNames, options } = readTsconfig(ts, configPath);
  const program = ts.createProgram({ rootNames: fileNames, options });
  const checker = program.getTypeChecker();
  const sites = [];
  for (const sourceFile of program.getSourceFiles()) {
    if (sourceFile.isDeclarationFile || !resolve(sourceFile.fileName).startsWith(resolve(cwd))) continue;
    if (sourceFile.fileName.includes('/node_modules/')) continue;
    const visit = (node) => {
      if (ts.isYieldExpression(node) && node.asteriskToken && node.expression) {
        let operand = node.expression;
        while (ts.isParenthesizedExpression(operand)) operand = operand.expression;
        if ((ts.isCallExpression(operand) || ts.isTaggedTemplateExpression(operand)) && returnsIterator(checker, operand)) {
          const callee = ts.isCallExpression(operand) ? operand.expression : operand.tag;
          const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
          const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
          sites.push({
            file: relative(cwd, sourceFile.fileName),
            at: `${line + 1}:${character + 1}`,
            path: sourceFile.fileName,
            yieldStart: node.getStart(sourceFile),
            operandStart: node.expression.getStart(sourceFile),
            // What the framework's name-based rule reports once `yield*` is gone: an ask-named call
            // that is not passed as an argument (through literals and conditional branches).
            askNamed: ASK_NAME.test(name) && !passedAsArgument(ts, node),
            askNamedCall: ASK_NAME.test(name),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return sites;
}

function passedAsArgument(ts, node) {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(current)) return true;
    const carries =
      ts.isParenthesizedExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isNonNullExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      ts.isArrayLiteralExpression(parent) ||
      ts.isObjectLiteralExpression(parent) ||
      ts.isSpreadElement(parent) ||
      (ts.isPropertyAssignment(parent) && parent.initializer === current) ||
      (ts.isConditionalExpression(parent) && parent.condition !== current);
    if (!carries) return false;
    current = parent;
  }
}

function returnsIterator(checker, call) {
  const type = checker.getTypeAtLocation(call);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((t) => t.getProperty('next') !== undefined && t.getProperty('throw') !== undefined);
}

/** `yield* x` -> `x` (removed) or `yield x` (starless). */
function mutate(text, site, how) {
  const replacement = how === 'removed' ? '' : 'yield ';
  return text.slice(0, site.yieldStart) + replacement + text.slice(site.operandStart);
}

/** Whether a finding covers the mutated site, and whether its fix alone gives back the original. */
function judge(messages, mutated, original, site) {
  const at = site.yieldStart;
  const lineStarts = [0];
  for (let i = 0; i < mutated.length; i++) if (mutated[i] === '\n') lineStarts.push(i + 1);
  const offsetOf = (line, column) => lineStarts[line - 1] + column - 1;
  for (const m of messages) {
    if (m.ruleId !== RULE) continue;
    const start = offsetOf(m.line, m.column);
    const end = m.endLine ? offsetOf(m.endLine, m.endColumn) : start + 1;
    if (at < start || at > end) continue;
    const fixed = m.fix ? mutated.slice(0, m.fix.range[0]) + m.fix.text + mutated.slice(m.fix.range[1]) : undefined;
    return { found: true, restored: fixed === original };
  }
  return { found: false, restored: false };
}

async function mutationRecall(kind, cwd, sites) {
  const eslint = await newEslint(kind, cwd, RULE);
  const byFile = new Map();
  for (const site of sites) byFile.set(site.path, [...(byFile.get(site.path) ?? []), site]);
  const outcome = { removed: [], starless: [] };
  for (const [path, fileSites] of byFile) {
    const original = readFileSync(path, 'utf8');
    for (const site of fileSites) {
      for (const how of ['removed', 'starless']) {
        const mutated = mutate(original, site, how);
        const [result] = await eslint.lintText(mutated, { filePath: path });
        outcome[how].push({ site, ...judge(result.messages, mutated, original, site) });
      }
    }
    // Typed: put the file's real text back in the program before the next file is linted.
    if (kind === 'typed') await eslint.lintText(original, { filePath: path });
  }
  return outcome;
}

function printRecall(kind, outcome) {
  const rows = [];
  for (const how of ['removed', 'starless']) {
    const list = outcome[how];
    const found = list.filter((o) => o.found);
    const restored = found.filter((o) => o.restored);
    // A starless `yield askX()` is reported by the convention wherever it stands.
    const convention = list.filter((o) => conventionReports(o.site, how));
    const conventionFound = convention.filter((o) => o.found);
    rows.push([
      `${kind}, yield* ${how === 'removed' ? 'removed' : '-> yield'}`,
      `${found.length}/${list.length}`,
      percent(found.length, list.length),
      `${restored.length}/${found.length} (${percent(restored.length, found.length)})`,
      `${conventionFound.length}/${convention.length}`,
    ]);
  }
  printTable(['mutation', 'found', 'recall', 'fix restores the original', 'of the ask* sites'], rows);
  for (const how of ['removed', 'starless']) {
    for (const o of outcome[how].filter((x) => !x.found))
      console.log(
        `  missed (${how})    ${o.site.file}:${o.site.at}${conventionReports(o.site, how) ? ' [the ask* convention reports it]' : ''}`,
      );
    for (const o of outcome[how].filter((x) => x.found && !x.restored)) console.log(`  not restored (${how})  ${o.site.file}:${o.site.at}`);
  }
  return Object.fromEntries(
    ['removed', 'starless'].map((how) => {
      const list = outcome[how];
      const found = list.filter((o) => o.found);
      return [
        how,
        {
          sites: list.length,
          found: found.length,
          restored: found.filter((o) => o.restored).length,
          askSites: list.filter((o) => conventionReports(o.site, how)).length,
          askFound: list.filter((o) => conventionReports(o.site, how) && o.found).length,
        },
      ];
    }),
  );
}

/** Whether the framework's name-based rule reports the mutated site: the floor of the untyped rule. */
const conventionReports = (site, how) => site.askNamed || (how === 'starless' && site.askNamedCall);

const percent = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

// ---------------------------------------------------------------------------------------------

async function main() {
  if (values.worker) return runWorker(values.worker, resolve(values.corpus), values.out);
  if (!values.corpus) {
    console.error(
      'usage: node bench/accuracy.mjs --corpus <dir> [--labels <file>] [--mode typed|untyped|both] [--no-mutations] [--no-timing]',
    );
    process.exit(2);
  }
  const cwd = resolve(values.corpus);
  const name = basename(cwd);
  const labelsPath = values.labels ?? join(REPO_ROOT, 'bench/accuracy', `${name}.labels.json`);
  const labels = readLabels(labelsPath);
  const modes = values.mode === 'both' ? ['typed', 'untyped'] : [values.mode];
  const withMutations = values.mutations && !values['no-mutations'];
  const withTiming = values.timing && !values['no-timing'];
  const { version: eslintVersion } = require('eslint/package.json');
  const { version: tsVersion } = require('typescript/package.json');
  console.log(`corpus ${name}, ESLint ${eslintVersion}, TypeScript ${tsVersion}, Node ${process.versions.node}`);
  console.log(`labels ${relative(process.cwd(), labelsPath)} (${labels.length}${existsSync(labelsPath) ? '' : ', file missing'})`);

  const scratch = mkdtempSync(join(tmpdir(), 'qpq-accuracy-'));
  const report = { corpus: name, findings: {}, recall: {}, timing: {} };
  try {
    for (const kind of modes) {
      const run = await lintInChild(kind, cwd, scratch);
      report.findings[kind] = printFindings(`${kind} (every rule at error)`, run, labels);
      report.findings[kind].list = run.findings;
      if (kind === 'typed' && withTiming) {
        const runs = Math.max(1, Number(values.runs));
        const parse = [];
        const lint = [run];
        for (let i = 0; i < runs; i++) {
          parse.push(await lintInChild('typed-parse', cwd, scratch));
          if (i > 0) lint.push(await lintInChild('typed', cwd, scratch));
        }
        const med = (xs, k) => xs.map((x) => x[k]).sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        report.timing = {
          lintMs: med(lint, 'ms'),
          parseMs: med(parse, 'ms'),
          lintMb: med(lint, 'mb'),
          parseMb: med(parse, 'mb'),
          statsParseMs: med(
            lint.map((l) => l.stats),
            'parseMs',
          ),
          statsQpqMs: med(
            lint.map((l) => l.stats),
            'qpqMs',
          ),
        };
        console.log('');
        printTable(
          ['typed, same run', 'time', 'peak RSS'],
          [
            ['typed parse only (no rule)', formatMs(report.timing.parseMs), formatMb(report.timing.parseMb)],
            ['every qpq rule', formatMs(report.timing.lintMs), formatMb(report.timing.lintMb)],
            [
              'ratio',
              formatRatio(ratio(report.timing.lintMs, report.timing.parseMs)),
              formatRatio(ratio(report.timing.lintMb, report.timing.parseMb)),
            ],
          ],
        );
        const { statsParseMs, statsQpqMs } = report.timing;
        console.log(
          `ESLint's own accounting of the qpq run (--stats): typed parse ${formatMs(statsParseMs)}, qpq rules ${formatMs(statsQpqMs)}, ` +
            `(parse + qpq rules) / parse ${formatRatio(ratio(statsParseMs + statsQpqMs, statsParseMs))}. ` +
            'A process with no rule at all often runs leaner than any with a rule (see bench/README.md, case (a1)), so the whole-process ratio above overstates the rules.',
        );
      }
    }
    if (withMutations) {
      const sites = delegationSites(cwd);
      console.log(
        `\nmutation recall of ${RULE}: ${sites.length} delegations to a call that returns an iterator, ${sites.filter((s) => s.askNamedCall).length} of them ask-named, ${sites.filter((s) => s.askNamed).length} of those not in an argument`,
      );
      for (const kind of modes) report.recall[kind] = printRecall(kind, await mutationRecall(kind, cwd, sites));
    }
    if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
