import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allContracts, runContract } from 'qpq-contracts';
import { ts } from 'ts-morph';
import { afterAll, describe, expect, it } from 'vitest';

import { REFERENCE_RUNTIME_FILES, REFERENCE_RUNTIME_VERSION } from '../../fixtures/support/reference-runtime';
import { unifiedDiff } from '../src/lib/diff';
import { applyEdits, arrayList, removeListElements } from '../src/lib/edits';
import { addNamedImport, importBlock } from '../src/lib/imports';
import { parseJson } from '../src/lib/json';
import { qpqPackageOf, scopedName } from '../src/lib/packages';
import { firstParseError } from '../src/lib/parse-errors';
import { findRuntimeSource, runtimeFiles } from '../src/lib/runtime-source';
import { decodeText, detectEol } from '../src/lib/text-file';
import { compareVersions } from '../src/lib/versions';
import { allTransforms } from '../src/transforms';
import { REPO_ROOT, tempDir } from './support/harness';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A small seeded generator (mulberry32), so the generated cases are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('unified diff', () => {
  it('prints the git format, with /dev/null for new and removed files and the no-newline marker', () => {
    expect(unifiedDiff('a.ts', 'one\ntwo\nthree\n', 'one\n2\nthree\n')).toBe(
      '--- a/a.ts\n+++ b/a.ts\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n',
    );
    expect(unifiedDiff('n.ts', null, 'x\n')).toBe('--- /dev/null\n+++ b/n.ts\n@@ -0,0 +1 @@\n+x\n');
    expect(unifiedDiff('n.ts', 'x\n', null)).toBe('--- a/n.ts\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n');
    expect(unifiedDiff('e.ts', 'a\nb', 'a\nc')).toBe(
      '--- a/e.ts\n+++ b/e.ts\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n',
    );
    expect(unifiedDiff('same.ts', 'a\n', 'a\n')).toBe('');
  });

  it('round-trips through git apply on generated edits (seeded)', () => {
    const next = random(20261);
    const dir = tempDir('diff');
    made.push(dir);
    for (let round = 0; round < 25; round++) {
      const lines = Array.from({ length: 5 + Math.floor(next() * 60) }, (_, i) => `line ${i} ${Math.floor(next() * 5)}`);
      const changed = [...lines];
      for (let edits = 1 + Math.floor(next() * 6); edits > 0; edits--) {
        const at = Math.floor(next() * changed.length);
        const kind = next();
        if (kind < 0.33) changed.splice(at, 1);
        else if (kind < 0.66) changed.splice(at, 0, `inserted ${round} ${edits}`);
        else changed[at] = `replaced ${round} ${edits}`;
      }
      const before = `${lines.join('\n')}\n`;
      const after = `${changed.join('\n')}\n`;
      fs.writeFileSync(path.join(dir, 'file.txt'), before);
      fs.writeFileSync(path.join(dir, 'change.patch'), unifiedDiff('file.txt', before, after));
      const applied = spawnSync('git', ['apply', 'change.patch'], { cwd: dir, encoding: 'utf8' });
      expect(applied.stderr, `round ${round}`).toBe('');
      expect(fs.readFileSync(path.join(dir, 'file.txt'), 'utf8'), `round ${round}`).toBe(after);
    }
  });
});

