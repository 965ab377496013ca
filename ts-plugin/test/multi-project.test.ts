import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { writePluginTsconfig } from '../../fixtures/support/plugin-tsconfig';
import { TsServerClient } from '../../fixtures/support/tsserver-client.mjs';
import { TSSERVER_VERSIONS } from '../../fixtures/support/typescript-versions';

// One tsserver serves every tsconfig project an editor opens: the plugin starts in each of them,
// and each project keeps its own options.

const STORIES = `import { askNewGuid, AskResponse } from 'quidproquo-core';

function* touch(): AskResponse<string> {
  return yield* askNewGuid();
}

export function* askExample(): AskResponse<void> {
  askNewGuid();
  touch();
}
`;
const BARE_ASK = 8; // askNewGuid(); -- found by name and by type
const BARE_STORY = 9; // touch(); -- a story only by its type

const workspaces: string[] = [];
afterAll(() => {
  for (const dir of workspaces) fs.rmSync(dir, { recursive: true, force: true });
});

/** A monorepo-like folder with one tsconfig project per entry, each with its own plugin options. */
function workspace(projects: Record<string, Record<string, unknown>>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qpq-workspace-'));
  workspaces.push(root);
  const files: Record<string, string> = {};
  for (const [name, pluginEntry] of Object.entries(projects)) {
    const dir = path.join(root, 'packages', name);
    fs.mkdirSync(dir, { recursive: true });
    writePluginTsconfig(dir, pluginEntry);
    files[name] = path.join(dir, 'stories.ts');
    fs.writeFileSync(files[name], STORIES);
  }
  return { root, files, logFile: path.join(root, 'tsserver.log') };
}

// The lowest TypeScript of the peer range too, here only: the plugin must start on it.
const LOWEST = {
  label: `TypeScript ${require('typescript-5-0/package.json').version}`,
  tsserverPath: require.resolve('typescript-5-0/lib/tsserver.js'),
};

describe.each([...TSSERVER_VERSIONS, LOWEST])('one tsserver, several projects ($label)', ({ tsserverPath }) => {
  let server: TsServerClient | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const findings = async (command: string, file: string) =>
    ((await server!.request(command, { file, includeLinePosition: false })) as any[])
      .filter((d) => / \(qpq\/[a-z-]+\)$/.test(d.text))
      .map((d) => `${d.category}:${d.start.line}:${d.start.offset}`);

  it('starts the plugin in every project, each with its own options; the qpq/timings command comes once, with the first project that asks', async () => {
    const { root, files, logFile } = workspace({
      defaults: {},
      warnings: { rules: { 'require-yield-star': 'warning' } },
      untyped: { typeAware: false },
      suggestions: { rules: { 'qpq/require-yield-star': 'suggestion' } },
      silent: { rules: { 'require-yield-star': 'off' } },
      timed: { timings: true },
      alsoTimed: { timings: true, rules: { 'require-yield-star': 'warning' } },
    });
    server = new TsServerClient({ tsserverPath, cwd: root, logFile });
    for (const name of ['defaults', 'warnings', 'untyped', 'suggestions', 'silent']) await server.open(files[name]);

    expect(await findings('semanticDiagnosticsSync', files.defaults)).toEqual([`error:${BARE_ASK}:3`, `error:${BARE_STORY}:3`]);
    expect(await findings('semanticDiagnosticsSync', files.warnings)).toEqual([`warning:${BARE_ASK}:3`, `warning:${BARE_STORY}:3`]);
    expect(await findings('semanticDiagnosticsSync', files.untyped)).toEqual([`error:${BARE_ASK}:3`]);
    expect(await findings('semanticDiagnosticsSync', files.suggestions)).toEqual([]);
    expect(await findings('suggestionDiagnosticsSync', files.suggestions)).toEqual([
      `suggestion:${BARE_ASK}:3`,
      `suggestion:${BARE_STORY}:3`,
    ]);
    expect(await findings('semanticDiagnosticsSync', files.silent)).toEqual([]);
    // No project asked for timings yet: tsserver does not know the command.
    await expect(server.request('qpq/timings', {})).rejects.toThrow(/qpq\/timings/);

    await server.open(files.timed);
    await server.open(files.alsoTimed);
    expect(await findings('semanticDiagnosticsSync', files.alsoTimed)).toEqual([`warning:${BARE_ASK}:3`, `warning:${BARE_STORY}:3`]);
    const timings = await server.request('qpq/timings', {});
    // Times are not asserted, only that they are there: no quick info was asked for.
    expect(timings).toEqual({ diagnosticsMs: expect.any(Number), quickInfoMs: 0 });

    const log = fs.readFileSync(logFile, 'utf8');
    expect(log).not.toContain('Plugin activation failed');
    expect(log).not.toContain('ignored parts of the plugin options');
    expect(log.split('\n').filter((l) => l.includes('[qpq-ts-plugin] loaded with'))).toHaveLength(7);
  });
});
