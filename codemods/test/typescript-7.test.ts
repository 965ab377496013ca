import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { findRuntimeSource } from '../src/lib/runtime-source';
import { DEFAULT_TSCONFIG, REPO_ROOT, runCli, tempDir, writeFiles } from './support/harness';

// `npm install typescript` brings TypeScript 7 today, which has no JS API. The codemods and
// their type checks run on the TypeScript API qpq-codemod carries (through ts-morph), so a
// TypeScript 7 project changes nothing for them; the report says which TypeScript checked.

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('qpq-codemod in a project whose typescript is TypeScript 7', () => {
  it('migrates, type-checks the change with its own TypeScript API, and says so', () => {
    const dir = tempDir('ts7');
    made.push(dir);
    const before =
      "import { defineQueue } from 'quidproquo-core';\n\nexport default [defineQueue('orders', '../build', { 'order/placed': '/queues/orders::onPlaced' })];\n";
    writeFiles(dir, { 'tsconfig.json': DEFAULT_TSCONFIG, 'src/config.ts': before });
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules/typescript-7'), path.join(dir, 'node_modules/typescript'), 'dir');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'node_modules/typescript/package.json'), 'utf8')).version).toMatch(/^7\./);

    const result = runCli(['config-v2', '--force'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'src/config.ts'), 'utf8')).toBe(before.replace("'orders', '../build', ", "'orders', "));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the copy of TypeScript ts-morph carries, not the project's
    const ownVersion = (require('ts-morph') as typeof import('ts-morph')).ts.version;
    const runtime = findRuntimeSource()!;
    expect(result.stdout).toContain(
      `Type check of the 1 changed file against the reference runtime (${runtime.packageName} ${runtime.version}) (checked with the TypeScript ${ownVersion} API qpq-codemod carries: the project's TypeScript 7.0.2 has no JS API): no new errors.`,
    );
  });
});
