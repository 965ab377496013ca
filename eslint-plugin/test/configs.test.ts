import * as path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';

const typedProject = path.join(__dirname, 'typed-project');

const TYPED_STORY = `import { askDateNow, AskResponse } from 'quidproquo-core';

function* login(user: string): AskResponse<string> {
  return yield* askDateNow();
}

export function* story(): AskResponse<void> {
  const user: string = 'ada';
  askDateNow();
  login(user);
}
`;

async function lint(config: object, text: string) {
  const eslint = new ESLint({ cwd: typedProject, overrideConfigFile: true, overrideConfig: [config] });
  const [result] = await eslint.lintText(text, { filePath: path.join(typedProject, 'file.ts') });
  return result.messages.map((m) => `${m.ruleId}:${m.line}:${m.column}`);
}

describe('flat configs', () => {
  it('exposes meta, rules and both configs, and links each rule to its page', () => {
    expect(plugin.meta).toEqual({ name: 'eslint-plugin-qpq', version: expect.any(String) });
    expect(Object.keys(plugin.configs).sort()).toEqual(['recommended', 'recommended-type-checked']);
    for (const [id, rule] of Object.entries(plugin.rules)) expect(rule.meta?.docs?.url).toMatch(new RegExp(`/rules-docs/${id}\\.md$`));
  });

  it('recommended parses TypeScript and finds story calls by name, without type information', async () => {
    expect(await lint(plugin.configs.recommended, TYPED_STORY)).toEqual(['qpq/require-yield-star:9:3']);
  });

  it('recommended-type-checked also finds the story that is not ask-named, by its type', async () => {
    const typed = { ...plugin.configs['recommended-type-checked'] };
    typed.languageOptions = { ...typed.languageOptions, parserOptions: { projectService: true, tsconfigRootDir: typedProject } };
    expect(await lint(typed, TYPED_STORY)).toEqual(['qpq/require-yield-star:9:3', 'qpq/require-yield-star:10:3']);
  });

  it('applies to every file kind the TypeScript parser reads', async () => {
    const eslint = new ESLint({ cwd: typedProject, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    for (const ext of ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs']) {
      const [result] = await eslint.lintText('function* s() {\n  askDateNow();\n}\n', { filePath: path.join(typedProject, `x.${ext}`) });
      expect(result.messages.map((m) => `${ext}:${m.ruleId}:${m.line}:${m.column}`)).toEqual([`${ext}:qpq/require-yield-star:2:3`]);
    }
  });
});
