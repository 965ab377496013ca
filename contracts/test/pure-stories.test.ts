import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { describe, expect, it, onTestFinished } from 'vitest';

import { allContracts, runContract } from '../src';

const contract = allContracts.find((c) => c.meta.id === 'pure-stories')!;
const NODE_TYPES = path.join(__dirname, '../../node_modules/@types');

describe('pure-stories with type information', () => {
  it('finds Node built-ins through a wrapper module, which imports alone cannot show', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qpq-pure-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dir, 'files.ts'), "export { readFileSync as readText } from 'node:fs';\n");
    const story = path.join(dir, 'story.ts');
    fs.writeFileSync(
      story,
      [
        "import { readText } from './files';",
        '',
        'export function* askReport(): Generator<{ type: string }, string, unknown> {',
        "  return readText('data/report.txt', 'utf8');",
        '}',
        '',
        '// A generator of numbers is not a story: left alone.',
        'export function* ticks(): Generator<number, void, unknown> {',
        '  yield Date.now();',
        '}',
      ].join('\n'),
    );
    const program = ts.createProgram([story], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      types: ['node'],
      typeRoots: [NODE_TYPES],
    });
    const sourceFile = program.getSourceFile(story)!;
    const findings = runContract(contract, { ts, sourceFile, checker: program.getTypeChecker(), program }, undefined, (_, e) => {
      throw e;
    });
    expect(findings.map((f) => [f.messageId, f.data.module, sourceFile.getLineAndCharacterOfPosition(f.start).line + 1])).toEqual([
      ['nodeBuiltin', 'fs', 4],
    ]);
  });
});
