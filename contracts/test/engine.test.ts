import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

import { flakyContract } from '../../fixtures/support/flaky-contract';
import { FIXTURES_DIR, sourceFilesUnder } from '../../fixtures/support/paths';
import type { Contract } from '../src';
import { allContracts, applyEdits, compatibleEdits, contractRun, getFileIndex, runContract, runtimeReferencesIn } from '../src';
import { isFileChecked } from '../src/engine/checked-files';
import { dedent } from '../src/engine/dedent';
import { fileMayHoldGenerators } from '../src/engine/file-index';
import { kindFlagTable } from '../src/engine/kind-flags';
import { runtimeReferences } from '../src/engine/route-bindings';
import { findingsOf } from './finding-text';
import { programOf as inMemoryProgram } from './in-memory-program';
import { projectTree, removeProjectTrees } from './project-tree';

const parse = (text: string, name = 'file.ts') => ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
const requireYieldStar = allContracts.find((c) => c.meta.id === 'require-yield-star')!;
/** A finding's place as an editor shows it: 1-based line and column. */
const place = (sourceFile: ts.SourceFile, start: number) => {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(start);
  return `${line + 1}:${character + 1}`;
};

describe('runContract', () => {
  it('contains a contract that throws: no findings, one report, and the next contract still runs', () => {
    const failing: Contract = {
      ...requireYieldStar,
      meta: { ...requireYieldStar.meta, id: 'always-fails' },
      check() {
        throw new Error('boom');
      },
    };
    const sourceFile = parse('function* story() {\n  askDateNow();\n}\n');
    const errors: string[] = [];
    const onError = (contract: Contract, error: unknown) => errors.push(`${contract.meta.id}: ${(error as Error).message}`);
    const target = { ts, sourceFile, checker: undefined };

    expect(runContract(failing, target, undefined, onError)).toEqual([]);
    expect(runContract(failing, target, undefined, onError)).toEqual([]);
    expect(errors).toEqual(['always-fails: boom']);
    expect(runContract(requireYieldStar, target, undefined, onError).map((f) => [f.messageId, place(sourceFile, f.start)])).toEqual([
      ['missingYieldStar', '2:3'],
    ]);
  });

  it('tells, per file, checker and options, whether the contract failed: a failure under one options value does not mark another', () => {
    const flaky = flakyContract(requireYieldStar);
    const sourceFile = parse('function* story() {\n  askDateNow();\n}\n');
    const errors: string[] = [];
    const onError = (contract: Contract, error: unknown) => errors.push(`${contract.meta.id}: ${(error as Error).message}`);
    const untyped = { ts, sourceFile, checker: undefined };
    const outcome = (run: { findings: ReadonlyArray<{ messageId: string; start: number }>; failed: boolean }) => ({
      failed: run.failed,
      findings: run.findings.map((f) => [f.messageId, place(sourceFile, f.start)]),
    });
    const broken = { combinators: ['explode'] };
    const working = { combinators: ['harmless'] };

    expect(outcome(contractRun(flaky, untyped, broken, onError))).toEqual({ failed: true, findings: [] });
    expect(outcome(contractRun(flaky, untyped, working, onError))).toEqual({ failed: false, findings: [['missingYieldStar', '2:3']] });
    expect(outcome(contractRun(flaky, untyped, broken, onError))).toEqual({ failed: true, findings: [] });
    expect(runContract(flaky, untyped, working, onError)).toBe(contractRun(flaky, untyped, working, onError).findings);
    // Another checker is another run: it fails again on its own, and is reported again.
    const program = ts.createProgram({ rootNames: [], options: {} });
    const typed = { ts, sourceFile, checker: program.getTypeChecker(), program };
    expect(outcome(contractRun(flaky, typed, broken, onError))).toEqual({ failed: true, findings: [] });
    expect(errors).toEqual(['flaky: flaky bug', 'flaky: flaky bug']);
  });

  it('hands a contract the same options object for equal options, as ESLint makes them anew for every file', () => {
    const seen: unknown[] = [];
    const spy: Contract = {
      ...requireYieldStar,
      meta: { ...requireYieldStar.meta, id: 'options-spy' },
      check: (context) => void seen.push(context.options),
    };
    const first = { ts, sourceFile: parse('const a = 1;', 'a.ts'), checker: undefined };
    const second = { ts, sourceFile: parse('const b = 2;', 'b.ts'), checker: undefined };

    runContract(spy, first, { combinators: ['askWithTenant'] }, () => {});
    runContract(spy, second, { combinators: ['askWithTenant'] }, () => {});
    // Equal options for a file already run: its cached run, not a new one.
    runContract(spy, first, { combinators: ['askWithTenant'] }, () => {});
    runContract(spy, first, { combinators: ['askOther'] }, () => {});

    expect(seen).toHaveLength(3);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[0]).toEqual({ combinators: ['askWithTenant'] });
    expect(seen[2]).toEqual({ combinators: ['askOther'] });
  });

  it('runs a contract that reads neither types nor other files once per file, whatever the checker, and without one', () => {
    const runs: Array<{ file: string; checker: ts.TypeChecker | undefined }> = [];
    const fileOnly: Contract = {
      ...requireYieldStar,
      meta: { ...requireYieldStar.meta, id: 'file-only-spy', typeAware: false, readsOtherFiles: 'never' },
      check: (context) => void runs.push({ file: context.sourceFile.fileName, checker: context.checker }),
    };
    const typeAware: Contract = {
      ...fileOnly,
      meta: { ...fileOnly.meta, id: 'type-aware-spy', typeAware: true, readsOtherFiles: 'with-types' },
    };
    const sourceFile = parse('function* s() { askA(); }', 'kept.ts');
    // Two program versions that share the file, as an editor's do after an edit elsewhere.
    const [before, after] = [1, 2].map(() => ts.createProgram({ rootNames: [], options: {} }).getTypeChecker());

    for (const checker of [before, after]) {
      runContract(fileOnly, { ts, sourceFile, checker }, undefined, () => {});
      runContract(typeAware, { ts, sourceFile, checker }, undefined, () => {});
    }

    expect(runs).toEqual([
      { file: 'kept.ts', checker: undefined },
      { file: 'kept.ts', checker: before },
      { file: 'kept.ts', checker: after },
    ]);
  });

  it("passes on a host's word that the checker has checked the file, for that checker and file only", () => {
    const program = ts.createProgram({ rootNames: [], options: {} });
    const checker = program.getTypeChecker();
    const [checked, unchecked] = ['checked.ts', 'unchecked.ts'].map((name) => parse('function* s() { askA(); }', name));

    runContract(requireYieldStar, { ts, sourceFile: checked, checker, program, fileChecked: true }, undefined, () => {});
    runContract(requireYieldStar, { ts, sourceFile: unchecked, checker, program }, undefined, () => {});

    expect([isFileChecked(checker, checked), isFileChecked(checker, unchecked)]).toEqual([true, false]);
    expect(isFileChecked(ts.createProgram({ rootNames: [], options: {} }).getTypeChecker(), checked)).toBe(false);
  });

  it('analyses a file once: the same findings object for every caller of the same file', () => {
    const target = { ts, sourceFile: parse('function* s() { askA(); }'), checker: undefined };
    const first = runContract(requireYieldStar, target, undefined, () => {});
    expect(runContract(requireYieldStar, target, {}, () => {})).toBe(first);
    expect(getFileIndex(ts, target.sourceFile)).toBe(getFileIndex(ts, target.sourceFile));
  });
});

