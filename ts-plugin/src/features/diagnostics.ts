import type * as ts from 'typescript';
import type { Contract, Finding } from 'qpq-contracts';
import { allFindings } from '../findings';
import type { Severity } from '../options';
import type { PluginContext } from '../plugin-context';
import { timed } from '../timings';

/**
 * Squiggles: the findings of rules set to "error" or "warning" join the semantic diagnostics,
 * those set to "suggestion" the suggestion diagnostics, after TypeScript's own.
 */
export function diagnostics(context: PluginContext): Pick<ts.LanguageService, 'getSemanticDiagnostics' | 'getSuggestionDiagnostics'> {
  const { tsm, inner, guarded } = context;

  function diagnosticsOf(fileName: string, wanted: (severity: Severity) => boolean): ts.Diagnostic[] {
    const sourceFile = inner.getProgram()?.getSourceFile(fileName);
    return allFindings(context, fileName)
      .filter(({ severity }) => wanted(severity))
      .map(({ contract, finding, severity }) => toDiagnostic(tsm, contract, finding, severity, sourceFile));
  }

  return {
    getSemanticDiagnostics(fileName) {
      const own = inner.getSemanticDiagnostics(fileName);
      const qpq = timed('diagnosticsMs', () =>
        guarded('getSemanticDiagnostics', [] as ts.Diagnostic[], () => diagnosticsOf(fileName, (severity) => severity !== 'suggestion')),
      );
      return qpq.length > 0 ? [...own, ...qpq] : own;
    },

    getSuggestionDiagnostics(fileName) {
      const own = inner.getSuggestionDiagnostics(fileName);
      const qpq = guarded(
        'getSuggestionDiagnostics',
        [] as ts.DiagnosticWithLocation[],
        () => diagnosticsOf(fileName, (severity) => severity === 'suggestion') as ts.DiagnosticWithLocation[],
      );
      return qpq.length > 0 ? [...own, ...qpq] : own;
    },
  };
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
