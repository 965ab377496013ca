import * as fs from 'node:fs';
import { allContracts, applyEdits, type Contract, type Fix, isFileChecked } from 'qpq-contracts';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { flakyContract } from '../../fixtures/support/flaky-contract';
import { createQpqLanguageService } from '../src/language-service';

// Each rule's released diagnostic code (ts-plugin/diagnostic-codes.json), in registry order, then the unused-directive code.
const QPQ_CODES = [
  '990001',
  '990002',
  '990003',
  '990004',
  '990007',
  '990006',
  '990005',
  '990008',
  '990010',
  '990011',
  '990012',
  '990013',
  '990014',
  '990009',
  '990000',
];

/** A real TypeScript language service over in-memory files, wrapped the way tsserver wraps it. */
function wrappedService(files: Record<string, string>, contracts: readonly Contract[] = allContracts, config: unknown = {}) {
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => Object.keys(files),
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const text = name in files ? files[name] : fs.existsSync(name) ? fs.readFileSync(name, 'utf8') : undefined;
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => '/project',
    getCompilationSettings: () => ({ strict: true, target: ts.ScriptTarget.ES2022, types: [] }),
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (name) => name in files || fs.existsSync(name),
    readFile: (name) => files[name] ?? (fs.existsSync(name) ? fs.readFileSync(name, 'utf8') : undefined),
  };
  const logged: string[] = [];
  const info = {
    languageService: ts.createLanguageService(host),
    project: { projectService: { logger: { info: (text: string) => logged.push(text) } } },
    config,
  } as unknown as ts.server.PluginCreateInfo;
  return { service: createQpqLanguageService(ts, info, contracts), logged };
}

const DECLARATION = 'declare function askDateNow(): Generator<{ type: string }, string, unknown>;\n';
const STORY = `${DECLARATION}function* story() {\n  askDateNow();\n}\n`;
const STORY_CALL_AT = STORY.indexOf('askDateNow();');