describe('kind flag tables', () => {
  it("ORs each mark into the host module's numbering, once per module", () => {
    let made = 0;
    const table = kindFlagTable((mark, SK) => {
      made++;
      mark([SK.CallExpression], 1);
      mark([SK.CallExpression, SK.Identifier], 2);
    });
    const flags = table(ts);
    expect([flags.length, flags[ts.SyntaxKind.CallExpression], flags[ts.SyntaxKind.Identifier], flags[ts.SyntaxKind.Block]]).toEqual([
      ts.SyntaxKind.Count,
      3,
      2,
      0,
    ]);
    expect(table(ts)).toBe(flags);
    // Another TypeScript module (another version, its own numbering) gets a table of its own.
    const other = { ...ts, SyntaxKind: { ...ts.SyntaxKind, CallExpression: ts.SyntaxKind.Block } } as typeof ts;
    expect(table(other)[ts.SyntaxKind.Block]).toBe(3);
    expect(made).toBe(2);
  });
});

describe('file index: generators told without a walk', () => {
  const generatorFiles = [
    'function* story() {}',
    'export default function* () {}',
    'const story = function* () {};',
    'const api = { *load() {} };',
    'class Jobs {\n  static *run() {}\n}',
    'class Jobs {\n  private field = function* () {};\n}',
    'function outer() {\n  return class {\n    *inner() {}\n  };\n}',
    'namespace Jobs {\n  export function* run() {}\n}',
    'function withDefault(make = function* () {}) {}',
    'const keyed = { [function* () {}.name]: 1 };',
    'const element = <div>{function* () {}}</div>;',
    'async function* feed() {}',
    'class Feed {\n  async *items() {}\n}',
    'const feed = async /* one */ function /* two */ *() {};',
  ];

  it('finds every form of generator the index finds, in the parse alone', () => {
    const judged = generatorFiles.map((text) => {
      const sourceFile = parse(text, 'file.tsx');
      return [getFileIndex(ts, sourceFile).generators.length, fileMayHoldGenerators(ts, sourceFile)];
    });
    expect(judged).toEqual(generatorFiles.map(() => [1, true]));
  });

  it('tells a file without one, object spread and async iteration included', () => {
    const files = [
      'export function plain() { return 1; }',
      'export const merged = { ...{ a: 1 }, b: 2 };',
      'export async function drain(items: AsyncIterable<number>) {\n  for await (const item of items) console.log(item);\n}',
      '/** A comment that names function* and async *items() is no generator. */\nexport const product = 2 * 3;',
    ];
    expect(files.map((text) => fileMayHoldGenerators(ts, parse(text)))).toEqual([false, false, false, false]);
  });

  it('takes every file for one when the TypeScript module does not mark generators', () => {
    const unmarked = { ...ts, TransformFlags: undefined } as unknown as typeof ts;
    expect(fileMayHoldGenerators(unmarked, parse('export const plain = 1;'))).toBe(true);
  });

  it('agrees with the index on every fixture file', () => {
    const files = sourceFilesUnder(FIXTURES_DIR).map((file) => parse(fs.readFileSync(file, 'utf8'), file));
    const missed = files.filter((f) => getFileIndex(ts, f).generators.length > 0 && !fileMayHoldGenerators(ts, f));
    const skipped = files.filter((f) => !fileMayHoldGenerators(ts, f));
    expect(missed.map((f) => f.fileName)).toEqual([]);
    // The fixtures hold files of both kinds.
    expect([skipped.length > 0, skipped.length < files.length]).toEqual([true, true]);
  });

  it('walks a file only when a contract reads its index', () => {
    let walks = 0;
    const counting = Object.create(ts, {
      forEachChild: {
        value: (node: ts.Node, visit: (n: ts.Node) => unknown, visitList?: (l: ts.NodeArray<ts.Node>) => unknown) => {
          if (node.kind === ts.SyntaxKind.SourceFile) walks++;
          return ts.forEachChild(node, visit, visitList);
        },
      },
    }) as typeof ts;
    const walksFor = (text: string) => {
      walks = 0;
      const sourceFile = parse(text);
      for (const contract of allContracts) {
        const options = contract.meta.id === 'no-outdated-api' ? { frameworkVersion: '0.1.16' } : undefined;
        findingsOf(contract, { ts: counting, sourceFile, checker: undefined }, options);
      }
      return walks;
    };
    expect([
      // Words that take the file past the text checks of the rules that judge stories.
      walksFor(
        "import { load } from './load';\nexport const merged = { ...load(), status: 200 };\nexport async function f() { return load('askThrowError'); }\n",
      ),
      walksFor('export function* story() {\n  yield* askLoad();\n}\n'),
      walksFor('export const askTotal = () => 1;\n'),
    ]).toEqual([0, 1, 1]);
  });
});

