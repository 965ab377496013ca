import type { Contract, Finding, Fix, TextEdit } from 'qpq-contracts';
import { compatibleEdits } from 'qpq-contracts';
import type * as ts from 'typescript';

import { disableForFile, disableForLine, removeUnusedRule } from '../directive-edits';
import { fileFindings } from '../findings';
import type { PluginContext } from '../plugin-context';
import { UNUSED_DIRECTIVE_CODE } from './diagnostics';

/** Fix ids of the plugin's fix-all actions: `qpq/<rule>`. TypeScript's own never start so. */
const FIX_ID_PREFIX = 'qpq/';

/** Fix names of the fixes that write or remove ESLint directives. */
const DISABLE_FOR_LINE = 'qpq-disable-for-line';
const DISABLE_FOR_FILE = 'qpq-disable-for-file';
const REMOVE_UNUSED_DIRECTIVE = 'qpq-remove-unused-directive';

/**
 * Quick fixes: each finding's autofix and suggestions at the cursor, then "Disable <rule> for
 * this line" and "... for this file" as ESLint directives; a fix-all per rule for the file; the
 * removal of a rule from a disable directive that silences nothing; and the codes of all of
 * these among the codes tsserver asks fixes for.
 */
export function codeFixes(
  context: PluginContext,
): Pick<ts.LanguageService, 'getCodeFixesAtPosition' | 'getCombinedCodeFix' | 'getSupportedCodeFixes'> {
  const { inner, guarded, contracts } = context;
  return {
    getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences) {
      const own = inner.getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences);
      const qpq = guarded('getCodeFixesAtPosition', [] as ts.CodeFixAction[], () => {
        const file = fileFindings(context, fileName);
        if (!file) return [];
        const actions = file.reported
          .filter(({ contract, finding }) => errorCodes.includes(contract.meta.diagnosticCode) && overlaps(finding, start, end))
          .flatMap(({ contract, finding }) => [
            ...codeFixesOf(contract, finding, fileName),
            ...disableFixesOf(context.tsm, file.sourceFile, fileName, `qpq/${contract.meta.id}`, finding),
          ]);
        if (errorCodes.includes(UNUSED_DIRECTIVE_CODE)) {
          for (const unused of file.unusedDirectiveRules) {
            if (!overlaps(unused.rule, start, end)) continue;
            const fix = removeUnusedRule(file.sourceFile.text, unused);
            actions.push({
              fixName: REMOVE_UNUSED_DIRECTIVE,
              description: fix.description,
              changes: [{ fileName, textChanges: toTextChanges(fix) }],
            });
          }
        }
        return actions;
      });
      return qpq.length > 0 ? [...own, ...qpq] : own;
    },

    getCombinedCodeFix(scope, fixId, formatOptions, preferences) {
      if (typeof fixId !== 'string' || !fixId.startsWith(FIX_ID_PREFIX)) {
        return inner.getCombinedCodeFix(scope, fixId, formatOptions, preferences);
      }
      return guarded('getCombinedCodeFix', { changes: [] } as ts.CombinedCodeActions, () => {
        const fileName = scope.fileName;
        const ruleId = fixId.slice(FIX_ID_PREFIX.length);
        const fixes = (fileFindings(context, fileName)?.reported ?? [])
          .filter(({ contract, finding }) => contract.meta.id === ruleId && finding.fix)
          .map(({ finding }) => finding.fix!);
        return { changes: [{ fileName, textChanges: fixAllChanges(fixes) }] };
      });
    },

    getSupportedCodeFixes(fileName?: string) {
      const own = inner.getSupportedCodeFixes(fileName);
      return [...own, ...contracts.map((contract) => String(contract.meta.diagnosticCode)), String(UNUSED_DIRECTIVE_CODE)];
    },
  };
}

function overlaps(span: { start: number; end: number }, start: number, end: number): boolean {
  return span.start <= end && start <= span.end;
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

/** The two fixes every finding has: silence it on its line, or in the whole file. */
function disableFixesOf(tsm: typeof ts, sourceFile: ts.SourceFile, fileName: string, ruleId: string, finding: Finding): ts.CodeFixAction[] {
  const actions: ts.CodeFixAction[] = [];
  const line = disableForLine(tsm, sourceFile, ruleId, finding.start);
  if (line)
    actions.push({ fixName: DISABLE_FOR_LINE, description: line.description, changes: [{ fileName, textChanges: toTextChanges(line) }] });
  const file = disableForFile(tsm, sourceFile, ruleId);
  actions.push({ fixName: DISABLE_FOR_FILE, description: file.description, changes: [{ fileName, textChanges: toTextChanges(file) }] });
  return actions;
}

function toTextChanges(fix: Fix): ts.TextChange[] {
  return fix.edits.map((edit) => ({ span: { start: edit.start, length: edit.end - edit.start }, newText: edit.newText }));
}

/**
 * Fix-all makes a fix whole or not at all, as `eslint --fix` does per pass: a fix whose edits
 * `compatibleEdits` cannot keep beside those of the fixes before it (by position) is left out.
 * Which edits go together is decided by the same function the codemods and `applyEdits` use, so
 * the editor's fix-all and the other paths write the same file.
 */
function fixAllChanges(fixes: Fix[]): ts.TextChange[] {
  const firstStart = (fix: Fix) => Math.min(...fix.edits.map((edit) => edit.start));
  const sorted = [...fixes].sort((a, b) => firstStart(a) - firstStart(b));
  let taken: TextEdit[] = [];
  for (const fix of sorted) {
    let clashes = false;
    const together = compatibleEdits([...taken, ...fix.edits], () => (clashes = true));
    if (!clashes) taken = together;
  }
  return toTextChanges({ description: '', edits: taken });
}
