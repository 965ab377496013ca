import * as path from 'node:path';
import * as ts from 'typescript';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import { noOutdatedApi } from '../src/contracts/no-outdated-api';
import { dedent } from '../src/engine/dedent';
import { findingsOf, findingText } from './finding-text';
import { projectTree, removeProjectTrees, writeProjectFile } from './project-tree';

afterAll(removeProjectTrees);

const STORY = dedent`
  import { decodeJWT } from 'quidproquo-webserver';

  export const claims = decodeJWT<{ sub: string }>('token');
`;

const installed = (version: string) => ({ name: 'quidproquo-webserver', version });

/** The findings on the file in a new program (as after an edit): message id, line:column, the installed version named. */
function findingsIn(file: string): string[] {
  const program = ts.createProgram([file], { noEmit: true, types: [] });
  const sourceFile = program.getSourceFile(file)!;
  const target = { ts, sourceFile, checker: program.getTypeChecker(), program };
  return findingsOf(noOutdatedApi, target).map((f) => `${findingText(sourceFile, f)} ${f.data.installed}`);
}

describe('no-outdated-api', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps the installed version while programs follow each other within a second, and reads the disk again after a pause', () => {
    let now = 1_000_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const root = projectTree({
      'package.json': { dependencies: { 'quidproquo-webserver': '0.0.9' } },
      'node_modules/quidproquo-webserver/package.json': installed('0.0.9'),
      'src/claims.ts': STORY,
    });
    const file = path.join(root, 'src', 'claims.ts');

    // Before the release that renamed `decodeJWT`: nothing to report.
    expect(findingsIn(file)).toEqual([]);
    writeProjectFile(root, 'node_modules/quidproquo-webserver/package.json', installed('0.1.16'));
    now += 900;
    // A new program 0.9 s later (a keystroke): the answer read before.
    expect(findingsIn(file)).toEqual([]);
    now += 900;
    // Another 0.9 s after that one: still within a second of the last program.
    expect(findingsIn(file)).toEqual([]);
    now += 1001;
    // After a pause of a second: the disk again, and the upgrade.
    expect(findingsIn(file)).toEqual(['migrate 1:10 0.1.16']);
  });

  it("with types, follows a name a project module re-exports from the framework, as the rule's page says", () => {
    const root = projectTree({
      'src/helpers.ts': "export { defineEnvironmentSettings } from 'quidproquo-core';\n",
      'src/config.ts':
        "import { defineEnvironmentSettings } from './helpers';\n\nexport const env = defineEnvironmentSettings('prod', []);\n",
    });
    const file = path.join(root, 'src', 'config.ts');
    const program = ts.createProgram([file], { noEmit: true, types: [] });
    const sourceFile = program.getSourceFile(file)!;
    const options = { frameworkVersion: '0.1.0' };

    const typed = findingsOf(noOutdatedApi, { ts, sourceFile, checker: program.getTypeChecker(), program }, options);
    const untyped = findingsOf(noOutdatedApi, { ts, sourceFile, checker: undefined }, options);

    expect(typed.map((f) => `${findingText(sourceFile, f)} ${f.data.id}`)).toEqual(['migrate 3:20 bc-137']);
    // Without types a relative import says nothing about the framework.
    expect(untyped).toEqual([]);
  });
});
