import { Linter } from 'eslint';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import simpleImportSort12 from 'eslint-plugin-simple-import-sort-12';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { QPQ_IMPORT_GROUPS } from 'qpq-contracts';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as tsParser from '@typescript-eslint/parser';

import { FIXTURES_DIR, sourceFilesUnder } from '../../fixtures/support/paths';
import plugin from '../src/index';

const linter = new Linter({ configType: 'flat' });
// Unused-directive reporting is off: it would treat the two plugins' rule names differently.
const base = {
  files: ['**/*.ts'],
  languageOptions: { parser: tsParser },
  linterOptions: { reportUnusedDisableDirectives: 'off' as const },
};
const simpleImportSortWith = (version: typeof simpleImportSort): Linter.Config[] => [
  {
    ...base,
    plugins: { 'simple-import-sort': version },
    rules: { 'simple-import-sort/imports': ['error', { groups: QPQ_IMPORT_GROUPS }], 'simple-import-sort/exports': 'error' },
  },
];
const qpqWith = (options: Record<string, unknown>): Linter.Config[] => [
  { ...base, plugins: { qpq: plugin }, rules: { 'qpq/import-order': ['error', options] } },
];

/**
 * The rule's default is the order of simple-import-sort 12 (the framework's own config pins it);
 * `orderByImportStyle` is the order of 13 and later (here 14).
 */
const PAIRS = [
  {
    name: 'simple-import-sort 12, default options',
    simpleImportSortConfig: simpleImportSortWith(simpleImportSort12),
    qpqConfig: qpqWith({}),
  },
  {
    name: 'simple-import-sort 14, orderByImportStyle',
    simpleImportSortConfig: simpleImportSortWith(simpleImportSort),
    qpqConfig: qpqWith({ orderByImportStyle: true }),
  },
];

const fixWith = (config: Linter.Config[], text: string) => linter.verifyAndFix(text, config, { filename: 'file.ts' }).output;

/** A small seeded generator: the shuffles are the same on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function shuffled<T>(items: T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** The file with its first block of imports in another order, other blank lines, and names in braces shuffled. */
function shuffleImportBlock(text: string, seed: number): string {
  const sourceFile = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true);
  const imports: ts.ImportDeclaration[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) imports.push(statement);
    else if (imports.length > 0) break;
  }
  if (imports.length === 0) return text;
  const next = seeded(seed);
  const pieces = imports.map((node) => {
    let piece = text.slice(node.getStart(sourceFile), node.end);
    const bindings = node.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings) && bindings.elements.length > 1) {
      const names = shuffled(
        bindings.elements.map((e) => e.getText(sourceFile)),
        next,
      );
      piece = piece.replace(/\{[^}]*\}/, `{ ${names.join(', ')} }`);
    }
    return piece;
  });
  const block = shuffled(pieces, next)
    .map((piece, i) => (i === 0 ? piece : (next() < 0.3 ? '\n\n' : '\n') + piece))
    .join('');
  return text.slice(0, imports[0].getStart(sourceFile)) + block + text.slice(imports[imports.length - 1].end);
}

function fixtureFiles(): string[] {
  return sourceFilesUnder(FIXTURES_DIR).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
}

