import { allContracts } from 'qpq-contracts';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import init from '../src/index';

/** What tsserver hands the factory's `create`, with a logger that keeps its lines. */
function createInfo() {
  const logged: string[] = [];
  const languageService = { getSemanticDiagnostics: () => [] } as unknown as ts.LanguageService;
  const info = { languageService, project: { projectService: { logger: { info: (text: string) => logged.push(text) } } }, config: {} };
  return { info: info as unknown as ts.server.PluginCreateInfo, languageService, logged };
}

describe('the plugin factory tsserver calls', () => {
  it('on a TypeScript without the JS API (TypeScript 7), leaves the language service as it is and says why, with the recipe', () => {
    const typescript7 = { version: '7.0.2', versionMajorMinor: '7.0' } as unknown as typeof ts;
    const { info, languageService, logged } = createInfo();
    expect(init({ typescript: typescript7 }).create(info)).toBe(languageService);
    expect(logged).toEqual([
      '[qpq-ts-plugin] not started: qpq-ts-plugin needs the TypeScript JS API (TypeScript 5.x and 6.0), but the "typescript" package here is TypeScript 7.0.2, and TypeScript 7 is a native compiler with no JS API. ' +
        'Keep TypeScript 7 for tsc and install TypeScript 6 under the name "typescript" next to it: ' +
        'npm install --save-dev typescript@~6.0.3 @typescript/native@npm:typescript@^7.0.2',
    ]);
  });

  it('wraps the language service on the TypeScript it runs on', () => {
    const { info, languageService, logged } = createInfo();
    expect(init({ typescript: ts }).create(info)).not.toBe(languageService);
    expect(logged).toEqual([`[qpq-ts-plugin] loaded with ${allContracts.length} rule(s)`]);
  });

  it("starts once per project however often tsserver loads it there; the later entry's options apply, also through configurePlugin", () => {
    const { info, languageService, logged } = createInfo();
    const first = init({ typescript: ts });
    const wrapped = first.create(info);
    // tsserver hands the next plugin entry the language service the previous one returned.
    const second = init({ typescript: ts });
    const again = second.create({
      ...info,
      languageService: wrapped,
      config: { rules: { 'require-yield-star': 'off' } },
    } as ts.server.PluginCreateInfo);
    expect(again).toBe(wrapped);
    expect(logged).toEqual([
      `[qpq-ts-plugin] loaded with ${allContracts.length} rule(s)`,
      '[qpq-ts-plugin] already running in this project: not started again, its options are taken from this plugin entry',
    ]);
    second.onConfigurationChanged!({ rules: { 'no-such-rule': 'error' } });
    expect(logged.slice(2)).toEqual([
      `[qpq-ts-plugin] ignored parts of the plugin options in tsconfig: unknown rule "no-such-rule" (rules: ${allContracts.map((c) => c.meta.id).join(', ')})`,
    ]);
    // Another project is another language service.
    const other = createInfo();
    expect(second.create(other.info)).not.toBe(other.languageService);
    expect(languageService).not.toBe(wrapped);
  });
});
