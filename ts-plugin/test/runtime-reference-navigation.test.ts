import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { REPO_ROOT, VIOLATIONS_DIR } from '../../fixtures/support/paths';
import { TsServerClient } from '../../fixtures/support/tsserver-client.mjs';
import { TSSERVER_VERSIONS } from '../../fixtures/support/typescript-versions';

const CONFIG = path.join(VIOLATIONS_DIR, 'valid-runtime-reference', 'qpq.config.ts');
const STORIES = path.join(VIOLATIONS_DIR, 'valid-runtime-reference', 'stories', 'todoStories.ts');
const lines = fs.readFileSync(CONFIG, 'utf8').split('\n');

/** 1-based line and offset just after `marker` on the first line containing `lineText`. */
function after(lineText: string, marker: string) {
  const row = lines.findIndex((l) => l.includes(lineText));
  return { line: row + 1, offset: lines[row].indexOf(marker, lines[row].indexOf(lineText)) + marker.length + 1 };
}

describe.each(TSSERVER_VERSIONS)('runtime references in the editor, real tsserver ($label)', ({ tsserverPath }) => {
  let server: TsServerClient;
  beforeAll(async () => {
    server = new TsServerClient({ tsserverPath, cwd: REPO_ROOT });
    await server.open(CONFIG);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('goes to the exported story from the runtime string', async () => {
    const at = after("'/stories/todoStories::getTodos'", 'todoStories::get');
    const result = await server.request('definitionAndBoundSpan', { file: CONFIG, ...at });
    const storyLine =
      fs
        .readFileSync(STORIES, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('export function* getTodos')) + 1;
    expect(result.definitions.map((d: any) => [path.relative(REPO_ROOT, d.file), d.start.line, d.start.offset])).toEqual([
      ['fixtures/violations/valid-runtime-reference/stories/todoStories.ts', storyLine, 'export function* '.length + 1],
    ]);
    expect(result.textSpan.start).toEqual({ line: at.line, offset: lines[at.line - 1].indexOf("'/stories") + 2 });
  });

  it('completes export names after ::', async () => {
    const result = await server.request('completionInfo', { file: CONFIG, ...after("'/stories/todoStories::getTodos'", '::') });
    expect(result.entries.map((e: any) => e.name).sort()).toEqual(['formatTodo', 'getTodos', 'onHourly', 'streamTodos']);
  });

  it('completes folders and modules under the config root before ::', async () => {
    const root = await server.request('completionInfo', { file: CONFIG, ...after("'/stories/todoStories::getTodos'", "'/") });
    expect(root.entries.map((e: any) => e.name)).toContain('stories/');
    expect(root.entries.map((e: any) => e.name)).toContain('qpq.config');
    const folder = await server.request('completionInfo', { file: CONFIG, ...after("'/stories/todoStories::getTodos'", "'/stories/") });
    expect(folder.entries.map((e: any) => e.name)).toEqual(['todoStories']);
  });

  it("leaves TypeScript's own answers elsewhere", async () => {
    const result = await server.request('definitionAndBoundSpan', { file: CONFIG, ...after('defineRoute(', 'defineRo') });
    expect(result.definitions.map((d: any) => path.basename(d.file))).toEqual(['defineRoute.ts']);
  });
});
