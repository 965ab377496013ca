import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { describe, expect, it, onTestFinished } from 'vitest';

import { allContracts, runContract } from '../src';
import { untypedFindings } from './finding-text';

const contract = allContracts.find((c) => c.meta.id === 'ask-prefix-generator-only')!;

describe('ask-prefix-generator-only with requireAskPrefix', () => {
  it('exempts the entry points the config names, across files, and reports the other exported stories', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qpq-ask-prefix-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.mkdirSync(path.join(dir, 'jobs'));
    const stories = path.join(dir, 'jobs', 'todoJobs.ts');
    fs.writeFileSync(
      stories,
      [
        'declare function askLoad(): Generator<{ type: string }, number, unknown>;',
        'export function* onCleanup() {',
        '  return yield* askLoad();',
        '}',
        'export function* loadEverything() {',
        '  return yield* askLoad();',
        '}',
        'function* notExported() {',
        '  return yield* askLoad();',
        '}',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'qpq.config.ts'),
      "declare function defineQueue(name: string, processors: Record<string, string>): unknown;\nexport const config = [defineQueue('cleanup', { run: '/jobs/todoJobs::onCleanup' })];\n",
    );
    const program = ts.createProgram([stories, path.join(dir, 'qpq.config.ts')], {
      strict: true,
      noEmit: true,
      types: [],
      target: ts.ScriptTarget.ES2022,
    });
    const sourceFile = program.getSourceFile(stories)!;
    const findings = runContract(
      contract,
      { ts, sourceFile, checker: program.getTypeChecker(), program },
      { requireAskPrefix: true },
      (_, e) => {
        throw e;
      },
    );
    expect(findings.map((f) => `${f.messageId}:${f.data.name}`)).toEqual(['missingPrefix:loadEverything']);
  });
});

describe('ask-prefix-generator-only, by the text of a declaration', () => {
  const findings = (text: string) => untypedFindings(contract, text);

  it('judges an ask name however its declaration is written, in a file without a generator', () => {
    // One file each: the rule looks at a file's functions only when its text declares an ask name.
    const files = [
      'const askTotal /* sums the cart */ = (prices: number[]) => prices.length;',
      'const askCount: (n: number[]) => number = (n) => n.length;',
      'const askFirst\n  = (n: number[]) => n[0];',
      "export const api = {\n  'askQuoted'() { return 1; },\n};",
      'export const api = { askArrow: () => 2 };',
      'class Service {\n  askOptional?() { return 3; }\n}',
      'class Service {\n  askGeneric<T>(value: T) { return value; }\n}',
      'function askPlain() { return 4; }',
      'declare const store: { askLater?: () => number };\nstore.askLater = () => 5;',
    ];
    expect(files.map(findings)).toEqual([
      ['notGenerator 1:7'],
      ['notGenerator 1:7'],
      ['notGenerator 1:7'],
      ['notGenerator 2:3'],
      ['notGenerator 1:22'],
      ['notGenerator 2:3'],
      ['notGenerator 2:3'],
      ['notGenerator 1:10'],
      ['notGenerator 2:7'],
    ]);
  });

  it('reads no declaration where the text only imports or calls ask names', () => {
    expect(findings("import { askLoad, askSave } from './logic';\nexport const run = [askLoad, askSave];\n")).toEqual([]);
  });
});
