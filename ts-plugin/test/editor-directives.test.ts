import { ESLint } from 'eslint';
import qpq from 'eslint-plugin-qpq';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEdits } from 'qpq-contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { REPO_ROOT } from '../../fixtures/support/paths';
import { writePluginTsconfig } from '../../fixtures/support/plugin-tsconfig';
import { codeFixesAt, toEdits } from '../../fixtures/support/protocol-edits';
import { TsServerClient } from '../../fixtures/support/tsserver-client.mjs';
import { TSSERVER_VERSIONS } from '../../fixtures/support/typescript-versions';

// The quick fixes that write ESLint directives, and the suggestion on a directive that silences
// nothing, in a real tsserver; ESLint reads the same files and must agree.

const FINDING = `import { askNewGuid, AskResponse } from 'quidproquo-core';

export function* askExample(flag: boolean): AskResponse<void> {
  if (flag) {
    askNewGuid();
  }
}
`;

const DIRECTIVES = `// Licence header.

import { askNewGuid, AskResponse } from 'quidproquo-core';

export function* askExample(): AskResponse<number> {
  // eslint-disable-next-line qpq/require-yield-star
  const id = yield* askNewGuid();
  // eslint-disable-next-line no-console, qpq/pure-stories, qpq/require-yield-star
  const started = Date.now();
  // eslint-disable-next-line no-console
  askNewGuid(); // eslint-disable-line qpq/require-yield-star
  return id.length + started;
}
`;

const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qpq-directives-'));
writePluginTsconfig(projectDir);
afterAll(() => fs.rmSync(projectDir, { recursive: true, force: true }));

/** ESLint's qpq findings and its reports of unused qpq directives, as `rule-or-message:line:column`. */
async function eslintSays(text: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: projectDir,
    overrideConfigFile: true,
    overrideConfig: [qpq.configs.recommended, { linterOptions: { reportUnusedDisableDirectives: 'error' } }],
  });
  const [result] = await eslint.lintText(text, { filePath: path.join(projectDir, 'stories.ts') });
  return result.messages
    .filter((m) => (m.ruleId ?? m.message).includes('qpq/'))
    .map((m) => `${m.ruleId ?? m.message}:${m.line}:${m.column}`);
}

