import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allContracts } from 'qpq-contracts';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
// @ts-expect-error plain ES module without type declarations
import { REPO_ROOT, renderAll, staleFiles } from '../src/render.mjs';

/** A scratch copy of the generated files, so the checks can be tried without touching the repo. */
function copyOfGenerated(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qpq-docs-'));
  for (const relative of (renderAll() as Map<string, string>).keys()) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, relative), target);
  }
  return root;
}

describe('generated documentation', () => {
  it('renders the same text every time', () => {
    expect([...renderAll().entries()]).toEqual([...renderAll().entries()]);
  });

  it('is up to date in the repository (npm run docs regenerates it)', () => {
    expect(staleFiles()).toEqual([]);
  });

  it('names a stale page and a missing page', () => {
    const root = copyOfGenerated();
    fs.appendFileSync(path.join(root, 'rules-docs/require-yield-star.md'), '\nedited by hand\n');
    fs.rmSync(path.join(root, 'rules-docs/codemods.md'));
    expect(staleFiles(root)).toEqual([
      { path: 'rules-docs/require-yield-star.md', reason: 'out of date' },
      { path: 'rules-docs/codemods.md', reason: 'missing' },
    ]);
  });

  it("links every rule's meta.docs.url to its page, which exists", () => {
    for (const { meta } of allContracts) {
      const url = plugin.rules[meta.id].meta?.docs?.url ?? '';
      expect(url.endsWith(`/rules-docs/${meta.id}.md`)).toBe(true);
      expect(fs.existsSync(path.join(REPO_ROOT, 'rules-docs', `${meta.id}.md`))).toBe(true);
    }
  });

  it('prints each invalid example with the findings its rule reports and the fixed output', () => {
    for (const { meta, examples } of allContracts) {
      const page = fs.readFileSync(path.join(REPO_ROOT, 'rules-docs', `${meta.id}.md`), 'utf8');
      for (const example of examples.invalid) {
        expect(page).toContain(example.code);
        for (const finding of example.findings) expect(page).toMatch(new RegExp(`^- ${finding.line}:${finding.column} `, 'm'));
        if (example.output !== undefined) expect(page).toContain(example.output);
      }
    }
  });

  it('docs:check exits 1 naming the files to regenerate, and docs brings them up to date', async () => {
    const { spawnSync } = await import('node:child_process');
    const root = copyOfGenerated();
    const readme = path.join(root, 'README.md');
    fs.writeFileSync(readme, fs.readFileSync(readme, 'utf8').replace('| yes | yes |', '| no | yes |'));
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(REPO_ROOT, 'rules-docs/scripts/docs.mjs'), ...args, '--root', root], { encoding: 'utf8' });

    const stale = cli('--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toBe('README.md: out of date\n\nThe generated docs do not match the rules. Regenerate them with: npm run docs\n');
    expect(cli().status).toBe(0);
    expect(cli('--check').status).toBe(0);
  });
});