describe('file index: names that mean one thing', () => {
  it('tells a module-level name from one bound again below the top level, inside functions or not', () => {
    const index = getFileIndex(
      ts,
      parse(dedent`
        import { askLoad, askSave } from './logic';
        const settings = {};
        export function* story(id: string) {
          const { retries } = settings as { retries: number };
          return yield* askLoad(id + retries);
        }
        {
          const blockScoped = 1;
        }
        for (const looped of [1]) askSave(looped);
        namespaceFree(() => { let inArrow = 0; });
        class Shape { width = 0; area(scale: number) { return scale; } }
      `),
    );
    const meaning = Object.fromEntries(
      ['askLoad', 'askSave', 'settings', 'story', 'Shape', 'id', 'retries', 'blockScoped', 'looped', 'inArrow', 'scale'].map((name) => [
        name,
        index.meansOneThing(name),
      ]),
    );
    expect(meaning).toEqual({
      askLoad: true,
      askSave: true,
      settings: true,
      story: true,
      Shape: true,
      id: false,
      retries: false,
      blockScoped: false,
      looped: false,
      inArrow: false,
      scale: false,
    });
  });

  it('has no name meaning one thing in a file whose namespace or enum other files may extend', () => {
    const index = getFileIndex(ts, parse('export namespace Api { export const v = 1; }\nconst askLoad = 1;'));
    expect(index.meansOneThing('askLoad')).toBe(false);
  });
});

