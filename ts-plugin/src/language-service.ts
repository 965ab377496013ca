import type * as ts from 'typescript';
import { allContracts, runContract } from 'qpq-contracts';
import type { Contract, Finding, Fix, RunTarget } from 'qpq-contracts';
import { diagnosticCodeOf } from './diagnostic-codes';

const FIX_ID_PREFIX = 'qpq/';

/**
 * Wraps tsserver's language service: every method passes through, and the ones that carry
 * diagnostics and fixes add the contracts' findings. Nothing thrown here reaches tsserver: a
 * failure is logged and the editor gets TypeScript's own answer.
 */
export function createQpqLanguageService(
  tsm: typeof ts,
  info: ts.server.PluginCreateInfo,
  contracts: readonly Contract<any>[] = allContracts,
): ts.LanguageService {
  const inner = info.languageService;
  const log = (text: string) => info.project.projectService.logger.info(`[qpq-ts-plugin] ${text}`);

  const proxy: ts.LanguageService = Object.create(null);
  for (const key of Object.keys(inner) as Array<keyof ts.LanguageService>) {
    const method = inner[key];
    (proxy as any)[key] = typeof method === 'function' ? (...args: unknown[]) => (method as Function).apply(inner, args) : method;
  }

  function guarded<T>(what: string, fallback: T, body: () => T): T {
    try {
      return body();
    } catch (error) {
      log(`${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  }

  function runTarget(fileName: string): RunTarget | undefined {
    const program = inner.getProgram();
    const sourceFile = program?.getSourceFile(fileName);
    if (!program || !sourceFile) return undefined;
    return { ts: tsm, sourceFile, checker: program.getTypeChecker() };
  }

  function findingsOf(contract: Contract<any>, target: RunTarget): Finding[] {
    return runContract(contract, target, undefined, (failed, error) => {
      log(`qpq/${failed.meta.id} failed on ${target.sourceFile.fileName} and was skipped: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    });
  }

  function allFindings(fileName: string): Array<{ contract: Contract<any>; finding: Finding }> {
    const target = runTarget(fileName);
    if (!target) return [];
    return contracts.flatMap((contract) => findingsOf(contract, target).map((finding) => ({ contract, finding })));
  }

  proxy.getSemanticDiagnostics = (fileName) => {
    const own = inner.getSemanticDiagnostics(fileName);
    const qpq = guarded('getSemanticDiagnostics', [] as ts.Diagnostic[], () => {
      const sourceFile = inner.getProgram()?.getSourceFile(fileName);
      return allFindings(fileName).map(({ contract, finding }) => toDiagnostic(tsm, contract, finding, sourceFile));
    });
    return qpq.length > 0 ? [...own, ...qpq] : own;
  };

  proxy.getCodeFixesAtPosition = (fileName, start, end, errorCodes, formatOptions, preferences) => {
    const own = inner.getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences);
    const qpq = guarded('getCodeFixesAtPosition', [] as ts.CodeFixAction[], () =>
      allFindings(fileName)
        .filter(({ contract, finding }) => errorCodes.includes(diagnosticCodeOf(contract.meta.id)) && overlaps(finding, start, end))
        .flatMap(({ contract, finding }) => codeFixesOf(contract, finding, fileName)),
    );
    return qpq.length > 0 ? [...own, ...qpq] : own;
  };

  proxy.getCombinedCodeFix = (scope, fixId, formatOptions, preferences) => {
    if (typeof fixId !== 'string' || !fixId.startsWith(FIX_ID_PREFIX)) {
      return inner.getCombinedCodeFix(scope, fixId, formatOptions, preferences);
    }
    return guarded('getCombinedCodeFix', { changes: [] } as ts.CombinedCodeActions, () => {
      const fileName = scope.fileName;
      const ruleId = fixId.slice(FIX_ID_PREFIX.length);
      const fixes = allFindings(fileName)
        .filter(({ contract, finding }) => contract.meta.id === ruleId && finding.fix)
        .map(({ finding }) => finding.fix!);
      return { changes: [{ fileName, textChanges: nonOverlappingChanges(fixes) }] };
    });
  };

  proxy.getSupportedCodeFixes = (fileName?: string) => {
    const own = inner.getSupportedCodeFixes(fileName);
    return [...own, ...contracts.map((contract) => String(diagnosticCodeOf(contract.meta.id)))];
  };

  log(`loaded with ${contracts.length} rule(s)`);
  return proxy;
}

function toDiagnostic(tsm: typeof ts, contract: Contract<any>, finding: Finding, file: ts.SourceFile | undefined): ts.Diagnostic {
  return {
    file,
    start: finding.start,
    length: finding.end - finding.start,
    messageText: `${finding.message} (qpq/${contract.meta.id})`,
    category: contract.meta.recommended === 'warn' ? tsm.DiagnosticCategory.Warning : tsm.DiagnosticCategory.Error,
    code: diagnosticCodeOf(contract.meta.id),
    source: 'qpq',
  };
}

function overlaps(finding: Finding, start: number, end: number): boolean {
  return finding.start <= end && start <= finding.end;
}

function codeFixesOf(contract: Contract<any>, finding: Finding, fileName: string): ts.CodeFixAction[] {
  const id = `${FIX_ID_PREFIX}${contract.meta.id}`;
  const actions: ts.CodeFixAction[] = [];
  if (finding.fix) {
    actions.push({
      fixName: id,
      description: finding.fix.description,
      changes: [{ fileName, textChanges: toTextChanges(finding.fix) }],
      fixId: id,
      fixAllDescription: `Fix all ${id} problems in this file`,
    });
  }
  for (const suggestion of finding.suggestions ?? []) {
    actions.push({ fixName: id, description: suggestion.description, changes: [{ fileName, textChanges: toTextChanges(suggestion) }] });
  }
  return actions;
}

function toTextChanges(fix: Fix): ts.TextChange[] {
  return fix.edits.map((edit) => ({ span: { start: edit.start, length: edit.end - edit.start }, newText: edit.newText }));
}

/** Fix-all keeps the first of any two fixes that touch the same text, as `eslint --fix` does per pass. */
function nonOverlappingChanges(fixes: Fix[]): ts.TextChange[] {
  const sorted = [...fixes].sort((a, b) => a.edits[0].start - b.edits[0].start);
  const changes: ts.TextChange[] = [];
  let cursor = -1;
  for (const fix of sorted) {
    const first = Math.min(...fix.edits.map((e) => e.start));
    const last = Math.max(...fix.edits.map((e) => e.end));
    if (first <= cursor) continue;
    changes.push(...toTextChanges(fix));
    cursor = last;
  }
  return changes;
}
