import type * as ts from 'typescript';
import { allContracts, isBundledRuntimeFile, runContract } from 'qpq-contracts';
import type { Contract, Finding, Fix, RunTarget } from 'qpq-contracts';
import { readSettings, type PluginSettings, type Severity } from './options';
import { runtimeReferenceCompletions, runtimeReferenceDefinition } from './runtime-reference-navigation';
import { storyYieldsText } from './story-hover';
import { Suppressions } from './suppressions';
import { registerTimingsCommand, timed } from './timings';

const FIX_ID_PREFIX = 'qpq/';

/**
 * Wraps tsserver's language service: every method passes through, and the ones that carry
 * diagnostics and fixes add the contracts' findings. Nothing thrown here reaches tsserver: a
 * failure is logged and the editor gets TypeScript's own answer.
 */
export interface QpqLanguageService extends ts.LanguageService {
  /** Applies a changed plugin entry from tsconfig without restarting tsserver. */
  updateSettings(config: unknown): void;
}

export function createQpqLanguageService(
  tsm: typeof ts,
  info: ts.server.PluginCreateInfo,
  contracts: readonly Contract[] = allContracts,
): QpqLanguageService {
  const inner = info.languageService;
  const log = (text: string) => info.project.projectService.logger.info(`[qpq-ts-plugin] ${text}`);
  let settings: PluginSettings;
  const proxy = Object.create(null) as QpqLanguageService;
  for (const key of Object.keys(inner) as Array<keyof ts.LanguageService>) {
    const method = inner[key];
    (proxy as any)[key] = typeof method === 'function' ? (...args: unknown[]) => (method as Function).apply(inner, args) : method;
  }

  proxy.updateSettings = (config) => {
    const read = readSettings(config, contracts);
    settings = read.settings;
    const problems = [...read.problems];
    if (settings.timings) {
      const problem = registerTimingsCommand(info.session);
      if (problem) problems.push(problem);
    }
    // One message for every problem in the entry, so a typo is easy to find in the log.
    if (problems.length > 0) log(`ignored parts of the plugin options in tsconfig: ${problems.join('; ')}`);
  };
  proxy.updateSettings(info.config);

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
    if (!program || !sourceFile || isBundledRuntimeFile(sourceFile.text)) return undefined;
    return settings.typeAware ? { ts: tsm, sourceFile, checker: program.getTypeChecker(), program } : { ts: tsm, sourceFile, checker: undefined };
  }

  interface Reported {
    contract: Contract;
    finding: Finding;
    severity: Severity;
  }

  /** Every enabled rule's findings for the file, less those ESLint's disable comments silence. */
  function allFindings(fileName: string): Reported[] {
    const target = runTarget(fileName);
    if (!target) return [];
    const suppressions = Suppressions.of(tsm, target.sourceFile);
    const reported: Reported[] = [];
    for (const contract of contracts) {
      const { severity, options } = settings.rules.get(contract.meta.id) ?? { severity: 'off', options: undefined };
      if (severity === 'off') continue;
      const findings = runContract(contract, target, options, (failed, error) => {
        log(`qpq/${failed.meta.id} failed on ${target.sourceFile.fileName} and was skipped: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      });
      for (const finding of findings) {
        if (!suppressions.isSuppressed(`qpq/${contract.meta.id}`, finding.start)) reported.push({ contract, finding, severity });
      }
    }
    return reported;
  }

  function diagnosticsOf(fileName: string, wanted: (severity: Severity) => boolean): ts.Diagnostic[] {
    const sourceFile = inner.getProgram()?.getSourceFile(fileName);
    return allFindings(fileName)
      .filter(({ severity }) => wanted(severity))
      .map(({ contract, finding, severity }) => toDiagnostic(tsm, contract, finding, severity, sourceFile));
  }

  proxy.getSemanticDiagnostics = (fileName) => {
    const own = inner.getSemanticDiagnostics(fileName);
    const qpq = timed('diagnosticsMs', () =>
      guarded('getSemanticDiagnostics', [] as ts.Diagnostic[], () => diagnosticsOf(fileName, (severity) => severity !== 'suggestion')),
    );
    return qpq.length > 0 ? [...own, ...qpq] : own;
  };

  proxy.getSuggestionDiagnostics = (fileName) => {
    const own = inner.getSuggestionDiagnostics(fileName);
    const qpq = guarded('getSuggestionDiagnostics', [] as ts.DiagnosticWithLocation[], () =>
      diagnosticsOf(fileName, (severity) => severity === 'suggestion') as ts.DiagnosticWithLocation[],
    );
    return qpq.length > 0 ? [...own, ...qpq] : own;
  };

  proxy.getCodeFixesAtPosition = (fileName, start, end, errorCodes, formatOptions, preferences) => {
    const own = inner.getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences);
    const qpq = guarded('getCodeFixesAtPosition', [] as ts.CodeFixAction[], () =>
      allFindings(fileName)
        .filter(({ contract, finding }) => errorCodes.includes(contract.meta.diagnosticCode) && overlaps(finding, start, end))
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

  proxy.getQuickInfoAtPosition = (fileName, position, ...rest) => {
    const own = (inner.getQuickInfoAtPosition as Function)(fileName, position, ...rest) as ts.QuickInfo | undefined;
    return timed('quickInfoMs', () => guarded('getQuickInfoAtPosition', own, () => {
      const program = inner.getProgram();
      const sourceFile = program?.getSourceFile(fileName);
      if (!program || !sourceFile || !settings.typeAware) return own;
      const yields = storyYieldsText(tsm, program, sourceFile, position);
      if (!yields) return own;
      const part: ts.SymbolDisplayPart = { kind: 'text', text: yields };
      if (!own) {
        return { kind: tsm.ScriptElementKind.unknown, kindModifiers: '', textSpan: { start: position, length: 0 }, documentation: [part] };
      }
      const documentation = own.documentation?.length ? [...own.documentation, { kind: 'lineBreak', text: '\n\n' }, part] : [part];
      return { ...own, documentation };
    }));
  };

  proxy.getDefinitionAndBoundSpan = (fileName, position) => {
    const program = inner.getProgram();
    const sourceFile = program?.getSourceFile(fileName);
    const ours = program && sourceFile && guarded('getDefinitionAndBoundSpan', undefined, () => runtimeReferenceDefinition(tsm, program, sourceFile, position));
    return ours ?? inner.getDefinitionAndBoundSpan(fileName, position);
  };

  proxy.getCompletionsAtPosition = (fileName, position, options, formatting) => {
    const program = inner.getProgram();
    const sourceFile = program?.getSourceFile(fileName);
    const ours = program && sourceFile && guarded('getCompletionsAtPosition', undefined, () => runtimeReferenceCompletions(tsm, program, sourceFile, position));
    return ours ?? inner.getCompletionsAtPosition(fileName, position, options, formatting);
  };

  proxy.getSupportedCodeFixes = (fileName?: string) => {
    const own = inner.getSupportedCodeFixes(fileName);
    return [...own, ...contracts.map((contract) => String(contract.meta.diagnosticCode))];
  };

  log(`loaded with ${contracts.length} rule(s)`);
  return proxy;
}

const CATEGORY: Record<Exclude<Severity, 'off'>, keyof typeof ts.DiagnosticCategory> = {
  error: 'Error',
  warning: 'Warning',
  suggestion: 'Suggestion',
};

function toDiagnostic(
  tsm: typeof ts,
  contract: Contract,
  finding: Finding,
  severity: Severity,
  file: ts.SourceFile | undefined,
): ts.Diagnostic {
  return {
    file,
    start: finding.start,
    length: finding.end - finding.start,
    messageText: `${finding.message} (qpq/${contract.meta.id})`,
    category: tsm.DiagnosticCategory[CATEGORY[severity as Exclude<Severity, 'off'>]],
    code: contract.meta.diagnosticCode,
    source: 'qpq',
  };
}

function overlaps(finding: Finding, start: number, end: number): boolean {
  return finding.start <= end && start <= finding.end;
}

function codeFixesOf(contract: Contract, finding: Finding, fileName: string): ts.CodeFixAction[] {
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

/**
 * Fix-all keeps the first of any two fixes that touch the same text, as `eslint --fix` does per
 * pass; an edit that several fixes share (the same import added for each) is made once.
 */
function nonOverlappingChanges(fixes: Fix[]): ts.TextChange[] {
  const sorted = [...fixes].sort((a, b) => Math.min(...a.edits.map((e) => e.start)) - Math.min(...b.edits.map((e) => e.start)));
  const taken: Fix['edits'] = [];
  const same = (a: Fix['edits'][number], b: Fix['edits'][number]) => a.start === b.start && a.end === b.end && a.newText === b.newText;
  const clash = (a: Fix['edits'][number], b: Fix['edits'][number]) => (a.start < b.end && b.start < a.end) || a.start === b.start || a.end === b.end;
  for (const fix of sorted) {
    const added = fix.edits.filter((edit) => !taken.some((t) => same(t, edit)));
    if (added.some((edit) => taken.some((t) => clash(t, edit)))) continue;
    taken.push(...added);
  }
  return toTextChanges({ description: '', edits: taken.sort((a, b) => a.start - b.start) });
}
