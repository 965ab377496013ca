import { allContracts } from 'qpq-contracts';
import { describe, expect, it } from 'vitest';

import { readSettings } from '../src/options';

const rule = (config: unknown, id: string) => readSettings(config, allContracts).settings.rules.get(id);

describe('plugin options: preset and rules', () => {
  it('starts from recommended: each rule at its recommended severity, default options', () => {
    for (const config of [undefined, { name: 'qpq-ts-plugin' }, { name: 'qpq-ts-plugin', preset: 'recommended' }]) {
      const { settings, problems } = readSettings(config, allContracts);
      expect(problems).toEqual([]);
      // The recommended severities written out (tsserver's names: `warn` is `warning`).
      expect(Object.fromEntries(settings.rules)).toEqual({
        'require-yield-star': { severity: 'error', options: undefined },
        'monomorphic-action-shape': { severity: 'warning', options: undefined },
        'void-returns-204': { severity: 'error', options: undefined },
        'import-order': { severity: 'warning', options: undefined },
        'pure-stories': { severity: 'error', options: undefined },
        'no-try-catch-around-actions': { severity: 'error', options: undefined },
        'ask-prefix-generator-only': { severity: 'error', options: undefined },
        'valid-runtime-reference': { severity: 'error', options: undefined },
        'return-throw-error': { severity: 'error', options: undefined },
        'no-spread-define': { severity: 'warning', options: undefined },
        'define-returns-config': { severity: 'error', options: undefined },
        'serializable-context': { severity: 'error', options: undefined },
        'raw-story-mocks': { severity: 'error', options: undefined },
        'no-outdated-api': { severity: 'error', options: undefined },
      });
    }
  });

  it('"strict" sets every rule to error with its strictest options', () => {
    const { settings, problems } = readSettings({ preset: 'strict' }, allContracts);
    expect(problems).toEqual([]);
    for (const { meta } of allContracts) expect(settings.rules.get(meta.id)?.severity).toBe('error');
    expect(settings.rules.get('import-order')).toEqual({ severity: 'error', options: { orderByImportStyle: true } });
    expect(settings.rules.get('pure-stories')).toEqual({ severity: 'error', options: undefined });
  });

  it('"rules" changes the preset whatever the key order: a severity alone keeps its options, [severity, options] replaces them', () => {
    for (const config of [
      { rules: { 'import-order': 'warning', 'qpq/monomorphic-action-shape': ['off'] }, preset: 'strict' },
      { preset: 'strict', rules: { 'import-order': 'warning', 'qpq/monomorphic-action-shape': ['off'] } },
    ]) {
      expect(rule(config, 'import-order')).toEqual({ severity: 'warning', options: { orderByImportStyle: true } });
      expect(rule(config, 'monomorphic-action-shape')).toEqual({ severity: 'off', options: { testFiles: true } });
    }
    expect(rule({ preset: 'strict', rules: { 'import-order': ['suggestion', {}] } }, 'import-order')).toEqual({
      severity: 'suggestion',
      options: {},
    });
  });

  it('reports an unknown preset and keeps recommended', () => {
    const { settings, problems } = readSettings({ preset: 'pedantic', rules: { 'import-order': 'error' } }, allContracts);
    expect(problems).toEqual(['"preset" should be one of "recommended", "strict", not "pedantic"']);
    expect(settings.rules.get('import-order')).toEqual({ severity: 'error', options: undefined });
    expect(settings.rules.get('ask-prefix-generator-only')).toEqual({ severity: 'error', options: undefined });
    expect(rule({ preset: 'pedantic' }, 'monomorphic-action-shape')).toEqual({ severity: 'warning', options: undefined });
  });
});
