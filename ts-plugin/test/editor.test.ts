import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allContracts } from 'qpq-contracts';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { REPO_ROOT } from '../../fixtures/support/paths';
import { writePluginTsconfig } from '../../fixtures/support/plugin-tsconfig';
import { TsServerClient } from '../../fixtures/support/tsserver-client.mjs';
import { TSSERVER_VERSIONS } from '../../fixtures/support/typescript-versions';

const STORIES = `import { askDateNow, askKeyValueStoreUpsert, askNewGuid, AskResponse } from 'quidproquo-core';

function* touch(id: string): AskResponse<string> {
  return yield* askDateNow();
}

export function* askCreate(title: string): AskResponse<string> {
  const id = yield* askNewGuid();
  yield* askKeyValueStoreUpsert('todos', { id, title });
  return id;
}

export function* askExample(): AskResponse<void> {
  askNewGuid();
  touch('x');
  yield* askCreate('milk');
}
`;
/** The 1-based line that starts with `text` (ignoring indentation), else the first containing it. */
const line = (text: string) => {
  const lines = STORIES.split('\n');
  const starting = lines.findIndex((l) => l.trim().startsWith(text));
  return (starting >= 0 ? starting : lines.findIndex((l) => l.includes(text))) + 1;
};

const projectDirs: string[] = [];
afterAll(() => {
  for (const dir of projectDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A throwaway project whose tsconfig configures the plugin with `pluginEntry`, with stories.ts and `files`. */
function project(pluginEntry: Record<string, unknown>, files: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qpq-editor-'));
  projectDirs.push(dir);
  writePluginTsconfig(dir, pluginEntry, ['core', 'webserver']);
  const file = path.join(dir, 'stories.ts');
  fs.writeFileSync(file, STORIES);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return { dir, file, logFile: path.join(dir, 'tsserver.log') };
}

describe.each(TSSERVER_VERSIONS)('editor experience in a real tsserver ($label)', ({ tsserverPath }) => {
  let server: TsServerClient | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(pluginEntry: Record<string, unknown>, files: Record<string, string> = {}) {
    const p = project(pluginEntry, files);
    server = new TsServerClient({ tsserverPath, cwd: REPO_ROOT, logFile: p.logFile });
    await server.open(p.file);
    const qpq = async (command: string) =>
      ((await server!.request(command, { file: p.file, includeLinePosition: false })) as any[])
        .filter((d) => / \(qpq\/[a-z-]+\)$/.test(d.text))
        .map((d) => `${d.category}:${d.start.line}:${d.start.offset}`);
    return { ...p, semantic: () => qpq('semanticDiagnosticsSync'), suggestion: () => qpq('suggestionDiagnosticsSync') };
  }

  it('reports with the recommended severity by default, and finds a non-ask story by its type', async () => {
    const { semantic } = await start({});
    expect(await semantic()).toEqual([`error:${line('askNewGuid();')}:3`, `error:${line("touch('x')")}:3`]);
  });

  it('takes a per-rule severity from tsconfig: warning, suggestion, off', async () => {
    const warning = await start({ rules: { 'qpq/require-yield-star': 'warning' } });
    expect(await warning.semantic()).toEqual([`warning:${line('askNewGuid();')}:3`, `warning:${line("touch('x')")}:3`]);
    await server!.close();

    const suggestion = await start({ rules: { 'require-yield-star': 'suggestion' } });
    expect(await suggestion.semantic()).toEqual([]);
    expect(await suggestion.suggestion()).toEqual([`suggestion:${line('askNewGuid();')}:3`, `suggestion:${line("touch('x')")}:3`]);
    await server!.close();

    const off = await start({ rules: { 'require-yield-star': 'off' } });
    expect(await off.semantic()).toEqual([]);
  });

  it('without type-aware analysis, falls back to the ask* naming convention', async () => {
    const { semantic } = await start({ typeAware: false });
    expect(await semantic()).toEqual([`error:${line('askNewGuid();')}:3`]);
  });

  it('logs one clear message for unknown or malformed options and keeps the defaults', async () => {
    const { semantic, logFile } = await start({ bogus: 1, rules: { 'no-such-rule': 'error', 'require-yield-star': 'loud' } });
    expect(await semantic()).toEqual([`error:${line('askNewGuid();')}:3`, `error:${line("touch('x')")}:3`]);
    const messages = fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.includes('ignored parts of the plugin options'));
    // The whole message, from the plugin's prefix on (tsserver's log adds its own before it).
    expect(messages.map((m) => m.slice(m.indexOf('[qpq-ts-plugin]')))).toEqual([
      '[qpq-ts-plugin] ignored parts of the plugin options in tsconfig: ' +
        'unknown option "bogus" (options: preset, typeAware, rules, timings); ' +
        `unknown rule "no-such-rule" (rules: ${allContracts.map((c) => c.meta.id).join(', ')}); ` +
        'rules["require-yield-star"]: severity should be one of "error", "warning", "suggestion", "off", not "loud"',
    ]);
  });

  it('"preset": "strict" turns every rule to error with its strictest options; "rules" changes single rules from there', async () => {
    const shapes = [
      "import { AskResponse } from 'quidproquo-core';",
      '',
      "import { join } from './paths';",
      "import * as paths from './paths';",
      '',
      'export function* loadTodos(): AskResponse<string> {',
      "  yield { type: '@app/Todo/Load', payload: { id: 'a' } };",
      "  yield { type: '@app/Todo/Load', payload: {} };",
      "  return paths.join(join('a'), 'b');",
      '}',
      '',
    ].join('\n');
    const files = { 'shapes.ts': shapes, 'paths.ts': 'export const join = (...parts: string[]) => parts.join("/");\n' };
    const findingsIn = async (pluginEntry: Record<string, unknown>) => {
      const { dir } = await start(pluginEntry, files);
      const file = path.join(dir, 'shapes.ts');
      await server!.open(file);
      const diagnostics = (await server!.request('semanticDiagnosticsSync', { file, includeLinePosition: false })) as any[];
      await server!.close();
      return diagnostics
        .filter((d) => / \(qpq\/[a-z-]+\)$/.test(d.text))
        .map((d) => `${/\((qpq\/[a-z-]+)\)$/.exec(d.text)![1]}:${d.category}:${d.start.line}:${d.start.offset}`);
    };
    expect(await findingsIn({})).toEqual(['qpq/monomorphic-action-shape:warning:8:44']);
    expect(await findingsIn({ preset: 'recommended' })).toEqual(['qpq/monomorphic-action-shape:warning:8:44']);
    expect(await findingsIn({ preset: 'strict' })).toEqual([
      'qpq/monomorphic-action-shape:error:8:44',
      'qpq/import-order:error:1:1',
      'qpq/ask-prefix-generator-only:error:6:18',
    ]);
    // A severity alone keeps the preset's options; [severity, options] replaces them.
    expect(
      await findingsIn({ rules: { 'import-order': 'warning', 'ask-prefix-generator-only': ['error', {}] }, preset: 'strict' }),
    ).toEqual(['qpq/monomorphic-action-shape:error:8:44', 'qpq/import-order:warning:1:1']);
  });

  it('applies options sent with configurePlugin without a restart', async () => {
    const { semantic } = await start({});
    expect(await semantic()).toHaveLength(2);
    await server!.request('configurePlugin', { pluginName: 'qpq-ts-plugin', configuration: { rules: { 'require-yield-star': 'off' } } });
    expect(await semantic()).toEqual([]);
  });

  it('named twice in tsconfig, and reloaded after tsconfig changes, it runs once per project: each finding once, with the options of the latest entry', async () => {
    const { dir, semantic, logFile } = await start({});
    const tsconfig = path.join(dir, 'tsconfig.json');
    const withPlugins = (plugins: object[]) => {
      const config = JSON.parse(fs.readFileSync(tsconfig, 'utf8'));
      config.compilerOptions.plugins = plugins;
      fs.writeFileSync(tsconfig, JSON.stringify(config));
    };
    withPlugins([{ name: 'qpq-ts-plugin' }, { name: 'qpq-ts-plugin', rules: { 'require-yield-star': 'warning' } }]);
    await server!.request('reloadProjects', {});
    expect(await semantic()).toEqual([`warning:${line('askNewGuid();')}:3`, `warning:${line("touch('x')")}:3`]);

    withPlugins([{ name: 'qpq-ts-plugin', typeAware: false }]);
    await server!.request('reloadProjects', {});
    expect(await semantic()).toEqual([`error:${line('askNewGuid();')}:3`]);

    // tsserver may also reload on its own when it sees tsconfig.json change, so how often the
    // plugin is created depends on timing; every creation after the first must find it running.
    const log = fs.readFileSync(logFile, 'utf8').split('\n');
    const created = log.filter((l) => l.includes('Plugin validation succeeded')).length;
    expect(created).toBeGreaterThanOrEqual(4);
    expect(log.filter((l) => l.includes('[qpq-ts-plugin] loaded with'))).toHaveLength(1);
    expect(log.filter((l) => l.includes('[qpq-ts-plugin] already running in this project'))).toHaveLength(created - 1);
  });

  it('adds the action types a story may yield to its hover, collected through the stories it delegates to', async () => {
    const { file } = await start({});
    const hover = async (text: string, offsetInText = 0) => {
      const row = line(text);
      const offset = STORIES.split('\n')[row - 1].indexOf(text) + 1 + offsetInText;
      const info = await server!.request('quickinfo', { file, line: row, offset });
      return info.documentation as string;
    };
    const created = 'yields: @quidproquo-core/Guid/New, @quidproquo-core/KeyValueStore/Upsert';
    expect(await hover("askCreate('milk')")).toBe(created);
    expect(await hover('yield* askCreate', 2)).toBe(created);
    expect(await hover("touch('x')")).toBe('yields: @quidproquo-core/Date/Now');
  });

  it('on the yield* of an action requester, shows the action type, its payload and what the story gets back, for factory-built and hand-written requesters, declared or in source', async () => {
    const framework = [
      "import type { Action, ActionRequester, ActionRequesterFunction } from 'quidproquo-core';",
      '',
      "export declare const askThingDo: ActionRequesterFunction<'@app/Thing/Do', [id: string], { id: string }, number>;",
      "export interface LegacyLoadAction extends Action<{ id: string; scope?: string }> { type: '@app/Legacy/Load' }",
      'export declare function askLegacyLoad(id: string): ActionRequester<LegacyLoadAction, string[]>;',
      '',
    ].join('\n');
    const requesters = [
      "import { Action, ActionRequester, AskResponse } from 'quidproquo-core';",
      '',
      "import { askLegacyLoad, askThingDo } from './framework';",
      '',
      "interface SaveAction extends Action<{ name: string }> { type: '@app/Save' }",
      'function* askSave(name: string): ActionRequester<SaveAction, boolean> {',
      "  return yield { type: '@app/Save', payload: { name } };",
      '}',
      '',
      'export function* askLoad(id: string): AskResponse<boolean> {',
      '  const count = yield* askThingDo(id);',
      '  const ids = yield* askLegacyLoad(id);',
      '  return yield* askSave(`${count}:${ids.length}`);',
      '}',
      '',
      'export function* askLoadOne(): AskResponse<boolean> {',
      "  return yield* askLoad('x');",
      '}',
      '',
    ].join('\n');
    const { dir, file } = await start({}, { 'framework.d.ts': framework, 'requesters.ts': requesters });
    const hoverIn = async (target: string, text: string, at: string) => {
      const rows = text.split('\n');
      const row = rows.findIndex((l) => l.includes(at));
      const info = await server!.request('quickinfo', { file: target, line: row + 1, offset: rows[row].indexOf(at) + 1 });
      return info.documentation as string;
    };
    const block = (...lines: string[]) => ['```ts', ...lines, '```'].join('\n');

    expect(await hoverIn(file, STORIES, "yield* askKeyValueStoreUpsert('todos'")).toBe(
      block("action: '@quidproquo-core/KeyValueStore/Upsert'", 'payload: { keyValueStoreName: string; item: unknown; }', 'returns: void'),
    );
    expect(await hoverIn(file, STORIES, 'yield* askNewGuid()')).toBe(
      block("action: '@quidproquo-core/Guid/New'", 'payload: none', 'returns: string'),
    );
    // On the requester's name too, after TypeScript's own documentation of it.
    expect(await hoverIn(file, STORIES, 'askDateNow();')).toBe(
      `The current time as an ISO string, recorded so a replay sees the same time.\n\n${block("action: '@quidproquo-core/Date/Now'", 'payload: none', 'returns: string')}`,
    );

    const other = path.join(dir, 'requesters.ts');
    await server!.open(other);
    expect(await hoverIn(other, requesters, 'yield* askThingDo')).toBe(
      block("action: '@app/Thing/Do'", 'payload: { id: string; }', 'returns: number'),
    );
    expect(await hoverIn(other, requesters, 'yield* askLegacyLoad')).toBe(
      block("action: '@app/Legacy/Load'", 'payload: { id: string; scope?: string; }', 'returns: string[]'),
    );
    expect(await hoverIn(other, requesters, 'yield* askSave')).toBe(
      block("action: '@app/Save'", 'payload: { name: string; }', 'returns: boolean'),
    );
    // A story that is no requester keeps the list of what it may yield, requesters only declared included.
    expect(await hoverIn(other, requesters, "yield* askLoad('x')")).toBe('yields: @app/Legacy/Load, @app/Save, @app/Thing/Do');
  });
});
