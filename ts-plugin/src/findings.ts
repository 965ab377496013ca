import type { Contract, Finding, RunTarget } from 'qpq-contracts';
import { contractRun, isBundledRuntimeFile } from 'qpq-contracts';
import type * as ts from 'typescript';

import type { Severity } from './options';
import { describeError, type PluginContext } from './plugin-context';
import { Suppressions, type UnusedDirectiveRule } from './suppressions';

/** A finding the editor shows, with the rule that made it and the severity it shows with. */
export interface Reported {
  contract: Contract;
  finding: Finding;
  severity: Severity;
}

/** What the plugin knows about one file for one request. */
export interface FileFindings {
  sourceFile: ts.SourceFile;
  /** Every enabled rule's findings, less those ESLint's disable comments silence. */
  reported: Reported[];
  /** Rules named in disable directives that silence nothing (see Suppressions.unusedRules). */
  unusedDirectiveRules: UnusedDirectiveRule[];
}

/** What the contracts run on for a file, or undefined for a file the plugin leaves alone. */
function runTarget(context: PluginContext, fileName: string, fileChecked: boolean): RunTarget | undefined {
  const { tsm, inner } = context;
  const program = inner.getProgram();
  const sourceFile = program?.getSourceFile(fileName);
  if (!program || !sourceFile || isBundledRuntimeFile(sourceFile.text)) return undefined;
  return context.settings().typeAware
    ? { ts: tsm, sourceFile, checker: program.getTypeChecker(), program, fileChecked }
    : { ts: tsm, sourceFile, checker: undefined };
}

/**
 * Runs every enabled rule on the file (each contract's findings are cached per file version and
 * options, so asking again is cheap) and reads its disable directives. `fileChecked`: TypeScript
 * has just checked the file with the program's checker (its semantic or suggestion diagnostics),
 * so the rules may ask the checker for what it resolved there.
 */
export function fileFindings(context: PluginContext, fileName: string, fileChecked = false): FileFindings | undefined {
  const target = runTarget(context, fileName, fileChecked);
  if (!target) return undefined;
  // tsserver asks for semantic and suggestion diagnostics, then code fixes, of one file version:
  // one result serves them all until the file, the checker or the plugin's settings change.
  const settings = context.settings();
  const known = lastFindings.get(target.sourceFile);
  if (known && known.settings === settings && known.checker === target.checker) return known.result;
  const result = findingsOf(context, target);
  lastFindings.set(target.sourceFile, { settings, checker: target.checker, result });
  return result;
}

const lastFindings = new WeakMap<ts.SourceFile, { settings: object; checker: ts.TypeChecker | undefined; result: FileFindings }>();

function findingsOf(context: PluginContext, target: RunTarget): FileFindings {
  const { tsm, contracts, log } = context;
  const { rules, typeAware } = context.settings();
  const suppressions = Suppressions.of(tsm, target.sourceFile);
  const reported: Reported[] = [];
  const all: Array<{ ruleId: string; start: number }> = [];
  const judged = new Set<string>();
  for (const contract of contracts) {
    const { severity, options } = rules.get(contract.meta.id) ?? { severity: 'off', options: undefined };
    if (severity === 'off') continue;
    const ruleId = `qpq/${contract.meta.id}`;
    const { findings, failed } = contractRun(contract, target, options, (broken, error) =>
      log(`qpq/${broken.meta.id} failed on ${target.sourceFile.fileName} and was skipped: ${describeError(error)}`),
    );
    // A directive is judged only where the editor sees all a typed lint run sees: the rule really
    // ran (a failed run's empty findings are cached like any others), with types if it needs them.
    if (!failed && (typeAware || !contract.meta.typeAware)) judged.add(ruleId);
    for (const finding of findings) {
      all.push({ ruleId, start: finding.start });
      if (!suppressions.isSuppressed(ruleId, finding.start)) reported.push({ contract, finding, severity });
    }
  }
  const unusedDirectiveRules = suppressions.directives.length > 0 ? suppressions.unusedRules(all, (ruleId) => judged.has(ruleId)) : [];
  return { sourceFile: target.sourceFile, reported, unusedDirectiveRules };
}