describe('edits', () => {
  const removing = (text: string, indices: number[]) => {
    const sourceFile = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true);
    const array = (sourceFile.statements[0] as ts.ExportAssignment).expression as ts.ArrayLiteralExpression;
    return applyEdits(text, removeListElements(sourceFile, arrayList(sourceFile, array), indices));
  };

  it('remove several list elements, on one line or one per line, with the comma before a run that ends the list', () => {
    expect(removing('export default [a, b, c];\n', [1, 2])).toBe('export default [a];\n');
    expect(removing('export default [a, b, c, d];\n', [0, 2])).toBe('export default [b, d];\n');
    expect(removing('export default [a, b, c,];\n', [0, 1, 2])).toBe('export default [];\n');
    expect(removing('export default [\n  a,\n  // about b\n  b,\n  c\n];\n', [1, 2])).toBe('export default [\n  a\n];\n');
    expect(removing('export default [\n  a,\n  b,\n  c,\n];\n', [1, 2])).toBe('export default [\n  a,\n];\n');
    expect(removing('export default [\n  a,\n  b, // b\n  c,\n];\n', [1])).toBe('export default [\n  a,\n  c,\n];\n');
  });

  it('throw when two overlap, naming the place, and apply an edit given twice once', () => {
    expect(() =>
      applyEdits(
        'ab\r\ncdef',
        [
          { start: 4, end: 6, newText: 'X' },
          { start: 5, end: 7, newText: 'Y' },
        ],
        '\r\n',
        'src/a.ts',
      ),
    ).toThrow('two edits overlap at src/a.ts:2:2, so they cannot both be made');
    expect(
      applyEdits(
        'ab',
        [
          { start: 1, end: 1, newText: '\n' },
          { start: 1, end: 1, newText: '\n' },
        ],
        '\r\n',
      ),
    ).toBe('a\r\nb');
  });

  it('give inserted text the line ends of the file', () => {
    expect(applyEdits('a\r\nb\r\n', [{ start: 3, end: 3, newText: 'x\ny\n' }], '\r\n')).toBe('a\r\nx\r\ny\r\nb\r\n');
  });

  it('tell CRLF from LF and find a byte order mark', () => {
    expect(detectEol('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(detectEol('a\nb')).toBe('\n');
    expect(decodeText(Buffer.from('\uFEFFx\r\n'))).toEqual({ text: 'x\r\n', bom: true, eol: '\r\n' });
  });
});

describe('imports the codemods add', () => {
  const importOrder = allContracts.find((c) => c.meta.id === 'import-order')!;
  const adding = (text: string, module: string, specifier: string, fileName = 'x.ts') => {
    const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
    return applyEdits(text, addNamedImport(sourceFile, module, specifier));
  };
  const findings = (text: string) =>
    runContract(
      importOrder as never,
      { ts: ts as never, sourceFile: ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true) as never, checker: undefined },
      undefined,
      (_, error) => {
        throw error;
      },
    );

  const FILE =
    "import { askDateNow } from 'quidproquo-core';\n\nimport { z } from 'zod';\n\nimport { config } from '../config';\nimport { b } from './b';\n\nexport const x = [askDateNow, z, config, b];\n";

  it('go where qpq/import-order puts them: in their group in its order, or a group of their own', () => {
    expect(findings(FILE)).toEqual([]);
    /** FILE with one exact replacement, checked to apply. */
    const edited = (from: string, to: string) => {
      expect(FILE, from).toContain(from);
      return FILE.replace(from, to);
    };
    const cases: Array<[string, string, string]> = [
      [
        'quidproquo-webserver',
        'toJsonEventResponse',
        edited(
          "import { askDateNow } from 'quidproquo-core';\n",
          "import { askDateNow } from 'quidproquo-core';\nimport { toJsonEventResponse } from 'quidproquo-webserver';\n",
        ),
      ],
      // A deeper relative module comes before the shallower ones of its folder.
      ['./a/deep', 'deep', edited("import { b } from './b';\n", "import { deep } from './a/deep';\nimport { b } from './b';\n")],
      ['./c', 'c as cee', edited("import { b } from './b';\n", "import { b } from './b';\nimport { c as cee } from './c';\n")],
      ['quidproquo-core', 'askNewGuid', edited('{ askDateNow }', '{ askDateNow, askNewGuid }')],
    ];
    for (const [module, specifier, expected] of cases) {
      const result = adding(FILE, module, specifier);
      expect(result, module).toBe(expected);
      expect(findings(result), module).toEqual([]);
    }
    expect(adding("import { z } from 'zod';\n\nexport const x = z;\n", 'quidproquo-core', 'askDateNow')).toBe(
      "import { askDateNow } from 'quidproquo-core';\n\nimport { z } from 'zod';\n\nexport const x = z;\n",
    );
    expect(adding("import { z } from 'zod';\n\nexport const x = z;\n", './local', 'local')).toBe(
      "import { z } from 'zod';\n\nimport { local } from './local';\n\nexport const x = z;\n",
    );
    const commonJs =
      "const { defineQueue } = require('quidproquo-core');\nconst path = require('node:path');\n\nmodule.exports = [defineQueue, path];\n";
    expect(adding(commonJs, 'quidproquo-config-aws', 'defineAwsServiceAccountInfo', 'qpq.config.js')).toBe(
      "const { defineAwsServiceAccountInfo } = require('quidproquo-config-aws');\n" + commonJs,
    );
  });

  it('a new module lists its imports in the house order', () => {
    const block = importBlock(
      new Map([
        ['./b', ['b']],
        ['zod', ['z']],
        ['../up', ['up']],
        ['quidproquo-core', ['createActionRequester', 'AskResponse']],
      ]),
      "'",
    );
    expect(block).toBe(
      "import { AskResponse, createActionRequester } from 'quidproquo-core';\n\nimport { z } from 'zod';\n\nimport { up } from '../up';\nimport { b } from './b';",
    );
    expect(findings(`${block}\n\nexport const all = [AskResponse, createActionRequester, z, up, b];\n`)).toEqual([]);
  });
});

