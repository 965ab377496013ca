import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allTransforms } from 'qpq-codemod';
import type { Contract } from 'qpq-contracts';
import { allContracts } from 'qpq-contracts';
import { afterAll, describe, expect, it } from 'vitest';

import plugin from '../../eslint-plugin/src/index';
import { codemodsPage } from '../src/codemods-page.mjs';
import { documentedFindings } from '../src/example-findings.mjs';
import { renderAll, REPO_ROOT, staleFiles } from '../src/generate.mjs';
import { CONFIGS, configSeverities } from '../src/notices.mjs';
import { rulePage, typeOf } from '../src/rule-page.mjs';
import { readmeWithRulesTable } from '../src/rules-table.mjs';

const generated: Map<string, string> = renderAll();
const scratchDirs: string[] = [];
afterAll(() => {
  for (const dir of scratchDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A scratch copy of the generated files as they are in the repository, so nothing there is touched. */
function copyOfGenerated(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qpq-docs-'));
  scratchDirs.push(root);
  for (const relative of generated.keys()) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, generated.get(relative)!);
  }
  return root;
}

function docsCli(root: string, ...args: string[]) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'rules-docs/scripts/docs.mjs'), ...args, '--root', root], { encoding: 'utf8' });
}

/** A contract that reports `bad`, whose examples the test chooses. */
function fakeContract(examples: Contract['examples'], meta: Partial<Contract['meta']> = {}): Contract {
  return {
    meta: {
      id: 'fake-rule',
      diagnosticCode: 990999,
      description: 'Report `bad`.',
      rationale: 'Because.',
      type: 'problem',
      recommended: 'warn',
      fixable: false,
      hasSuggestions: false,
      typeAware: false,
      behaviourWithoutTypes: 'Purely syntactic.',
      messages: { bad: '`{{name}}` is bad.' },
      schema: { type: 'object', properties: {}, additionalProperties: false },
      defaultOptions: {},
      ...meta,
    },
    examples,
    check({ sourceFile, report }) {
      const start = sourceFile.text.indexOf('bad');
      if (start >= 0) report('bad', { start, end: start + 3 }, { name: 'bad' });
    },
  };
}

