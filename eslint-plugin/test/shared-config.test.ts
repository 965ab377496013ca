import { ESLint } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-9';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index';

// Projects made by create-qpq-app lint with `quidproquo-eslint-config`, which registers its own
// `qpq` plugin. The stand-in here is shaped the same way (see stand-in-shared-config/).

const typedProject = path.join(__dirname, 'typed-project');

const STORIES = `import { askDateNow, AskResponse } from 'quidproquo-core';

function* login(user: string): AskResponse<string> {
  return yield* askDateNow();
}

export function* askStory(): AskResponse<void> {
  askDateNow();
  login('ada');
}

export function askHelper() {
  return 1;
}
`;

async function sharedConfig(): Promise<unknown[]> {
  return (await import('./stand-in-shared-config/index.mjs')).default as unknown[];
}

async function lint(config: unknown[], Engine: typeof ESLint | typeof ESLint9 = ESLint) {
  const eslint = new Engine({ cwd: typedProject, overrideConfigFile: true, overrideConfig: config as any });
  const [result] = await eslint.lintText(STORIES, { filePath: path.join(typedProject, 'file.ts') });
  return result.messages.map(
    (m) => `${m.ruleId}:${m.line}:${m.column}:${m.severity === 2 ? 'error' : 'warn'}${m.message.startsWith('stand-in') ? ':stand-in' : ''}`,
  );
}

describe.each([
  ['ESLint 10', ESLint],
  ['ESLint 9', ESLint9],
] as const)("replacing the shared config's qpq plugin (%s)", (_, Engine) => {
  it('the shared config and the recommended config side by side: ESLint refuses two plugins named qpq', async () => {
    await expect(lint([...(await sharedConfig()), plugin.configs.recommended], Engine)).rejects.toThrow(/Cannot redefine plugin "qpq"/);
  });

  it('one line swaps the plugin in: every rule of this plugin runs, none of the replaced one', async () => {
    expect(await lint(plugin.replacePluginIn(await sharedConfig()), Engine)).toEqual([
      'qpq/require-yield-star:8:3:error',
      'qpq/ask-prefix-generator-only:12:17:error',
    ]);
  });

  it('with type information: stories are recognised by type too', async () => {
    const typed = plugin.replacePluginIn(await sharedConfig(), { typeChecked: true });
    const withProject = [...typed, { languageOptions: { parserOptions: { tsconfigRootDir: typedProject } } }];
    expect(await lint(withProject, Engine)).toEqual([
      'qpq/require-yield-star:8:3:error',
      'qpq/require-yield-star:9:3:error',
      'qpq/ask-prefix-generator-only:12:17:error',
    ]);
  });

  it("keeps the shared config's settings of the rules both plugins have, and settings that come after win", async () => {
    const shared = (await sharedConfig()).map((config: any) =>
      config?.plugins?.qpq ? { ...config, rules: { ...config.rules, 'qpq/require-yield-star': 'warn' } } : config,
    );
    const swapped = plugin.replacePluginIn(shared);
    expect(await lint(swapped, Engine)).toEqual(['qpq/require-yield-star:8:3:warn', 'qpq/ask-prefix-generator-only:12:17:error']);
    expect(await lint([...swapped, { rules: { 'qpq/ask-prefix-generator-only': 'off' } }], Engine)).toEqual([
      'qpq/require-yield-star:8:3:warn',
    ]);
  });
});

describe('replacePluginIn', () => {
  it('registers this plugin wherever the shared config registered its own, and adds the recommended config before the first', async () => {
    const shared = await sharedConfig();
    const swapped = plugin.replacePluginIn(shared);
    const position = shared.findIndex((config: any) => config?.plugins?.qpq);
    expect(swapped).toHaveLength(shared.length + 1);
    expect(swapped[position]).toBe(plugin.configs.recommended);
    expect(swapped[position + 1].plugins?.qpq).toBe(plugin);
    expect(swapped.filter((config) => config.plugins?.qpq && config.plugins.qpq !== plugin)).toEqual([]);
  });

  it('appends the recommended config to a shared config without a qpq plugin, and leaves nested arrays flat', () => {
    const other = { rules: { 'no-console': 'error' as const } };
    expect(plugin.replacePluginIn([[other]])).toEqual([other, plugin.configs.recommended]);
  });
});
