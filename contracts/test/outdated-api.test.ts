import * as fs from 'node:fs';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { FIXTURES_DIR, sourceFilesUnder } from '../../fixtures/support/paths';
import { allEntries, applyEdits, entryChanges, mayHaveEntrySites, mayHaveSites, outdatedSites, type TableEntry } from '../src/index';
import { mentionedEntries } from '../src/outdated-api/sites';

/** The site finder and edits the codemod and the lint rule share, on source text. */

const file = (text: string, name = 'case.ts') => ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
const entry = (id: string, part = 0): TableEntry => allEntries().filter((e) => e.id === id)[part];

/** What one entry's combined edits make of `text`. */
function migrate(text: string, id: string, part = 0): string {
  const { edits } = entryChanges(ts, file(text), entry(id, part));
  return applyEdits(text, edits);
}

/** The sites of the given entries, as `line:column id` and the text of each site's own fix. */
function sites(text: string, ids: string[], checker?: ts.TypeChecker, source = file(text)) {
  return outdatedSites(
    ts,
    source,
    ids.map((id) => entry(id)),
    checker,
  ).map((s) => {
    const { line, character } = source.getLineAndCharacterOfPosition(s.start);
    return { at: `${line + 1}:${character + 1} ${s.entry.id}`, fixed: s.fix ? applyEdits(text, s.fix) : undefined };
  });
}

describe('framework names are recognised by the import they come from', () => {
  it('named, aliased, namespace, require, import-equals, umbrella, scoped and deep imports', () => {
    const cases: Array<[string, string]> = [
      [
        "import { decodeJWT } from 'quidproquo-webserver';\nexport const c = decodeJWT('t');\n",
        "import { unsafeDecodeJWTPayload } from 'quidproquo-webserver';\nexport const c = unsafeDecodeJWTPayload('t');\n",
      ],
      [
        "import { decodeJWT as read } from 'quidproquo-webserver';\nexport const c = read('t');\n",
        "import { unsafeDecodeJWTPayload as read } from 'quidproquo-webserver';\nexport const c = read('t');\n",
      ],
      [
        "import * as web from 'quidproquo-webserver';\nexport const c = web.decodeJWT('t');\n",
        "import * as web from 'quidproquo-webserver';\nexport const c = web.unsafeDecodeJWTPayload('t');\n",
      ],
      [
        "const { decodeJWT } = require('quidproquo-webserver');\nexports.c = decodeJWT('t');\n",
        "const { unsafeDecodeJWTPayload } = require('quidproquo-webserver');\nexports.c = unsafeDecodeJWTPayload('t');\n",
      ],
      [
        "import web = require('quidproquo-webserver');\nexport const c = web.decodeJWT('t');\n",
        "import web = require('quidproquo-webserver');\nexport const c = web.unsafeDecodeJWTPayload('t');\n",
      ],
      [
        "import { decodeJWT } from 'quidproquo';\nexport const c = decodeJWT('t');\n",
        "import { unsafeDecodeJWTPayload } from 'quidproquo';\nexport const c = unsafeDecodeJWTPayload('t');\n",
      ],
      [
        "import { decodeJWT } from '@quidproquo/webserver';\nexport const c = decodeJWT('t');\n",
        "import { unsafeDecodeJWTPayload } from '@quidproquo/webserver';\nexport const c = unsafeDecodeJWTPayload('t');\n",
      ],
    ];
    for (const [before, after] of cases) expect(migrate(before, 'bc-145'), before).toBe(after);
  });

  it('a parameter or local of the same name shadows the import, without a checker too', () => {
    const text =
      "import { generateUUID } from 'quidproquo-webserver';\n\nexport const a = generateUUID();\nexport function b(generateUUID: () => string) {\n  return generateUUID();\n}\n";
    expect(migrate(text, 'bc-127')).toBe(
      "import { generateUuid } from 'quidproquo-core';\n\nexport const a = generateUuid();\nexport function b(generateUUID: () => string) {\n  return generateUUID();\n}\n",
    );
  });

  it('a name that moves to another package is imported from there, reusing an import the file has, never twice', () => {
    const text =
      "import { generateUuid } from 'quidproquo-core';\nimport { generateUUID } from 'quidproquo-webserver';\n\nexport const ids = [generateUUID(), generateUuid()];\n";
    expect(migrate(text, 'bc-127')).toBe(
      "import { generateUuid } from 'quidproquo-core';\n\nexport const ids = [generateUuid(), generateUuid()];\n",
    );
  });

  it("a barrel's re-export keeps the name it exported", () => {
    const text =
      "export { decodeJWT, toJsonEventResponse } from 'quidproquo-webserver';\nexport { adminUserDirectoryResourceName } from 'quidproquo-webserver';\n";
    expect(migrate(text, 'bc-145')).toBe(
      "export { unsafeDecodeJWTPayload as decodeJWT, toJsonEventResponse } from 'quidproquo-webserver';\nexport { adminUserDirectoryResourceName } from 'quidproquo-webserver';\n",
    );
    expect(migrate(text, 'bc-118')).toBe(
      "export { decodeJWT, toJsonEventResponse } from 'quidproquo-webserver';\nexport { adminUserDirectoryResourceName } from 'quidproquo-features';\n",
    );
  });

  it('with a checker, a call through a module of the project that re-exports the framework is found', () => {
    const files = new Map([
      ['/p/helpers.ts', "export { defineEnvironmentSettings } from 'quidproquo-core';\n"],
      [
        '/p/config.ts',
        "import { defineEnvironmentSettings } from './helpers';\n\nexport const env = defineEnvironmentSettings('prod', []);\n",
      ],
    ]);
    const host = ts.createCompilerHost({ noLib: true, types: [] });
    host.getSourceFile = (name, version) => (files.has(name) ? ts.createSourceFile(name, files.get(name)!, version, true) : undefined);
    host.fileExists = (name) => files.has(name);
    host.readFile = (name) => files.get(name);
    host.directoryExists = (dir) => dir === '/p' || dir === '/';
    host.realpath = (name) => name;
    host.getCurrentDirectory = () => '/p';
    const program = ts.createProgram(['/p/config.ts', '/p/helpers.ts'], { noLib: true, types: [], noResolve: false }, host);
    const config = program.getSourceFile('/p/config.ts')!;
    expect(sites(files.get('/p/config.ts')!, ['bc-137'], program.getTypeChecker(), config)).toEqual([
      {
        at: '3:20 bc-137',
        fixed: "import { defineEnvironmentSettings } from './helpers';\n\nexport const env = defineEnvironmentSettings({ prod: [] });\n",
      },
    ]);
    // Without a checker the relative import says nothing about the framework.
    expect(sites(files.get('/p/config.ts')!, ['bc-137'])).toEqual([]);
  });
});