describe('bad input', () => {
  /** Each finding as `messageId@line:column`. */
  const findings = (text: string) => {
    const sourceFile = parse(text);
    return runContract(requireYieldStar, { ts, sourceFile, checker: undefined }, undefined, (_, e) => {
      throw e;
    }).map((f) => `${f.messageId}@${place(sourceFile, f.start)}`);
  };

  it('reports what it can in a file with syntax errors', () => {
    expect(findings('function* story() {\n  askDateNow();\n  const = ;\n')).toEqual(['missingYieldStar@2:3']);
  });

  it('handles the deepest nesting the TypeScript parser accepts', () => {
    const depth = 600;
    const text = `function* story() {\n  const x = ${'['.repeat(depth)}askA()${']'.repeat(depth)};\n}\n`;
    expect(findings(text)).toEqual([`missingYieldStar@2:${13 + depth}`]);
  });

  it('handles a 50,000-line file', () => {
    const body = Array.from({ length: 50_000 }, (_, i) => (i % 1000 === 0 ? `  askStep${i}();` : `  const v${i} = yield* askStep${i}();`));
    const text = `function* story() {\n${body.join('\n')}\n}\n`;
    // Every thousandth statement, from body line 0 (file line 2), is a bare call.
    expect(findings(text)).toEqual(Array.from({ length: 50 }, (_, i) => `missingYieldStar@${i * 1000 + 2}:3`));
  });

  it('reads a long run of comments after `async` in one pass', () => {
    const text = `export const a = { ...{} };\nexport const b = async${' /* a */'.repeat(20_000)};\n`;
    expect(fileMayHoldGenerators(ts, parse(text))).toBe(false);
  });

  it('finds nothing in an empty file, a file of comments, or JavaScript without generators', () => {
    expect(findings('')).toEqual([]);
    expect(findings('// only a comment\n/* and another */')).toEqual([]);
    expect(findings('askDateNow();\nconst f = () => askDateNow();')).toEqual([]);
  });
});

