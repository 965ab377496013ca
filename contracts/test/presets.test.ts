import { describe, expect, it } from 'vitest';

import { allContracts, presetRules, schemaProblems, STRICTEST_OPTIONS } from '../src';

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
    expect(Object.fromEntries(presetRules('recommended', allContracts))).toEqual(
      Object.fromEntries(
        allContracts
          .filter(({ meta }) => meta.recommended)
          .map(({ meta }) => [meta.id, { severity: meta.recommended, options: undefined }]),
      ),
    );
  });
});