describe('generated documentation', () => {
  it('renders the same text every time', () => {
    expect([...renderAll().entries()]).toEqual([...generated.entries()]);
  });

  it('has a page for every rule, an index, the codemods page, the README table, the plugin options schema and the released diagnostic codes', () => {
    expect([...generated.keys()].sort()).toEqual(
      [
        ...allContracts.map(({ meta }) => `rules-docs/${meta.id}.md`),
        'rules-docs/README.md',
        'rules-docs/codemods.md',
        'README.md',
        'ts-plugin/options.schema.json',
        'ts-plugin/diagnostic-codes.json',
      ].sort(),
    );
  });

  it('refuses a released diagnostic code that changed or went to another rule, and keeps the codes of removed rules', () => {
    const root = copyOfGenerated();
    const record = path.join(root, 'ts-plugin/diagnostic-codes.json');
    const released = JSON.parse(fs.readFileSync(record, 'utf8'));
    fs.writeFileSync(record, JSON.stringify({ ...released, 'require-yield-star': 990077 }));
    expect(() => renderAll(root)).toThrow(
      'qpq/require-yield-star: its diagnostic code changed from 990077 to 990001; a released code never changes',
    );
    fs.writeFileSync(record, JSON.stringify({ 'retired-rule': 990002 }));
    expect(() => renderAll(root)).toThrow('qpq/monomorphic-action-shape: diagnostic code 990002 belongs to qpq/retired-rule');
    fs.writeFileSync(record, JSON.stringify({ 'retired-rule': 990500 }));
    expect(Object.entries(JSON.parse(renderAll(root).get('ts-plugin/diagnostic-codes.json')!)).at(-1)).toEqual(['retired-rule', 990500]);
  });

  it('is up to date in the repository (npm run docs regenerates it)', () => {
    expect(staleFiles(REPO_ROOT, generated)).toEqual([]);
  });

  it('names a stale page, a missing page and a page no rule has any more', () => {
    const root = copyOfGenerated();
    fs.appendFileSync(path.join(root, 'rules-docs/require-yield-star.md'), '\nedited by hand\n');
    fs.rmSync(path.join(root, 'rules-docs/codemods.md'));
    fs.writeFileSync(path.join(root, 'rules-docs/renamed-rule.md'), '# qpq/renamed-rule\n');
    expect(staleFiles(root)).toEqual([
      { path: 'rules-docs/require-yield-star.md', reason: 'out of date' },
      { path: 'rules-docs/codemods.md', reason: 'missing' },
      { path: 'rules-docs/renamed-rule.md', reason: 'no rule has this page any more' },
    ]);
  });

  it('docs:check exits 1 naming each stale file and how to fix it; docs brings them up to date', () => {
    const root = copyOfGenerated();
    const readme = path.join(root, 'README.md');
    fs.writeFileSync(readme, fs.readFileSync(readme, 'utf8').replace('| `error` |', '| `warn` |'));
    fs.rmSync(path.join(root, 'rules-docs/import-order.md'));

    const stale = docsCli(root, '--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toBe(
      'rules-docs/import-order.md: missing\nREADME.md: out of date\n\n' +
        'The generated docs do not match the rules and transforms. Regenerate them with: npm run docs\n',
    );
    expect(docsCli(root).status).toBe(0);
    const fresh = docsCli(root, '--check');
    expect(fresh.status).toBe(0);
    expect(fresh.stdout).toContain('up to date');
    expect(fs.readFileSync(readme, 'utf8')).toBe(generated.get('README.md'));
  });

  it("links every rule's meta.docs.url to its page, which exists", () => {
    for (const { meta } of allContracts) {
      const url = plugin.rules[meta.id].meta?.docs?.url ?? '';
      expect(url.endsWith(`/rules-docs/${meta.id}.md`), url).toBe(true);
      expect(fs.existsSync(path.join(REPO_ROOT, 'rules-docs', `${meta.id}.md`))).toBe(true);
    }
  });

  it('states the configs and severities the plugin really has', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual([...CONFIGS].sort());
    for (const { meta } of allContracts) {
      for (const config of CONFIGS) {
        const configs = plugin.configs as Record<string, { rules?: Record<string, unknown> }>;
        const setting = configs[config].rules?.[`qpq/${meta.id}`];
        expect(Array.isArray(setting) ? setting[0] : setting, `${config}: qpq/${meta.id}`).toBe(configSeverities(meta)[config]);
      }
    }
  });

  it('prints each invalid example with the findings its test asserts, the messages the rule prints, and the fixed output', () => {
    for (const contract of allContracts) {
      const page = generated.get(`rules-docs/${contract.meta.id}.md`)!;
      for (const example of contract.examples.invalid) {
        expect(page).toContain(example.code);
        for (const finding of documentedFindings(contract, example)) {
          expect(page).toContain(`\n- ${finding.line}:${finding.column} ${finding.message}\n`);
          expect(finding.message).not.toMatch(/\{\{/);
          for (const suggestion of finding.suggestions ?? []) expect(page).toContain(suggestion.output);
        }
        if (example.output !== undefined) expect(page).toContain(example.output);
      }
      for (const example of contract.examples.valid) expect(page).toContain(example.code);
    }
  });
});

describe('rule page', () => {
  const examples = {
    valid: [{ code: 'const good = 1;', note: 'Nothing bad' }],
    invalid: [{ code: 'const x = 1;\nconst bad = 2;', findings: [{ messageId: 'bad', line: 2, column: 7 }] }],
  };

  it('renders the header, reasons, options and examples of a rule', () => {
    const page = rulePage(fakeContract(examples));
    expect(page).toContain(
      '# qpq/fake-rule\n\nReport `bad`.\n\n💼 `warn` in `recommended` and `recommended-type-checked`; `error` in `strict` and `strict-type-checked` · no autofix · syntactic',
    );
    expect(rulePage(fakeContract(examples, { recommended: false }))).toContain(
      '💼 `error` in `strict` and `strict-type-checked` · no autofix · syntactic',
    );
    expect(page).toContain('## Why\n\nBecause.');
    expect(page).toContain('- `bad`: `‹name›` is bad.');
    expect(page).toContain('## Type information\n\nPurely syntactic.');
    expect(page).toContain('This rule has no options.');
    expect(page).toContain('_Nothing bad._\n\n```ts\nconst good = 1;\n```');
    expect(page).toContain('Reported:\n\n- 2:7 `bad` is bad.\n');
  });

  it('refuses to render an example whose documented findings the rule does not report', () => {
    const wrong = { ...examples, invalid: [{ code: 'const bad = 2;', findings: [{ messageId: 'bad', line: 1, column: 1 }] }] };
    expect(() => rulePage(fakeContract(wrong))).toThrow(
      /qpq\/fake-rule: an invalid example documents 1:1 bad but the rule reports 1:7 bad/,
    );
    const silent = { ...examples, invalid: [{ code: 'const good = 2;', findings: [{ messageId: 'bad', line: 1, column: 7 }] }] };
    expect(() => rulePage(fakeContract(silent))).toThrow(/but the rule reports nothing/);
  });

  it('says which file name an example was linted as when its findings depend on it, and only then', () => {
    const byName = fakeContract(examples);
    // This stand-in reports `bad` only in a file named `file.ts`, as a config naming its own file does.
    byName.check = ({ sourceFile, report }) => {
      const start = sourceFile.text.indexOf('bad');
      if (start >= 0 && sourceFile.fileName.endsWith('/file.ts')) report('bad', { start, end: start + 3 }, { name: 'bad' });
    };
    const page = rulePage(byName);
    expect(page).toContain(
      '_Saved as `file.ts`: under another name it reports something else._\n\n```ts\nconst x = 1;\nconst bad = 2;\n```',
    );
    expect(page).toContain('_Nothing bad._\n\n```ts\nconst good = 1;\n```');
    expect(rulePage(fakeContract(examples))).not.toContain('Saved as');
    expect(page).toContain('Each example is a whole file, linted on its own as `file.ts` unless it names another file.');
  });

  it('tabulates options with their types and defaults, and prints the default setting', () => {
    const schema = {
      type: 'object',
      properties: {
        mode: { enum: ['a', 'b'], description: 'Which | mode.' },
        groups: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
        strict: { type: 'boolean' },
      },
    };
    const page = rulePage(fakeContract(examples, { schema, defaultOptions: { mode: 'a', groups: [['^x', '^y'], ['^z']] } }));
    expect(page).toContain('| `mode` | "a" \\| "b" | `"a"` | Which \\| mode. |');
    expect(page).toContain('| `groups` | string[][] | `[["^x","^y"],["^z"]]` |  |');
    expect(page).toContain('| `strict` | boolean | — |  |');
    expect(page).toContain("'qpq/fake-rule': ['warn', {\n");
  });

  it('says what the strict configs set each option to, and why', () => {
    const schema = { type: 'object', properties: { mode: { enum: ['a', 'b'] }, strict: { type: 'boolean' } } };
    const contract = fakeContract(examples, { schema, defaultOptions: { mode: 'a' } });
    const strictest = { 'fake-rule': { mode: { why: 'a and b are styles' }, strict: { strict: true, why: 'reports more' } } };
    expect(rulePage(contract, undefined, undefined, strictest)).toContain(
      '\n\nIn `strict` and `strict-type-checked` (every option at its strictest):\n\n- `mode`: the default (a and b are styles)\n- `strict`: `true` (reports more)\n',
    );
    expect(rulePage(contract, undefined, undefined, {})).not.toContain('In `strict`');
  });

  it('writes JSON schema types in TypeScript notation', () => {
    expect(typeOf({ type: 'integer' })).toBe('number');
    expect(typeOf({ type: ['string', 'null'] })).toBe('string | null');
    expect(typeOf({ type: 'array', items: { enum: ['x', 'y'] } })).toBe('("x" | "y")[]');
    expect(typeOf({ type: 'object', properties: { a: { type: 'boolean' } }, required: ['a'] })).toBe('{ a: boolean }');
    expect(typeOf({ anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })).toBe('string | string[]');
  });
});

describe('README rules table and codemods page', () => {
  it('replaces only the text between the markers, with a row per rule', () => {
    const readme = 'intro\n<!-- begin rules table -->\nold table\n<!-- end rules table -->\nafter\n';
    const updated = readmeWithRulesTable(readme, allContracts);
    expect(updated.startsWith('intro\n<!-- begin rules table -->\n')).toBe(true);
    expect(updated.endsWith('\n<!-- end rules table -->\nafter\n')).toBe(true);
    expect(updated).not.toContain('old table');
    for (const { meta } of allContracts)
      expect(updated).toContain(`| [\`qpq/${meta.id}\`](rules-docs/${meta.id}.md) | ${meta.description.replace(/\|/g, '\\|')} |`);
    expect(readmeWithRulesTable(updated, allContracts)).toBe(updated);
    expect(() => readmeWithRulesTable('no markers', allContracts)).toThrow(/begin rules table/);
  });

  it('lists every transform, and says so when there are none', () => {
    const page = generated.get('rules-docs/codemods.md')!;
    for (const transform of allTransforms)
      expect(page).toMatch(new RegExp(`^\\| \`${transform.name}\` \\|.*\\| ${transform.migration ? 'yes' : 'no: opt-in'}`, 'm'));
    expect(codemodsPage([])).toContain('This version has no transforms.');
    expect(codemodsPage([])).not.toContain('| transform |');
  });
});