describe('createQpqLanguageService', () => {
  it("adds findings to the semantic diagnostics, after TypeScript's own", () => {
    const { service } = wrappedService({ '/project/a.ts': STORY });
    const qpq = service.getSemanticDiagnostics('/project/a.ts').filter((d) => d.source === 'qpq');
    expect(qpq.map((d) => [d.start, d.length, d.code, d.messageText])).toEqual([
      [
        STORY_CALL_AT,
        12,
        990001,
        '`askDateNow(…)` only creates a story: nothing runs until it is delegated with `yield*`. (qpq/require-yield-star)',
      ],
    ]);
  });

  it('tells the rules a file TypeScript has just checked for its diagnostics, and only such a file', () => {
    const files = { '/project/a.ts': STORY, '/project/b.ts': STORY };
    const { service } = wrappedService(files);
    const fixable = STORY_CALL_AT + 1;
    service.getSemanticDiagnostics('/project/a.ts');
    service.getCodeFixesAtPosition('/project/b.ts', fixable, fixable, [990001], {}, {});
    const program = service.getProgram()!;
    const checker = program.getTypeChecker();
    expect(['/project/a.ts', '/project/b.ts'].map((name) => isFileChecked(checker, program.getSourceFile(name)!))).toEqual([true, false]);
  });

  it("keeps the editor working when a contract throws: TypeScript's diagnostics stay, the failure is logged", () => {
    const broken: Contract = {
      ...allContracts[0],
      meta: { ...allContracts[0].meta, id: 'broken' },
      check() {
        throw new Error('contract bug');
      },
    };
    const { service, logged } = wrappedService({ '/project/a.ts': `${STORY}const n: number = 'text';\n` }, [broken, allContracts[0]]);
    const diagnostics = service.getSemanticDiagnostics('/project/a.ts');
    expect(diagnostics.map((d) => d.code)).toEqual([2322, 990001]);
    expect(logged.some((line) => line.includes('qpq/broken failed on /project/a.ts') && line.includes('contract bug'))).toBe(true);
  });

  it('offers the fix for its finding, then the two that disable the rule, and passes every other request through', () => {
    const { service } = wrappedService({ '/project/a.ts': STORY });
    const fixes = service.getCodeFixesAtPosition('/project/a.ts', STORY_CALL_AT, STORY_CALL_AT + 12, [990001], {}, {});
    const lineStart = STORY_CALL_AT - 2;
    expect(fixes.map((f) => [f.fixName, f.fixId, f.description, f.changes[0].textChanges])).toEqual([
      [
        'qpq/require-yield-star',
        'qpq/require-yield-star',
        'Delegate with `yield*`',
        [{ span: { start: STORY_CALL_AT, length: 0 }, newText: 'yield* ' }],
      ],
      [
        'qpq-disable-for-line',
        undefined,
        'Disable qpq/require-yield-star for this line',
        [{ span: { start: lineStart, length: 0 }, newText: '  // eslint-disable-next-line qpq/require-yield-star\n' }],
      ],
      [
        'qpq-disable-for-file',
        undefined,
        'Disable qpq/require-yield-star for this file',
        [{ span: { start: 0, length: 0 }, newText: '/* eslint-disable qpq/require-yield-star */\n' }],
      ],
    ]);
    // TypeScript's own codes, and every qpq rule's diagnostic code plus the unused-directive code.
    expect(service.getSupportedCodeFixes().filter((code) => code.startsWith('9900'))).toEqual(QPQ_CODES);
    expect(service.getQuickInfoAtPosition('/project/a.ts', STORY_CALL_AT)?.kind).toBe('function');
  });

  it('leaves the files of a bundled runtime alone: they start with the header bundle-runtime writes', () => {
    const header =
      '// qpq-reference-runtime 0.1.0, written by `qpq-codemod bundle-runtime`: re-run it to update; edits here are overwritten.\n';
    const { service } = wrappedService({ '/project/a.ts': STORY, '/project/qpq-runtime/b.ts': header + STORY });
    expect(service.getSemanticDiagnostics('/project/a.ts').filter((d) => d.source === 'qpq')).toHaveLength(1);
    expect(service.getSemanticDiagnostics('/project/qpq-runtime/b.ts').filter((d) => d.source === 'qpq')).toEqual([]);
  });

  it('judges disable directives by how the rule ran with the current options: a failure under other options does not stick', () => {
    const requireYieldStar = allContracts.find((c) => c.meta.id === 'require-yield-star')!;
    const flaky = flakyContract(requireYieldStar);
    const text = [
      DECLARATION,
      'function* story() {\n',
      '  // eslint-disable-next-line qpq/flaky\n',
      '  askDateNow();\n',
      '  // eslint-disable-next-line qpq/flaky\n',
      '  yield* askDateNow();\n',
      '}\n',
    ].join('');
    const broken = { rules: { flaky: ['warning', { combinators: ['explode'] }] } };
    const working = { rules: { flaky: ['warning', { combinators: ['harmless'] }] } };
    const { service, logged } = wrappedService({ '/project/a.ts': text }, [flaky], broken);
    const qpqDiagnostics = () =>
      [...service.getSemanticDiagnostics('/project/a.ts'), ...service.getSuggestionDiagnostics('/project/a.ts')]
        .filter((d) => d.source === 'qpq')
        .map((d) => [d.code, text.slice(d.start, d.start! + d.length!), d.messageText]);
    const unusedSecondDirective = [
      990000,
      'qpq/flaky',
      'Unused eslint-disable directive: qpq/flaky reports nothing where this directive applies.',
    ];
    const secondDirectiveAt = text.lastIndexOf('qpq/flaky');
    const removalFixes = () =>
      service.getCodeFixesAtPosition('/project/a.ts', secondDirectiveAt, secondDirectiveAt + 9, [990000], {}, {}).map((fix) => fix.fixName);

    // Failing, the rule saw nothing: its directives are not judged.
    expect(qpqDiagnostics()).toEqual([]);
    expect(removalFixes()).toEqual([]);
    service.updateSettings(working);
    expect(qpqDiagnostics()).toEqual([unusedSecondDirective]);
    expect(removalFixes()).toEqual(['qpq-remove-unused-directive']);
    service.updateSettings(broken);
    expect(qpqDiagnostics()).toEqual([]);
    service.updateSettings(working);
    expect(qpqDiagnostics()).toEqual([unusedSecondDirective]);
    // The failure is logged once: the second time under the failing options comes from the cache.
    expect(logged.filter((line) => line.includes('failed on')).map((line) => line.split('\n')[0])).toEqual([
      '[qpq-ts-plugin] qpq/flaky failed on /project/a.ts and was skipped: Error: flaky bug',
    ]);
  });

  it('fix-all keeps the edits applyEdits keeps: overlapping deletions merge, insertions beside a deletion stay, an overlapping fix is left out', () => {
    const text = "export const letters = 'abcdefgh';\n";
    const at = text.indexOf('abcdefgh');
    const edit = (start: number, end: number, newText: string) => ({ start: at + start, end: at + end, newText });
    const fixes: Fix[] = [
      { description: 'delete bc', edits: [edit(1, 3, '')] },
      { description: 'delete cd', edits: [edit(2, 4, '')] },
      { description: 'replace c', edits: [edit(2, 3, 'X')] },
      { description: 'insert before gh', edits: [edit(6, 6, '>')] },
      { description: 'delete gh', edits: [edit(6, 8, '')] },
      { description: 'insert after gh', edits: [edit(8, 8, '|')] },
    ];
    const requireYieldStar = allContracts.find((c) => c.meta.id === 'require-yield-star')!;
    // Reports one finding for each fix above, at the start of its first edit.
    const fixing: Contract = {
      ...requireYieldStar,
      meta: { ...requireYieldStar.meta, id: 'fixing' },
      check({ report }) {
        for (const fix of fixes) report('missingYieldStar', { start: fix.edits[0].start, end: fix.edits[0].start + 1 }, {}, fix);
      },
    };
    const { service } = wrappedService({ '/project/a.ts': text }, [fixing]);
    const combined = service.getCombinedCodeFix({ type: 'file', fileName: '/project/a.ts' }, 'qpq/fixing', {}, {});
    const changes = combined.changes.flatMap((change) => change.textChanges);
    expect(changes).toEqual([
      { span: { start: at + 1, length: 3 }, newText: '' },
      { span: { start: at + 6, length: 0 }, newText: '>' },
      { span: { start: at + 6, length: 2 }, newText: '' },
      { span: { start: at + 8, length: 0 }, newText: '|' },
    ]);
    const fixed = applyEdits(
      text,
      changes.map(({ span, newText }) => ({ start: span.start, end: span.start + span.length, newText })),
    );
    expect(fixed).toBe("export const letters = 'aef>|';\n");
    // What the codemods and the ESLint comparisons make of the same edits.
    expect(
      applyEdits(
        text,
        fixes.flatMap((fix) => fix.edits),
      ),
    ).toBe(fixed);
  });
});
