import type * as ts from 'typescript';
import type { Contract, Finding, Fix } from 'qpq-contracts';
import { allFindings } from '../findings';
import type { PluginContext } from '../plugin-context';

/** Fix ids of the plugin's fix-all actions: `qpq/<rule>`. TypeScript's own never start so. */
const FIX_ID_PREFIX = 'qpq/';

/**
 * Quick fixes: each finding's autofix and suggestions at the cursor, a fix-all per rule for the
 * file, and the rules' diagnostic codes among the codes tsserver asks fixes for.
 */
export function codeFixes(
  context: PluginContext,
): Pick<ts.LanguageService, 'getCodeFixesAtPosition' | 'getCombinedCodeFix' | 'getSupportedCodeFixes'> {
  const { inner, guarded, contracts } = context;
  return {
    getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences) {
      const own = inner.getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences);
      const qpq = guarded('getCodeFixesAtPosition', [] as ts.CodeFixAction[], () =>
        allFindings(context, fileName)
          .filter(({ contract, finding }) => errorCodes.includes(contract.meta.diagnosticCode) && overlaps(finding, start, end))
          .flatMap(({ contract, finding }) => codeFixesOf(contract, finding, fileName)),
      );
      return qpq.length > 0 ? [...own, ...qpq] : own;
    },

    getCombinedCodeFix(scope, fixId, formatOptions, preferences) {
      if (typeof fixId !== 'string' || !fixId.startsWith(FIX_ID_PREFIX)) {
        return inner.getCombinedCodeFix(scope, fixId, formatOptions, preferences);
      }
      return guarded('getCombinedCodeFix', { changes: [] } as ts.CombinedCodeActions, () => {
        const fileName = scope.fileName;
        const ruleId = fixId.slice(FIX_ID_PREFIX.length);
        const fixes = allFindings(context, fileName)
          .filter(({ contract, finding }) => contract.meta.id === ruleId && finding.fix)
          .map(({ finding }) => finding.fix!);
        return { changes: [{ fileName, textChanges: nonOverlappingChanges(fixes) }] };
      });
    },

    getSupportedCodeFixes(fileName?: string) {
      const own = inner.getSupportedCodeFixes(fileName);
      return [...own, ...contracts.map((contract) => String(contract.meta.diagnosticCode))];
    },
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
  const clash = (a: Fix['edits'][number], b: Fix['edits'][number]) =>
    (a.start < b.end && b.start < a.end) || a.start === b.start || a.end === b.end;
  for (const fix of sorted) {
    const added = fix.edits.filter((edit) => !taken.some((t) => same(t, edit)));
    if (added.some((edit) => taken.some((t) => clash(t, edit)))) continue;
    taken.push(...added);
  }
  return toTextChanges({ description: '', edits: taken.sort((a, b) => a.start - b.start) });
}
