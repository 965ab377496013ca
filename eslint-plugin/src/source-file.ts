import type { Rule, SourceCode } from 'eslint';
// The module object itself: contracts read `ts.*` in hot loops. Its members are getters already
// (TypeScript's bundle exports them so); a namespace import would wrap each in a second one.
import ts = require('typescript');
import type { RunTarget } from 'qpq-contracts';
import { isBundledRuntimeFile } from 'qpq-contracts';

interface TypeScriptParserServices {
  esTreeNodeToTSNodeMap?: { get(node: unknown): ts.Node | undefined };
  program?: ts.Program | null;
}

// Every qpq rule asks for the same file's target: it is made once per file, for the first rule.
const targets = new WeakMap<SourceCode, RunTarget | null>();

/**
 * The TypeScript view of the file being linted, or undefined for a file of the runtime
 * `qpq-codemod bundle-runtime` writes (library code, not the project's stories). With the
 * typescript-eslint parser it is the parser's own SourceFile (and its program's checker when
 * typed); with any other parser the file is parsed once here, so the rules still work on plain
 * JavaScript configs.
 */
export function runTargetFor(context: Rule.RuleContext): RunTarget | undefined {
  const sourceCode = context.sourceCode;
  let target = targets.get(sourceCode);
  if (target === undefined) {
    target = isBundledRuntimeFile(sourceCode.text) ? null : targetOf(context, sourceCode);
    targets.set(sourceCode, target);
  }
  return target ?? undefined;
}

function targetOf(context: Rule.RuleContext, sourceCode: SourceCode): RunTarget {
  const services = sourceCode.parserServices as TypeScriptParserServices | undefined;
  const mapped = services?.esTreeNodeToTSNodeMap?.get(sourceCode.ast);
  if (mapped && mapped.kind === ts.SyntaxKind.SourceFile) {
    const program = services?.program ?? undefined;
    return { ts, sourceFile: mapped as ts.SourceFile, checker: program?.getTypeChecker(), program };
  }
  const sourceFile = ts.createSourceFile(context.filename, sourceCode.text, ts.ScriptTarget.Latest, true, scriptKindOf(context.filename));
  return { ts, sourceFile, checker: undefined };
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  if (/\.tsx$/i.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.[mc]?ts$/i.test(fileName)) return ts.ScriptKind.TS;
  if (/\.jsx$/i.test(fileName)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}
