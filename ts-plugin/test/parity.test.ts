import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEdits } from 'qpq-contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type EslintFinding, expectedFixedText, findingsOf, fixturesEslint } from '../../fixtures/support/eslint-findings';
import { FIXTURES_DIR, REPO_ROOT, violationFiles } from '../../fixtures/support/paths';
import { codeFixesAt, type Location, type ProtocolTextChange, toEdits } from '../../fixtures/support/protocol-edits';
import { TsServerClient } from '../../fixtures/support/tsserver-client.mjs';
import { TSSERVER_VERSIONS } from '../../fixtures/support/typescript-versions';

interface ProtocolDiagnostic {
  start: Location;
  end: Location;
  text: string;
  code: number;
}

const QPQ_SUFFIX = / \((qpq\/[a-z0-9-]+)\)$/;

function eslintFixed(text: string, finding: EslintFinding): string | undefined {
  return finding.fix && applyEdits(text, [{ start: finding.fix.range[0], end: finding.fix.range[1], newText: finding.fix.text }]);
}

describe.each(TSSERVER_VERSIONS)('qpq-ts-plugin in a real tsserver ($label) agrees with ESLint', ({ tsserverPath }) => {
  let server: TsServerClient;
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qpq-tsserver-')), 'tsserver.log');
  let eslintByFile: Map<string, EslintFinding[]>;

  beforeAll(async () => {
    server = new TsServerClient({ tsserverPath, cwd: REPO_ROOT, logFile });
    const results = await fixturesEslint().lintFiles(['violations']);
    eslintByFile = new Map(results.map((r) => [r.filePath, findingsOf(r)]));
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
  });

  async function qpqDiagnostics(file: string): Promise<ProtocolDiagnostic[]> {
    const all: ProtocolDiagnostic[] = await server.request('semanticDiagnosticsSync', { file, includeLinePosition: false });
    return all.filter((d) => QPQ_SUFFIX.test(d.text));
  }

  it('loads the plugin from the fixture tsconfig', async () => {
    const [file] = violationFiles();
    await server.open(file);
    await qpqDiagnostics(file);
    expect(fs.readFileSync(logFile, 'utf8')).toContain('[qpq-ts-plugin] loaded with');
  });

  for (const file of violationFiles()) {
    const name = path.relative(FIXTURES_DIR, file);

    it(`${name}: same findings, same fixes, and fix-all gives the .fixed.ts`, async () => {
      const text = fs.readFileSync(file, 'utf8');
      await server.open(file);
      const diagnostics = await qpqDiagnostics(file);
      const eslint = eslintByFile.get(file)!;

      const fromServer = diagnostics.map((d) => ({
        ruleId: QPQ_SUFFIX.exec(d.text)![1],
        line: d.start.line,
        column: d.start.offset,
        message: d.text.replace(QPQ_SUFFIX, ''),
      }));
      expect(fromServer).toEqual(eslint.map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message })));

      for (const [i, diagnostic] of diagnostics.entries()) {
        const fixes = await codeFixesAt(server, file, diagnostic, diagnostic.code);
        const autofix = fixes.find((f) => f.fixId !== undefined);
        const serverFixed = autofix && applyEdits(text, toEdits(text, autofix.changes[0].textChanges));
        expect({ at: fromServer[i], fixed: serverFixed }).toEqual({ at: fromServer[i], fixed: eslintFixed(text, eslint[i]) });
      }

      // Fix-all, rule by rule, as an editor's "fix all in file" does.
      let current = text;
      for (const ruleId of [...new Set(eslint.filter((f) => f.fix).map((f) => f.ruleId))]) {
        const combined: { changes: Array<{ textChanges: ProtocolTextChange[] }> } = await server.request('getCombinedCodeFix', {
          scope: { type: 'file', args: { file } },
          fixId: ruleId,
        });
        current = applyEdits(
          current,
          toEdits(
            current,
            combined.changes.flatMap((c) => c.textChanges),
          ),
        );
        await server.request('updateOpen', { changedFiles: [], openFiles: [], closedFiles: [file] });
        await server.open(file, current);
      }
      expect(current).toBe(expectedFixedText(file) ?? text);
      await server.request('updateOpen', { changedFiles: [], openFiles: [], closedFiles: [file] });
    });
  }
});
