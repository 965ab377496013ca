import { isBundledRuntimeFile, runContract } from 'qpq-contracts';
import type { Contract, Finding, RunTarget } from 'qpq-contracts';
import type { Severity } from './options';
import { describeError, type PluginContext } from './plugin-context';
import { Suppressions } from './suppressions';

/** A finding the editor shows, with the rule that made it and the severity it shows with. */
export interface Reported {
  contract: Contract;
  finding: Finding;
  severity: Severity;
}

/** What the contracts run on for a file, or undefined for a file the plugin leaves alone. */
export function runTarget(context: PluginContext, fileName: string): RunTarget | undefined {
  const { tsm, inner } = context;
  const program = inner.getProgram();
  const sourceFile = program?.getSourceFile(fileName);
  if (!program || !sourceFile || isBundledRuntimeFile(sourceFile.text)) return undefined;
  return context.settings().typeAware
    ? { ts: tsm, sourceFile, checker: program.getTypeChecker(), program }
    : { ts: tsm, sourceFile, checker: undefined };
}

/** Every enabled rule's findings for the file, less those ESLint's disable comments silence. */
export function allFindings(context: PluginContext, fileName: string): Reported[] {
  const target = runTarget(context, fileName);
  if (!target) return [];
  const { tsm, contracts, log } = context;
  const { rules } = context.settings();
  const suppressions = Suppressions.of(tsm, target.sourceFile);
  const reported: Reported[] = [];
  for (const contract of contracts) {
    const { severity, options } = rules.get(contract.meta.id) ?? { severity: 'off', options: undefined };
    if (severity === 'off') continue;
    const findings = runContract(contract, target, options, (failed, error) => {
      log(`qpq/${failed.meta.id} failed on ${target.sourceFile.fileName} and was skipped: ${describeError(error)}`);
    });
    for (const finding of findings) {
      if (!suppressions.isSuppressed(`qpq/${contract.meta.id}`, finding.start)) reported.push({ contract, finding, severity });
    }
  }
  return reported;
}
