import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

import type { Contract } from '../src';
import { allContracts, runContract } from '../src';

const REPO_ROOT = path.join(__dirname, '..', '..');
const CONTRACTS_DIR = path.join(REPO_ROOT, 'contracts/src/contracts');
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the contract registry', () => {
  it('registers every contract file, under the id its file is named after', () => {
    const files = fs
      .readdirSync(CONTRACTS_DIR)
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
      .map((name) => name.replace(/\.ts$/, ''))
      .sort();
    expect(allContracts.map((c) => c.meta.id).sort()).toEqual(files);
  });

  it('gives every rule its own diagnostic code, the one recorded when it was released', () => {
    const codes = allContracts.map((c) => c.meta.diagnosticCode);
    expect(new Set(codes).size).toBe(codes.length);
    const released = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'ts-plugin/diagnostic-codes.json'), 'utf8'));
    for (const { meta } of allContracts)
      expect({ id: meta.id, code: released[meta.id] }).toEqual({ id: meta.id, code: meta.diagnosticCode });
  });

  it('says what each rule reads besides its file, consistently with its use of types', () => {
    const claims = allContracts.map(({ meta }) => ({
      id: meta.id,
      readsOtherFiles: meta.readsOtherFiles,
      // A syntactic rule cannot read other files' types; one that reads files names them.
      consistent: meta.typeAware || meta.readsOtherFiles !== 'with-types',
      named: meta.readsOtherFiles !== 'always' || (meta.otherFilesRead ?? '').length > 0,
    }));
    expect(claims.filter((c) => !c.consistent || !c.named)).toEqual([]);
    expect(
      claims
        .filter((c) => c.readsOtherFiles === 'always')
        .map((c) => c.id)
        .sort(),
    ).toEqual(['no-outdated-api', 'valid-runtime-reference']);
  });

  it('has a violations fixture folder for every rule, with at least one finding of that rule', () => {
    for (const { meta } of allContracts) {
      const dir = path.join(REPO_ROOT, 'fixtures/violations', meta.id);
      const texts = fs.existsSync(dir)
        ? fs
            .readdirSync(dir)
            .filter((n) => n.endsWith('.ts'))
            .map((n) => fs.readFileSync(path.join(dir, n), 'utf8'))
        : [];
      expect({ id: meta.id, findings: texts.some((t) => t.includes(`// expect: qpq/${meta.id}:`)) }).toEqual({
        id: meta.id,
        findings: true,
      });
    }
  });
});

describe('npm run new-rule', () => {
  /** A scratch copy of what the scaffold reads and writes, with the repository's packages. */
  function scratchRepository(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qpq-new-rule-'));
    scratch.push(root);
    fs.cpSync(path.join(REPO_ROOT, 'contracts/src'), path.join(root, 'contracts/src'), { recursive: true });
    fs.mkdirSync(path.join(root, 'ts-plugin'));
    fs.copyFileSync(path.join(REPO_ROOT, 'ts-plugin/diagnostic-codes.json'), path.join(root, 'ts-plugin/diagnostic-codes.json'));
    fs.mkdirSync(path.join(root, 'fixtures/violations'), { recursive: true });
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    return root;
  }

  const newRule = (root: string, ...args: string[]) =>
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/new-rule.mjs'), ...args, '--root', root], { encoding: 'utf8' });

  it('writes a contract that compiles, is registered with the next code, and whose examples and fixture hold', () => {
    const root = scratchRepository();
    const run = newRule(root, 'no-debug-story');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const nextCode = Math.max(...allContracts.map((c) => c.meta.diagnosticCode)) + 1;
    expect(run.stdout.split('\n')[0]).toBe(
      `Wrote contracts/src/contracts/no-debug-story.ts (diagnostic code ${nextCode}), fixtures/violations/no-debug-story/no-debug-story.ts and the registry line.`,
    );

    const compiled = spawnSync(
      process.execPath,
      [
        path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'),
        '--outDir',
        'out',
        '--module',
        'commonjs',
        '--target',
        'es2022',
        '--strict',
        '--skipLibCheck',
        '--types',
        'node',
        'contracts/src/index.ts',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(compiled.stdout).toBe('');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the scaffold's compiled output, known only at run time
    const scaffolded = require(path.join(root, 'out/contracts/index.js')).allContracts as Contract[];
    const contract = scaffolded.find((c) => c.meta.id === 'no-debug-story')!;
    expect(scaffolded.map((c) => c.meta.id)).toEqual([...allContracts.map((c) => c.meta.id), 'no-debug-story']);
    expect(contract.meta.diagnosticCode).toBe(nextCode);

    const findingsIn = (text: string) => {
      const sourceFile = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true);
      return runContract(contract, { ts, sourceFile, checker: undefined }, undefined, (_, error) => {
        throw error;
      }).map((f) => {
        const { line, character } = sourceFile.getLineAndCharacterOfPosition(f.start);
        return { messageId: f.messageId, line: line + 1, column: character + 1 };
      });
    };
    for (const example of contract.examples.valid) expect(findingsIn(example.code)).toEqual([]);
    for (const example of contract.examples.invalid) expect(findingsIn(example.code)).toEqual(example.findings);
    const fixture = fs.readFileSync(path.join(root, 'fixtures/violations/no-debug-story/no-debug-story.ts'), 'utf8');
    const expected = fixture
      .split('\n')
      .flatMap((line, i) =>
        line.includes('// expect: qpq/no-debug-story:10') ? [{ messageId: 'noDebugStory', line: i + 1, column: 10 }] : [],
      );
    expect(expected.length).toBe(1);
    expect(findingsIn(fixture)).toEqual(expected);
  });

  it('refuses an id that is not kebab case, or that exists', () => {
    const root = scratchRepository();
    expect(newRule(root, 'NoDebug')).toMatchObject({
      status: 2,
      stderr: 'new-rule: give the rule id in kebab case: npm run new-rule my-rule-id\n',
    });
    expect(newRule(root, 'import-order')).toMatchObject({
      status: 2,
      stderr: 'new-rule: contracts/src/contracts/import-order.ts exists already\n',
    });
  });
});