describe('applyEdits', () => {
  it('applies edits in order and skips one that overlaps an earlier one', () => {
    expect(
      applyEdits('abcdef', [
        { start: 4, end: 4, newText: 'X' },
        { start: 0, end: 2, newText: 'Y' },
        { start: 1, end: 3, newText: 'Z' },
      ]),
    ).toBe('YcdXef');
  });

  it('hands an overlapping edit to the caller, applies an edit given twice once, and deletes the union of overlapping deletions', () => {
    const left: Array<{ start: number; end: number; newText: string }> = [];
    const edits = [
      { start: 0, end: 2, newText: 'Y' },
      { start: 1, end: 3, newText: 'Z' },
      { start: 3, end: 3, newText: '+' },
      { start: 3, end: 3, newText: '+' },
    ];
    expect(applyEdits('abcdef', edits, (edit) => left.push(edit))).toBe('Yc+def');
    expect(left).toEqual([{ start: 1, end: 3, newText: 'Z' }]);
    expect(
      applyEdits('abcdef', [
        { start: 1, end: 3, newText: '' },
        { start: 2, end: 4, newText: '' },
      ]),
    ).toBe('aef');
  });
});

describe('compatibleEdits', () => {
  type Edit = { start: number; end: number; newText: string };
  /** The edits kept, and those left out as overlapping, in the order they were left out. */
  const judged = (edits: Edit[]) => {
    const left: Edit[] = [];
    return { kept: compatibleEdits(edits, (edit) => left.push(edit)), left };
  };

  it('merges overlapping deletions into one deletion of their union, and leaves out a replacement that overlaps one', () => {
    expect(
      judged([
        { start: 2, end: 4, newText: '' },
        { start: 1, end: 3, newText: '' },
        { start: 3, end: 6, newText: '' },
        { start: 4, end: 5, newText: '' },
        { start: 5, end: 7, newText: 'X' },
      ]),
    ).toEqual({ kept: [{ start: 1, end: 6, newText: '' }], left: [{ start: 5, end: 7, newText: 'X' }] });
    expect(
      applyEdits('abcdefgh', [
        { start: 2, end: 4, newText: '' },
        { start: 1, end: 3, newText: '' },
        { start: 3, end: 6, newText: '' },
      ]),
    ).toBe('agh');
  });

  it('keeps an edit given twice once, and two different replacements of the same text as the first one', () => {
    expect(
      judged([
        { start: 4, end: 4, newText: '+' },
        { start: 0, end: 2, newText: 'A' },
        { start: 4, end: 4, newText: '+' },
        { start: 0, end: 2, newText: 'A' },
        { start: 0, end: 2, newText: 'B' },
      ]),
    ).toEqual({
      kept: [
        { start: 0, end: 2, newText: 'A' },
        { start: 4, end: 4, newText: '+' },
      ],
      left: [{ start: 0, end: 2, newText: 'B' }],
    });
  });

  it("keeps insertions at a deletion's start (before it) and end (after it), and leaves out one inside it", () => {
    const edits = [
      { start: 4, end: 4, newText: '>' },
      { start: 2, end: 4, newText: '' },
      { start: 3, end: 3, newText: '?' },
      { start: 2, end: 2, newText: '<' },
    ];
    expect(judged(edits)).toEqual({
      kept: [
        { start: 2, end: 2, newText: '<' },
        { start: 2, end: 4, newText: '' },
        { start: 4, end: 4, newText: '>' },
      ],
      left: [{ start: 3, end: 3, newText: '?' }],
    });
    expect(applyEdits('abcdef', edits)).toBe('ab<>ef');
  });

  it('keeps adjacent edits that do not overlap, and two insertions at one place in the order given', () => {
    expect(
      judged([
        { start: 5, end: 6, newText: '' },
        { start: 3, end: 5, newText: 'B' },
        { start: 0, end: 3, newText: 'A' },
        { start: 6, end: 6, newText: '2' },
        { start: 6, end: 6, newText: '1' },
        { start: 6, end: 8, newText: '' },
      ]),
    ).toEqual({
      kept: [
        { start: 0, end: 3, newText: 'A' },
        { start: 3, end: 5, newText: 'B' },
        { start: 5, end: 6, newText: '' },
        { start: 6, end: 6, newText: '2' },
        { start: 6, end: 6, newText: '1' },
        { start: 6, end: 8, newText: '' },
      ],
      left: [],
    });
  });
});

