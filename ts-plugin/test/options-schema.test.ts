import * as fs from 'node:fs';
import * as path from 'node:path';
import { allContracts } from 'qpq-contracts';
import { describe, expect, it } from 'vitest';

import { pluginOptionsSchema } from '../src/options-schema';

describe('options.schema.json', () => {
  it('matches the rules of this version (regenerate with: npm run docs)', () => {
    const shipped = JSON.parse(fs.readFileSync(path.join(__dirname, '../options.schema.json'), 'utf8'));
    expect(shipped).toEqual(pluginOptionsSchema(allContracts));
  });

  it('lists every rule under its id and its qpq/ id', () => {
    const rules = (pluginOptionsSchema(allContracts).properties as any).rules.properties;
    expect(Object.keys(rules).sort()).toEqual(allContracts.flatMap((c) => [c.meta.id, `qpq/${c.meta.id}`]).sort());
  });
});