describe('parse errors', () => {
  const parse = (fileName: string, text: string) => ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);

  it('are read from the parser, the first one with its 1-based position', () => {
    expect(firstParseError(parse('ok.ts', 'export const a = 1;\n'))).toBeUndefined();
    expect(firstParseError(parse('bad.ts', 'export const a = {\n  b: 1\n  c: 2\n};\n'))).toEqual({
      line: 3,
      column: 3,
      message: "',' expected.",
    });
    // Type annotations in a JavaScript file are a program's complaint, not the parser's.
    expect(firstParseError(parse('typed.js', 'export const a: number = 1;\n'))).toBeUndefined();
  });

  it('name the place in a JSON file, and a JSON file that holds no object', () => {
    expect(parseJson('package.json', '{ "a": 1 }\n').error).toBeUndefined();
    expect(parseJson('package.json', '{\n  "a": 1\n  "b": 2\n}\n').error).toBe("3:3 ',' expected.");
    expect(parseJson('package.json', '[1]\n').error).toBe('not a JSON object');
  });
});

describe('package names', () => {
  it('map quidproquo and quidproquo-* to the @quidproquo scope, subpaths kept, others untouched', () => {
    expect(scopedName('quidproquo-core')).toBe('@quidproquo/core');
    expect(scopedName('quidproquo-webserver/lib/x')).toBe('@quidproquo/webserver/lib/x');
    expect(scopedName('quidproquo')).toBe('@quidproquo/quidproquo');
    expect(scopedName('quidproquo-core/*')).toBe('@quidproquo/core/*');
    expect(scopedName('quidproquojs')).toBeUndefined();
    expect(scopedName('@quidproquo/core')).toBeUndefined();
    expect(qpqPackageOf('@quidproquo/config-aws/x')).toBe('quidproquo-config-aws');
  });

  it('compare versions numerically', () => {
    expect(Math.sign(compareVersions('0.1.14', '0.1.9'))).toBe(1);
    expect(Math.sign(compareVersions('0.0.250', '0.1.14'))).toBe(-1);
    expect(compareVersions('0.1.14', '0.1.14')).toBe(0);
  });
});

describe('the registry', () => {
  it('lists migrations before opt-in transforms, each after the transforms it runs after', () => {
    const names = allTransforms.map((t) => t.name);
    const firstOptIn = allTransforms.findIndex((t) => !t.migration);
    expect(allTransforms.slice(firstOptIn).every((t) => !t.migration)).toBe(true);
    for (const transform of allTransforms) {
      for (const before of transform.runsAfter ?? [])
        expect(names.indexOf(before), `${transform.name} after ${before}`).toBeLessThan(names.indexOf(transform.name));
    }
  });

  it('finds the reference runtime sources the codemod bundles: the three entry points and what they import', () => {
    const source = findRuntimeSource();
    expect(source).toEqual({
      dir: path.join(REPO_ROOT, 'runtime', 'src'),
      packageName: 'qpq-reference-runtime',
      version: REFERENCE_RUNTIME_VERSION,
    });
    expect(runtimeFiles(source!, ['core/index.ts', 'webserver/index.ts', 'config-aws/index.ts'])).toEqual(REFERENCE_RUNTIME_FILES);
  });
});
