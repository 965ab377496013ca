import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { allContracts, applyEdits, compareImportNames, compareModules, importRank, QPQ_IMPORT_GROUPS, runContract } from '../src';

const importOrder = allContracts.find((c) => c.meta.id === 'import-order')!;

/** The module blocks qpq/import-order's fix writes for imports of `modules` in the given order. */
function sortedByContract(modules: string[]): string[][] {
  const text = `${modules.map((m, i) => `import { n${i} } from '${m}';`).join('\n')}\n\nexport const used = [${modules.map((_, i) => `n${i}`).join(', ')}];\n`;
  const sourceFile = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true);
  const findings = runContract(importOrder, { ts, sourceFile, checker: undefined }, undefined, (_, error) => {
    throw error;
  });
  const fixed = findings.length === 0 ? text : applyEdits(text, findings[0].fix!.edits);
  const block = fixed.slice(0, fixed.indexOf('\n\nexport const used'));
  return block.split('\n\n').map((group) => group.split('\n').map((line) => /from '(.*)';$/.exec(line)![1]));
}

/** The same modules placed one by one with the engine's rank and comparison. */
function sortedByRank(modules: string[]): string[][] {
  const ranked = modules.map((module) => ({ module, rank: importRank(module, QPQ_IMPORT_GROUPS) }));
  ranked.sort((a, b) => a.rank.group - b.rank.group || a.rank.pattern - b.rank.pattern || compareModules(a.module, b.module));
  const groups: string[][] = [];
  let last = -1;
  for (const { module, rank } of ranked) {
    if (rank.group !== last) groups.push([]);
    groups[groups.length - 1].push(module);
    last = rank.group;
  }
  return groups;
}

describe('the import order for tools that place one import', () => {
  it("ranks and compares modules the way qpq/import-order's fix sorts them", () => {
    const modules = [
      './todoLogic',
      'zod',
      '@quidproquo/core',
      'quidproquo-webserver',
      'quidproquo-core',
      '../config',
      '../../shared/x',
      './a/deeper',
      './b',
      '.',
      '..',
      '~/alias',
      'node:path',
      '@aws-sdk/client-s3',
      'react',
      'quidproquo-config-aws',
      './askItem2',
      './askItem10',
    ];
    // The house order, written out: quidproquo packages; packages; aliases and relative imports,
    // parents before siblings, deeper first, numbers by value.
    const expected = [
      ['quidproquo-config-aws', 'quidproquo-core', 'quidproquo-webserver', '@quidproquo/core'],
      ['react', 'node:path', 'zod', '@aws-sdk/client-s3'],
      ['~/alias', '../../shared/x', '../config', '..', './a/deeper', './askItem2', './askItem10', './b', './todoLogic', '.'],
    ];
    for (const order of [modules, [...modules].reverse()]) {
      expect(sortedByContract(order)).toEqual(expected);
      expect(sortedByRank(order)).toEqual(expected);
    }
  });

  it('ranks side-effect and type-only imports as simple-import-sort keys them, and unknown modules last', () => {
    expect(importRank('./polyfill', QPQ_IMPORT_GROUPS, 'side-effect')).toEqual({ group: 2, pattern: 7 });
    expect(importRank('quidproquo-core', QPQ_IMPORT_GROUPS, 'type')).toEqual({ group: 0, pattern: 0 });
    expect(importRank('#internal', QPQ_IMPORT_GROUPS)).toEqual({ group: 3, pattern: 0 });
  });

  it('compares names case-insensitively and numbers by value', () => {
    expect(['b', 'B', 'a10', 'a9', 'A'].sort(compareImportNames)).toEqual(['A', 'a9', 'a10', 'B', 'b']);
  });
});