describe('each site of the lint rule carries a fix of its own', () => {
  it('with its own import changes, so that one fix applies alone', () => {
    const text =
      "import { generateUUID } from 'quidproquo-webserver';\nimport { defineEnvironmentSettings } from 'quidproquo-core';\n\nexport const a = [generateUUID(), defineEnvironmentSettings('prod', [])];\n";
    expect(sites(text, ['bc-127', 'bc-137'])).toEqual([
      {
        at: '1:10 bc-127',
        fixed:
          "import { defineEnvironmentSettings, generateUuid } from 'quidproquo-core';\n\nexport const a = [generateUuid(), defineEnvironmentSettings('prod', [])];\n",
      },
      {
        at: '4:35 bc-137',
        fixed:
          "import { generateUUID } from 'quidproquo-webserver';\nimport { defineEnvironmentSettings } from 'quidproquo-core';\n\nexport const a = [generateUUID(), defineEnvironmentSettings({ prod: [] })];\n",
      },
    ]);
  });

  it('a class-B site has no fix', () => {
    expect(sites("import { askExtractExpense } from 'quidproquo-webserver';\n", ['bc-158'])).toEqual([
      { at: '1:10 bc-158', fixed: undefined },
    ]);
  });
});

describe('call shapes', () => {
  it('only calls that match the old shape change; spread arguments are left to a person', () => {
    const text =
      "import { defineEnvironmentSettings } from 'quidproquo-core';\n\nexport const a = defineEnvironmentSettings({ prod: [] });\nexport const b = defineEnvironmentSettings(...pair);\nexport const c = defineEnvironmentSettings('dev', []);\n";
    const { sites: found, edits } = entryChanges(ts, file(text), entry('bc-137'));
    expect(found.map((s) => [s.manual !== undefined, text.slice(s.start, s.end)])).toEqual([
      [true, 'defineEnvironmentSettings(...pair)'],
      [false, "defineEnvironmentSettings('dev', [])"],
    ]);
    expect(applyEdits(text, edits)).toContain('export const c = defineEnvironmentSettings({ dev: [] });');
  });

  it('an old default is written into the options, before a spread so that its value still wins', () => {
    const text =
      "import { defineUserDirectory } from 'quidproquo-core';\n\nexport const a = [defineUserDirectory('x', { ...base }), defineUserDirectory('y', shared), defineUserDirectory('z', {\n  phoneRequired: true,\n})];\n";
    expect(migrate(text, 'bc-144')).toBe(
      "import { defineUserDirectory } from 'quidproquo-core';\n\nexport const a = [defineUserDirectory('x', { selfSignUpEnabled: true, ...base }), defineUserDirectory('y', { selfSignUpEnabled: true, ...shared }), defineUserDirectory('z', {\n  phoneRequired: true,\n  selfSignUpEnabled: true,\n})];\n",
    );
  });
});

