import type { Contract, Finding } from 'qpq-contracts';
import type * as ts from 'typescript';

import { fileFindings } from '../findings';
import type { Severity } from '../options';
import type { PluginContext } from '../plugin-context';
import type { UnusedDirectiveRule } from '../suppressions';
import { timed } from '../timings';

/**
 * The code of the suggestion on a disable directive that silences nothing. Below every rule's
 * code: rules are numbered from 990001 up.
 */
export const UNUSED_DIRECTIVE_CODE = 990000;

/**
 * Squiggles: the findings of rules set to "error" or "warning" join the semantic diagnostics,
 * those set to "suggestion" the suggestion diagnostics, after TypeScript's own; a qpq rule named
 * in a disable directive that silences nothing is a suggestion too.
 */
export function diagnostics(context: PluginContext): Pick<ts.LanguageService, 'getSemanticDiagnostics' | 'getSuggestionDiagnostics'> {
  const { tsm, inner, guarded } = context;

  return {
    getSemanticDiagnostics(fileName) {
      const own = inner.getSemanticDiagnostics(fileName);
      const qpq = timed('diagnosticsMs', () =>
        guarded('getSemanticDiagnostics', [] as ts.Diagnostic[], () => {
          const file = fileFindings(context, fileName, true);
          if (!file) return [];
          return file.reported
            .filter(({ severity }) => severity !== 'suggestion')
            .map(({ contract, finding, severity }) => toDiagnostic(tsm, contract, finding, severity, file.sourceFile));
        }),
      );
      return qpq.length > 0 ? [...own, ...qpq] : own;
    },

    getSuggestionDiagnostics(fileName) {
      const own = inner.getSuggestionDiagnostics(fileName);
      const qpq = guarded('getSuggestionDiagnostics', [] as ts.DiagnosticWithLocation[], () => {
        const file = fileFindings(context, fileName, true);
        if (!file) return [];
        return [
          ...file.reported
            .filter(({ severity }) => severity === 'suggestion')
            .map(({ contract, finding, severity }) => toDiagnostic(tsm, contract, finding, severity, file.sourceFile)),
          ...file.unusedDirectiveRules.map((unused) => unusedDirectiveDiagnostic(tsm, unused, file.sourceFile)),
        ].sort((a, b) => a.start - b.start);
      });
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
  file: ts.SourceFile,
): ts.DiagnosticWithLocation {
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

function unusedDirectiveDiagnostic(tsm: typeof ts, { rule }: UnusedDirectiveRule, file: ts.SourceFile): ts.DiagnosticWithLocation {
  return {
    file,
    start: rule.start,
    length: rule.end - rule.start,
    messageText: `Unused eslint-disable directive: ${rule.name} reports nothing where this directive applies.`,
    category: tsm.DiagnosticCategory.Suggestion,
    code: UNUSED_DIRECTIVE_CODE,
    source: 'qpq',
    reportsUnnecessary: true,
  };
}