const TRICKY: Record<string, string> = {
  'comments above, beside and inside': [
    '// file header stays',
    '',
    "import b from 'b'; // about b",
    '/* about a */',
    "import a from 'a';",
    '',
    "import { x } from './x'; /* one */ // two",
    "import { askDateNow } from 'quidproquo-core';",
    '',
    'askDateNow();',
    '',
  ].join('\n'),
  'type imports, side effects, namespaces and defaults': [
    "import './polyfill';",
    "import type { Todo } from './types';",
    "import { todo } from './types';",
    "import * as path from 'node:path';",
    "import fs, { readFileSync } from 'node:fs';",
    "import 'reflect-metadata';",
    "import type { AskResponse } from 'quidproquo-core';",
    "import { askNewGuid } from 'quidproquo-core';",
    '',
  ].join('\n'),
  'parents before siblings, aliases and scoped packages': [
    "import { a } from './a';",
    "import { up } from '..';",
    "import { upTwo } from '../../deep';",
    "import { upOne } from '../shallow';",
    "import { here } from '.';",
    "import { alias } from '~/alias';",
    "import { fixture } from 'fixtures/one';",
    "import { core } from '@quidproquo/core';",
    "import { other } from '@other/pkg';",
    "import { q } from 'quidproquo';",
    "import React from 'react';",
    "import { web } from 'quidproquo-webserver';",
    "import { n10 } from './n10';",
    "import { n9 } from './n9';",
    '',
  ].join('\n'),
  'export blocks, split by a comment line': [
    "export * from './b';",
    "export { a } from './a';",
    '// the next block',
    "export * from './d';",
    "export * as c from './c';",
    '',
  ].join('\n'),
  'export names out of order, modules in order': [
    "export { b, a } from './a';",
    "export * from './b';",
    "export type { Z, Y } from './c';",
    '',
  ].join('\n'),
  'a barrel in order but for its last line': [
    "export * from './a';",
    "export * from './b';",
    "export * from './d'; // d",
    "export * from './c';",
    '',
  ].join('\n'),
  'names in braces, aliased and typed, over several lines': [
    'import {',
    '  zebra,',
    '  type Apple,',
    '  mango as banana,',
    "} from 'fruit';",
    "import { c, B, a } from 'letters';",
    '',
  ].join('\n'),
  'comments among the names in braces': [
    'import {',
    '  zeta, // about zeta',
    '  /* about beta */ beta,',
    '  // about alpha',
    '  alpha,',
    "} from 'greek';",
    "import { d, /* c */ c, b } from 'letters';",
    '',
  ].join('\n'),
  // In order in every other way: only the blank line and the comment's spacing change.
  'a blank line among names in order': "import {\n  a,\n\n  b,\n} from 'x';\nimport { c, /* about d */ d } from 'y';\n",
  'a blank line among exported names in order': "export {\n  a,\n\n  b,\n} from './x';\nexport * from './y';\n",
  'CRLF line endings': "import b from 'b';\r\nimport a from 'a';\r\n\r\nexport const x = a + b;\r\n",
  'imports inside a module declaration': "declare module 'm' {\n  import b from 'b';\n  import a from 'a';\n}\n",
  'imports inside a module declaration with comments among its words':
    "declare module /* augments */ 'm' // the package\n{\n  import b from 'b';\n  import a from 'a';\n}\n",
  'imports inside a global declaration': "export {};\ndeclare global {\n  import b from 'b';\n  import a from 'a';\n}\n",
  'imports inside a namespace inside a module declaration':
    "declare module 'm' {\n  namespace Inner {\n    import b from 'b';\n    import a from 'a';\n  }\n}\n",
  'imports inside a dotted namespace': "declare namespace Api /* v1 */ . V1 {\n  import b from 'b';\n  import a from 'a';\n}\n",
  'one module imported in several styles': [
    "import { readFileSync } from 'node:fs';",
    "import fs from 'node:fs';",
    "import * as path from 'node:path';",
    "import { join } from 'node:path';",
    "import { z } from 'zod';",
    "import * as zod from 'zod';",
    "import type { Todo } from './todo';",
    "import { todo } from './todo';",
    '',
  ].join('\n'),
};

describe.each(PAIRS)(
  'qpq/import-order produces exactly what simple-import-sort produces with the qpq groups: $name',
  ({ simpleImportSortConfig, qpqConfig }) => {
    for (const [name, text] of Object.entries(TRICKY)) {
      it(name, () => {
        const expected = fixWith(simpleImportSortConfig, text);
        expect(expected).not.toBe(text);
        expect(fixWith(qpqConfig, text)).toBe(expected);
      });
    }

    const files = fixtureFiles();
    it('has fixture files to compare on', () => {
      expect(files.length).toBeGreaterThan(10);
    });

    for (const file of files) {
      const name = path.relative(path.join(__dirname, '../..'), file);
      it(`${name} and 10 shuffles of its import block`, () => {
        const original = fs.readFileSync(file, 'utf8');
        for (let seed = 0; seed <= 10; seed++) {
          const input = seed === 0 ? original : shuffleImportBlock(original, seed * 7919);
          expect({ seed, output: fixWith(qpqConfig, input) }).toEqual({ seed, output: fixWith(simpleImportSortConfig, input) });
        }
      });
    }
  },
);