describe('valid-runtime-reference object runtimes', () => {
  it('resolves { basePath: __dirname, relativePath, functionName } and reports a missing module', () => {
    const contract = allContracts.find((c) => c.meta.id === 'valid-runtime-reference')!;
    const text = "defineDeployEvent('announce', { basePath: __dirname, relativePath: 'deploy/nowhere', functionName: 'onDeploy' });";
    const sourceFile = parse(text, '/project/src/qpq.config.ts');
    const findings = runContract(contract, { ts, sourceFile, checker: undefined }, undefined, (_, e) => {
      throw e;
    });
    expect(findings.map((f) => [f.messageId, place(sourceFile, f.start), f.data.module])).toEqual([
      ['moduleNotFound', '1:31', '/project/src/deploy/nowhere'],
    ]);
  });
});

describe('valid-runtime-reference without a program', () => {
  afterAll(removeProjectTrees);

  it('reads the exports of modules on disk: declared on a line of their own, in lists, defaults and namespaces', () => {
    const contract = allContracts.find((c) => c.meta.id === 'valid-runtime-reference')!;
    const root = projectTree({
      'stories/declared.ts': 'export function* askDeclared() {}\nexport const helper = 1;\n',
      'stories/listed.ts': 'function* askListed() {}\nexport { askListed };\n',
      'stories/defaulted.ts': 'export default function* askDefault() {}\n',
      'stories/nested.ts': 'export namespace Inner {\nexport function* askInner() {}\n}\n',
    });
    const text = [
      "defineRoute('GET', '/a', '/stories/declared::askDeclared');",
      "defineRoute('GET', '/b', '/stories/declared::askMissing');",
      "defineRoute('GET', '/c', '/stories/listed::askListed');",
      "defineRoute('GET', '/d', '/stories/defaulted::askDefault');",
      "defineRoute('GET', '/e', '/stories/nested::askInner');",
    ].join('\n');
    const sourceFile = parse(text, path.join(root, 'qpq.config.ts'));
    const findings = runContract(contract, { ts, sourceFile, checker: undefined }, undefined, (_, e) => {
      throw e;
    });
    expect(findings.map((f) => [f.messageId, place(sourceFile, f.start), f.message])).toEqual([
      [
        'exportNotFound',
        '2:26',
        '`/stories/declared` has no export `askMissing` (it exports `askDeclared`, `helper`). The build or deploy would fail.',
      ],
      ['exportNotFound', '4:26', '`/stories/defaulted` has no export `askDefault`. The build or deploy would fail.'],
      ['exportNotFound', '5:26', '`/stories/nested` has no export `askInner` (it exports `Inner`). The build or deploy would fail.'],
    ]);
  });
});