describe.each(TSSERVER_VERSIONS)('ESLint directives in a real tsserver ($label)', ({ tsserverPath }) => {
  let server: TsServerClient;
  const file = path.join(projectDir, 'stories.ts');
  beforeAll(async () => {
    fs.writeFileSync(file, FINDING);
    server = new TsServerClient({ tsserverPath, cwd: REPO_ROOT });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function show(text: string) {
    await server.request('updateOpen', { changedFiles: [], openFiles: [], closedFiles: [file] });
    await server.open(file, text);
  }

  const qpqDiagnostics = async (command: string) =>
    ((await server.request(command, { file, includeLinePosition: false })) as any[]).filter(
      (d) => d.source === 'qpq' || /qpq\//.test(d.text),
    );

  it('every finding gets "Disable <rule> for this line" and "... for this file", and ESLint honours what they write', async () => {
    await show(FINDING);
    const [diagnostic] = await qpqDiagnostics('semanticDiagnosticsSync');
    expect([diagnostic.start, diagnostic.code]).toEqual([{ line: 5, offset: 5 }, 990001]);
    const fixes = await codeFixesAt(server, file, diagnostic, diagnostic.code);
    expect(fixes.map((f) => [f.fixName, f.description, f.fixId, f.changes.map((c) => [c.fileName, c.textChanges])])).toEqual([
      [
        'qpq/require-yield-star',
        'Delegate with `yield*`',
        'qpq/require-yield-star',
        [[file, [{ start: { line: 5, offset: 5 }, end: { line: 5, offset: 5 }, newText: 'yield* ' }]]],
      ],
      [
        'qpq-disable-for-line',
        'Disable qpq/require-yield-star for this line',
        undefined,
        [
          [
            file,
            [
              {
                start: { line: 5, offset: 1 },
                end: { line: 5, offset: 1 },
                newText: '    // eslint-disable-next-line qpq/require-yield-star\n',
              },
            ],
          ],
        ],
      ],
      [
        'qpq-disable-for-file',
        'Disable qpq/require-yield-star for this file',
        undefined,
        [
          [
            file,
            [{ start: { line: 1, offset: 1 }, end: { line: 1, offset: 1 }, newText: '/* eslint-disable qpq/require-yield-star */\n' }],
          ],
        ],
      ],
    ]);
    expect(await eslintSays(FINDING)).toEqual(['qpq/require-yield-star:5:5']);

    for (const fix of fixes.slice(1)) {
      const fixed = applyEdits(FINDING, toEdits(FINDING, fix.changes[0].textChanges));
      await show(fixed);
      expect({
        fix: fix.fixName,
        semantic: await qpqDiagnostics('semanticDiagnosticsSync'),
        suggestion: await qpqDiagnostics('suggestionDiagnosticsSync'),
      }).toEqual({
        fix: fix.fixName,
        semantic: [],
        suggestion: [],
      });
      expect({ fix: fix.fixName, eslint: await eslintSays(fixed) }).toEqual({ fix: fix.fixName, eslint: [] });
    }
  });

  it('a directive naming a qpq rule that silences nothing is a suggestion, fixed by removing the comment or the name; other rules are left alone', async () => {
    await show(DIRECTIVES);
    const suggestions = await qpqDiagnostics('suggestionDiagnosticsSync');
    expect(
      suggestions.map(({ start, end, text, code, category, reportsUnnecessary }) => ({
        start,
        end,
        text,
        code,
        category,
        reportsUnnecessary,
      })),
    ).toEqual([
      {
        start: { line: 6, offset: 31 },
        end: { line: 6, offset: 53 },
        text: 'Unused eslint-disable directive: qpq/require-yield-star reports nothing where this directive applies.',
        code: 990000,
        category: 'suggestion',
        reportsUnnecessary: true,
      },
      {
        start: { line: 8, offset: 61 },
        end: { line: 8, offset: 83 },
        text: 'Unused eslint-disable directive: qpq/require-yield-star reports nothing where this directive applies.',
        code: 990000,
        category: 'suggestion',
        reportsUnnecessary: true,
      },
    ]);
    expect(await qpqDiagnostics('semanticDiagnosticsSync')).toEqual([]);
    // ESLint, asked to report unused directives, names the same two.
    expect(await eslintSays(DIRECTIVES)).toEqual([
      "Unused eslint-disable directive (no problems were reported from 'qpq/require-yield-star').:6:3",
      "Unused eslint-disable directive (no problems were reported from 'qpq/require-yield-star').:8:3",
    ]);

    const fixesAt = (diagnostic: (typeof suggestions)[number]) => codeFixesAt(server, file, diagnostic, 990000);
    const [whole] = await fixesAt(suggestions[0]);
    const [name] = await fixesAt(suggestions[1]);
    expect([whole, name].map((f) => [f.fixName, f.description, f.changes[0].textChanges])).toEqual([
      [
        'qpq-remove-unused-directive',
        'Remove the unused eslint-disable directive for qpq/require-yield-star',
        [{ start: { line: 6, offset: 1 }, end: { line: 7, offset: 1 }, newText: '' }],
      ],
      [
        'qpq-remove-unused-directive',
        'Remove qpq/require-yield-star from the eslint-disable directive',
        [{ start: { line: 8, offset: 31 }, end: { line: 8, offset: 83 }, newText: 'no-console, qpq/pure-stories' }],
      ],
    ]);
    let text = DIRECTIVES;
    for (const fix of [name, whole]) text = applyEdits(text, toEdits(text, fix.changes[0].textChanges));
    expect(text).toBe(
      DIRECTIVES.replace('  // eslint-disable-next-line qpq/require-yield-star\n', '').replace(
        'no-console, qpq/pure-stories, qpq/require-yield-star',
        'no-console, qpq/pure-stories',
      ),
    );
    await show(text);
    expect(await qpqDiagnostics('suggestionDiagnosticsSync')).toEqual([]);
    expect(await qpqDiagnostics('semanticDiagnosticsSync')).toEqual([]);
    expect(await eslintSays(text)).toEqual([]);
  });
});
