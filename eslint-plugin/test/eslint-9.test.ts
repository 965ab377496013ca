import { ESLint as ESLint9 } from 'eslint-9';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

import { findingsOf, withoutDetails } from '../../fixtures/support/eslint-findings';
import { EXPECT_NOTHING, expectedFindings, fixedPathOf } from '../../fixtures/support/expectations';
import { FIXTURES_DIR, FIXTURES_ESLINT_CONFIG, SAMPLE_APP_DIR, SAMPLE_APP_FILES, violationFiles } from '../../fixtures/support/paths';

// The peer range names ESLint 9 and 10. ESLint 10 runs every other test; this one runs the
// fixtures through ESLint 9 with the same config: the same findings, the same fixes.

describe(`ESLint ${ESLint9.version} on fixtures/ with recommended-type-checked`, () => {
  it('finds exactly the planted findings, nothing in the clean sample app, and fixes each case into its .fixed.ts', async () => {
    const eslint = new ESLint9({ cwd: FIXTURES_DIR, overrideConfigFile: FIXTURES_ESLINT_CONFIG });
    // ESLint 9's results have the shape of ESLint 10's: the shared helper reads both.
    const results = (await eslint.lintFiles(['sample-app', 'violations'])) as unknown as Parameters<typeof findingsOf>[0][];
    const byFile = new Map(results.map((r) => [r.filePath, r]));
    const sampleFiles = SAMPLE_APP_FILES.map((f) => path.join(SAMPLE_APP_DIR, f));
    expect([...byFile.keys()].sort()).toEqual([...sampleFiles, ...violationFiles()].sort());
    expect(sampleFiles.map((f) => [f, findingsOf(byFile.get(f)!)])).toEqual(sampleFiles.map((f) => [f, []]));

    const fixer = new ESLint9({ cwd: FIXTURES_DIR, overrideConfigFile: FIXTURES_ESLINT_CONFIG, fix: true });
    for (const file of violationFiles()) {
      const expected = expectedFindings(file);
      if (!fs.readFileSync(file, 'utf8').includes(EXPECT_NOTHING)) expect(expected.length, file).toBeGreaterThan(0);
      expect(withoutDetails(findingsOf(byFile.get(file)!)), file).toEqual(expected);
      if (!fs.existsSync(fixedPathOf(file))) continue;
      const [fixed] = await fixer.lintFiles([file]);
      expect(fixed.output, file).toBe(fs.readFileSync(fixedPathOf(file), 'utf8'));
    }
  });
});
