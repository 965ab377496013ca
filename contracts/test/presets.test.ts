import { describe, expect, it } from 'vitest';

import { allContracts, presetRules, schemaProblems, STRICTEST_OPTIONS } from '../src';

/** The recommended severities, written out: a rule that changes its own must change this table too. */
const RECOMMENDED = {
  'require-yield-star': { severity: 'error', options: undefined },
  'monomorphic-action-shape': { severity: 'warn', options: undefined },
  'void-returns-204': { severity: 'error', options: undefined },
  'import-order': { severity: 'warn', options: undefined },
  'pure-stories': { severity: 'error', options: undefined },
  'no-try-catch-around-actions': { severity: 'error', options: undefined },
  'ask-prefix-generator-only': { severity: 'error', options: undefined },
  'valid-runtime-reference': { severity: 'error', options: undefined },
  'return-throw-error': { severity: 'error', options: undefined },
  'no-spread-define': { severity: 'warn', options: undefined },
  'define-returns-config': { severity: 'error', options: undefined },
  'serializable-context': { severity: 'error', options: undefined },
  'raw-story-mocks': { severity: 'error', options: undefined },
  'no-outdated-api': { severity: 'error', options: undefined },
};

describe('presets', () => {
  it('say for every option of every rule what its strictest value is, and for no option a rule lacks', () => {
    const stated = Object.fromEntries(Object.entries(STRICTEST_OPTIONS).map(([id, options]) => [id, Object.keys(options).sort()]));
    const options = Object.fromEntries(
      allContracts
        .map(({ meta }) => [meta.id, Object.keys((meta.schema.properties as Record<string, unknown> | undefined) ?? {}).sort()] as const)
        .filter(([, names]) => names.length > 0),
    );
    expect(stated).toEqual(options);
  });

  it('strict: every rule at error, with options each rule accepts', () => {
    const strict = presetRules('strict', allContracts);
    expect([...strict.keys()]).toEqual(allContracts.map(({ meta }) => meta.id));
    for (const { meta } of allContracts) {
      const { severity, options } = strict.get(meta.id)!;
      expect({ id: meta.id, severity, problems: schemaProblems(meta.schema, options ?? {}, meta.id) }).toEqual({
        id: meta.id,
        severity: 'error',
        problems: [],
      });
    }
    expect(strict.get('import-order')).toEqual({ severity: 'error', options: { orderByImportStyle: true } });
    expect(strict.get('pure-stories')).toEqual({ severity: 'error', options: undefined });
  });

  it('recommended: each rule at its recommended severity, with its default options', () => {
    expect(Object.fromEntries(presetRules('recommended', allContracts))).toEqual(RECOMMENDED);
  });
});