describe('valid-runtime-reference with a program', () => {
  it('tells an async generator from an export that is not a story', () => {
    const contract = allContracts.find((c) => c.meta.id === 'valid-runtime-reference')!;
    const dir = path.join(__dirname, '..', '..', 'fixtures', 'violations');
    const config = ts.readConfigFile(path.join(dir, 'tsconfig.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
    const file = path.join(dir, 'valid-runtime-reference', 'qpq.config.ts');
    const program = ts.createProgram([file, path.join(dir, 'valid-runtime-reference', 'stories', 'todoStories.ts')], parsed.options);
    const sourceFile = program.getSourceFile(file)!;
    const findings = runContract(contract, { ts, sourceFile, checker: program.getTypeChecker(), program }, undefined, (_, e) => {
      throw e;
    });
    expect(findings.map((f) => [f.messageId, place(sourceFile, f.start), f.data.name ?? ''])).toEqual([
      ['exportNotFound', '10:31', 'getTodo'],
      ['moduleNotFound', '11:30', ''],
      ['notAStory', '12:33', 'formatTodo'],
      ['asyncStory', '13:47', 'streamTodos'],
      ['missingSeparator', '15:44', ''],
      ['exportNotFound', '25:49', 'seedTodos'],
    ]);
  });
});

describe('one model of config runtime references', () => {
  it("reads a setting's call however the text spaces, comments or types it", () => {
    const files = [
      "defineRoute /* the list */ ('GET', '/todos', '/controllers/todo::listTodos');",
      "qpq.defineRoute\n  // the list\n  ('GET', '/todos', '/controllers/todo::listTodos');",
      "defineRoute<string>('GET', '/todos', '/controllers/todo::listTodos');",
      "defineRoute?.('GET', '/todos', '/controllers/todo::listTodos');",
    ];
    const references = files.map((text) =>
      runtimeReferencesIn(ts, parse(text, '/project/src/qpq.config.ts')).map((r) => `${r.setting} ${r.modulePath}::${r.exportName}`),
    );
    expect(references).toEqual(files.map(() => ['defineRoute /project/src/controllers/todo::listTodos']));
  });

  it('reads runtime references in every define* setting, and no other string with `::`', () => {
    const text = [
      "defineApplicationModule('app', 'todo', 'dev', __dirname, '/dist');",
      "defineRoute('GET', '/todos', '/controllers/todo::listTodos');",
      "defineQueue('jobs', { job: '/queue/jobs::onJob' }, { batchSize: 1 });",
      "defineSeed(['/seeds/todo::seedTodos', { basePath: __dirname, relativePath: 'seeds/more', functionName: 'seedMore' }]);",
      "defineRecurringSchedule('0 0 * * *', 'no-separator');",
      "defineGlobal('name', 'value::not-a-path-but-looks-like-one');",
    ].join('\n');
    const sourceFile = parse(text, '/project/src/qpq.config.ts');
    const references = runtimeReferencesIn(ts, sourceFile).map((r) => [
      r.setting,
      r.modulePath ?? '',
      r.exportName ?? '',
      r.missingSeparator,
    ]);
    expect(references).toEqual([
      ['defineRoute', '/project/src/controllers/todo', 'listTodos', false],
      ['defineQueue', '/project/src/queue/jobs', 'onJob', false],
      ['defineSeed', '/project/src/seeds/todo', 'seedTodos', false],
      ['defineSeed', '/project/src/seeds/more', 'seedMore', false],
      ['defineRecurringSchedule', '', '', true],
    ]);
  });
});

describe('runtime references of a program', () => {
  // An editor makes a new program after every edit, reusing the SourceFile of each file the edit
  // did not touch: the references are kept per file, and an edited file is read again.
  const programOf = (files: Record<string, string>, oldProgram?: ts.Program) => inMemoryProgram(files, false, oldProgram);
  const controller = '/app/src/controllers/todo.ts';
  const config = '/app/src/qpq.config.ts';
  const route = (exportName: string) =>
    `defineRoute('GET', '/todos', '/controllers/todo::${exportName}');\ndefineQueue('jobs', { job: '/controllers/todo::onJob' });\n`;

  it('follow an edit of the config and reuse what did not change', () => {
    const files = { [controller]: 'export function* listTodos() {}\nexport function* getTodo() {}\n', [config]: route('listTodos') };
    const before = programOf(files);
    expect([...runtimeReferences(ts, before).routes]).toEqual(['/app/src/controllers/todo::listTodos']);
    const after = programOf({ ...files, [config]: route('getTodo') }, before);
    expect(after.getSourceFile(controller)).toBe(before.getSourceFile(controller));
    expect([...runtimeReferences(ts, after).routes]).toEqual(['/app/src/controllers/todo::getTodo']);
    expect([...runtimeReferences(ts, after).all].sort()).toEqual([
      '/app/src/controllers/todo::getTodo',
      '/app/src/controllers/todo::onJob',
    ]);
  });

  it('are read from a config that names its stories only in the object form', () => {
    const files = {
      [controller]: 'export function* listTodos() {}\n',
      [config]: "defineRoute('GET', '/todos', { basePath: __dirname, relativePath: 'controllers/todo', functionName: 'listTodos' });\n",
    };
    expect([...runtimeReferences(ts, programOf(files)).routes]).toEqual(['/app/src/controllers/todo::listTodos']);
  });

  it("are the last program's answer after an edit that names nothing new, and read again after one that does", () => {
    const files = { [controller]: 'export function* listTodos() {}\n', [config]: route('listTodos') };
    const before = programOf(files);
    const references = runtimeReferences(ts, before);
    // A story edited: the files that changed name what they named before.
    const edited = programOf({ ...files, [controller]: 'export function* listTodos() {\n  yield 1;\n}\n' }, before);
    expect(edited.getSourceFile(controller)).not.toBe(before.getSourceFile(controller));
    expect(runtimeReferences(ts, edited)).toBe(references);
    // The config edited to name the same routes: still the same answer.
    const rewritten = programOf({ ...files, [config]: `// routes\n${route('listTodos')}` }, edited);
    expect(runtimeReferences(ts, rewritten)).toBe(references);
    // A route added: read again.
    const added = programOf(
      { ...files, [config]: `${route('listTodos')}defineRoute('GET', '/one', '/controllers/todo::getTodo');\n` },
      rewritten,
    );
    expect([...runtimeReferences(ts, added).routes]).toEqual([
      '/app/src/controllers/todo::listTodos',
      '/app/src/controllers/todo::getTodo',
    ]);
  });
});

describe('valid-runtime-reference in tests', () => {
  it('leaves stand-in paths in test files alone unless the testFiles option includes them', () => {
    const contract = allContracts.find((c) => c.meta.id === 'valid-runtime-reference')!;
    const text = "defineRoute('GET', '/todos', '/controllers/nowhere::listTodos');";
    const findingsIn = (fileName: string, options?: Record<string, unknown>) => {
      const sourceFile = parse(text, fileName);
      return runContract(contract, { ts, sourceFile, checker: undefined }, options, (_, e) => {
        throw e;
      }).map((f) => `${f.messageId}@${place(sourceFile, f.start)}`);
    };
    expect(findingsIn('/project/src/qpq.config.test.ts')).toEqual([]);
    expect(findingsIn('/project/src/__tests__/qpq.config.ts')).toEqual([]);
    expect(findingsIn('/project/src/qpq.config.test.ts', { testFiles: true })).toEqual(['moduleNotFound@1:30']);
    expect(findingsIn('/project/src/qpq.config.ts')).toEqual(['moduleNotFound@1:30']);
  });
});

describe('dedent, for example code', () => {
  it('drops the first line break, the shared indentation and the closing indentation', () => {
    expect(dedent`
      function* story() {
        yield* askDateNow();
      }
    `).toBe('function* story() {\n  yield* askDateNow();\n}');
  });

  it('keeps a final line break written as an empty line, blank lines inside, and escaped template syntax', () => {
    expect(dedent`
      const s = \`at \${now}\`;

      const path = 'a\\b';

    `).toBe("const s = `at ${now}`;\n\nconst path = 'a\\b';\n");
  });
});
