import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { describe, expect, it, onTestFinished } from 'vitest';

import { allContracts, runContract } from '../src';

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