describe('action-type names', () => {
  it("a barrel's re-export of a removed name is left to a person, with what to re-export instead", () => {
    const text = "export { ConfigGetSecretErrorTypeEnum, askConfigGetSecret } from 'quidproquo-core';\n";
    const { sites: found, edits } = entryChanges(ts, file(text), entry('bc-2'));
    expect(edits).toEqual([]);
    expect(found.map((s) => s.manual)).toEqual([
      're-export `askConfigGetSecret` instead, and have the modules that import `ConfigGetSecretErrorTypeEnum` from here use `askConfigGetSecret.errorType`',
    ]);
  });

  it('become the factory requester and its helper types, with the type arguments filled in', () => {
    const text =
      "import { KeyValueStoreUpsertActionRequester, KeyValueStoreGetErrorTypeEnum } from 'quidproquo-core';\n\nexport type Save = KeyValueStoreUpsertActionRequester<string>;\nexport const missing = KeyValueStoreGetErrorTypeEnum.ResourceNotFound;\n";
    expect(migrate(text, 'bc-2')).toBe(
      // Get became a story over `askKeyValueStoreGetBase`: the error types hang off the factory requester.
      "import { askKeyValueStoreGetBase, AskResponse } from 'quidproquo-core';\n\nexport type Save = AskResponse<void>;\nexport const missing = askKeyValueStoreGetBase.errorType.ResourceNotFound;\n",
    );
  });
});

describe('which files an entry is looked for in', () => {
  const lintEntries = allEntries().filter((e) => e.lint === true);
  const core = "import { askRun } from 'quidproquo-core';\n";

  it('all the entries at once are the ones each finds alone, with words overlapping or one inside another', () => {
    const texts = [
      // 'defineEventDoc', a word of one entry, only at the start of 'defineEventDocRoutes', a word of another.
      `${core}export const routes = defineEventDocRoutes;\n`,
      `${core}if (part.type === 'tool-calls') askRun();\n`,
      `${core}if (part.finishReason === 'stop') askRun();\n`,
      // Two entries' words overlapping: 'defineTenantedEventDoc' and 'TenantedEventDocOptions'.
      `${core}export const options = defineTenantedEventDocOptions;\n`,
      "import { qpqWebServerUtils } from 'quidproquo-webserver';\nqpqWebServerUtils.decodeJWT(token);\n",
      "import { login } from 'quidproquo-web/lib/auth';\n",
      ...sourceFilesUnder(FIXTURES_DIR)
        .filter((file) => file.endsWith('.ts'))
        .map((file) => fs.readFileSync(file, 'utf8')),
    ].filter(mayHaveSites);
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) {
      const alone = lintEntries.filter((e) => mayHaveEntrySites(text, e)).map((e) => e.id);
      expect({ text, ids: mentionedEntries(text, lintEntries).map((e) => e.id) }).toEqual({ text, ids: alone });
    }
    expect(mentionedEntries(texts[0], lintEntries).map((e) => e.id)).toEqual(['bc-5', 'bc-6']);
  });

  it('an entry with no words to look for is looked for in every file, also where no other entry is', () => {
    // A deep path outside the framework's packages: nothing in a file's text can rule its sites out.
    const everywhere: TableEntry = {
      id: 'made-up-everywhere',
      class: 'A',
      release: '0.1.0',
      title: 'a deep path of another package',
      kind: 'rename',
      modules: [{ from: '^other-package/lib/', to: 'other-package' }],
    };
    const entries = [lintEntries[0], everywhere, lintEntries[1]];
    expect(mayHaveEntrySites(core, everywhere)).toBe(true);
    expect(mentionedEntries(core, entries)).toEqual([everywhere]);
    expect(mentionedEntries(`${core}export const routes = defineEventDocRoutes;\n`, [...entries, entry('bc-6')]).map((e) => e.id)).toEqual([
      'made-up-everywhere',
      'bc-6',
    ]);
  });

  it('a member by its own name, a deep path by its package and the slash, a string enum by its property and a string', () => {
    const webserver = "import { qpqWebServerUtils } from 'quidproquo-webserver';\n";
    expect(mayHaveEntrySites(`${webserver}qpqWebServerUtils.toJson(x);\n`, entry('bc-145'))).toBe(false);
    expect(mayHaveEntrySites(`${webserver}qpqWebServerUtils.decodeJWT(x);\n`, entry('bc-145'))).toBe(true);
    expect(mayHaveEntrySites("import { a } from 'quidproquo-webserver';\n", entry('bc-147'))).toBe(false);
    expect(mayHaveEntrySites("import { a } from 'quidproquo-web/lib/auth';\n", entry('bc-147'))).toBe(true);
    expect(mayHaveEntrySites(`${core}const reason = part.finishReason;\n`, entry('bc-89'))).toBe(false);
    expect(mayHaveEntrySites(`${core}throw new Error('stop');\n`, entry('bc-89'))).toBe(false);
    expect(mayHaveEntrySites(`${core}if (part.finishReason === 'stop') askRun();\n`, entry('bc-89'))).toBe(true);
  });

  it('still finds the sites of an entry its words select, with their fix', () => {
    const text = "import { qpqWebServerUtils } from 'quidproquo-webserver';\n\nexport const claims = qpqWebServerUtils.decodeJWT(token);\n";
    expect(sites(text, ['bc-145'])).toEqual([{ at: '3:23 bc-145', fixed: text.replace('.decodeJWT(', '.unsafeDecodeJWTPayload(') }]);
  });
});
