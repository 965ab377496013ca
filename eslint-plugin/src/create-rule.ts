import type { Rule } from 'eslint';
import type { Contract, Finding, Fix } from 'qpq-contracts';
import { compatibleEdits, runContract } from 'qpq-contracts';

import { docsUrl } from './docs-url';
import { runTargetFor } from './source-file';

const reportedFailures = new Set<string>();

/** A contract's failure is told once per process and contract; the lint run goes on. */
function warnOnce(contract: Contract, fileName: string, error: unknown): void {
  const id = contract.meta.id;
  if (reportedFailures.has(id)) return;
  reportedFailures.add(id);
  const reason = error instanceof Error ? error.message : String(error);
  console.warn(`eslint-plugin-qpq: qpq/${id} failed on ${fileName} and skipped it: ${reason}`);
}

/** The ESLint face of a contract: it reports the contract's findings for the file, nothing more. */
export function ruleFromContract(contract: Contract): Rule.RuleModule {
  const { meta } = contract;
  return {
    meta: {
      type: meta.type,
      docs: {
        description: meta.description,
        recommended: meta.recommended !== false,
        url: docsUrl(meta.id),
      },
      fixable: meta.fixable ? 'code' : undefined,
      hasSuggestions: meta.hasSuggestions || undefined,
      messages: meta.messages,
      schema: [meta.schema],
      defaultOptions: [meta.defaultOptions],
    },
    create(context) {
      return {
        Program() {
          const target = runTargetFor(context);
          if (!target) return;
          const options = context.options[0] as Record<string, unknown> | undefined;
          const findings = runContract(contract, target, options, (failed, error) => warnOnce(failed, context.filename, error));
          for (const finding of findings) report(context, finding);
        },
      };
    },
  };
}

function report(context: Rule.RuleContext, finding: Finding): void {
  const { sourceCode } = context;
  context.report({
    messageId: finding.messageId,
    data: finding.data,
    loc: { start: sourceCode.getLocFromIndex(finding.start), end: sourceCode.getLocFromIndex(finding.end) },
    fix: finding.fix ? toFixer(finding.fix) : undefined,
    suggest: finding.suggestions?.map((suggestion) => ({ desc: suggestion.description, fix: toFixer(suggestion) })),
  });
}

// ESLint rejects a fix whose own edits overlap (even one edit given twice); the engine's rule for
// which edits go together is the same one `applyEdits` and the editor's fix-all follow.
function toFixer(fix: Fix): Rule.ReportFixer {
  return (fixer) => compatibleEdits(fix.edits).map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.newText));
}
