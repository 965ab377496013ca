import type { Rule, SourceCode } from 'eslint';
// The module object itself: contracts read `ts.*` in hot loops, and a namespace import would hand
// them a copy whose every member is a getter.
import ts = require('typescript');
import type { RunTarget } from 'qpq-contracts';

interface TypeScriptParserServices {
  esTreeNodeToTSNodeMap?: { get(node: unknown): ts.Node | undefined };
  program?: ts.Program | null;
}

const parsedByUs = new WeakMap<SourceCode, ts.SourceFile>();

/**
 * The TypeScript view of the file being linted. With the typescript-eslint parser it is the
 * parser's own SourceFile (and its program's checker when typed); with any other parser the file
 * is parsed once here, so the rules still work on plain JavaScript configs.
 */
export function runTargetFor(context: Rule.RuleContext): RunTarget {
  const sourceCode = context.sourceCode;
  const services = sourceCode.parserServices as TypeScriptParserServices | undefined;
  const mapped = services?.esTreeNodeToTSNodeMap?.get(sourceCode.ast);
  if (mapped && mapped.kind === ts.SyntaxKind.SourceFile) {
    const program = services?.program ?? undefined;
    return { ts, sourceFile: mapped as ts.SourceFile, checker: program?.getTypeChecker(), program };
  }
  let sourceFile = parsedByUs.get(sourceCode);
  if (!sourceFile) {
    sourceFile = ts.createSourceFile(context.filename, sourceCode.text, ts.ScriptTarget.Latest, true, scriptKindOf(context.filename));
    parsedByUs.set(sourceCode, sourceFile);
  }
  return { ts, sourceFile, checker: undefined };
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  if (/\.tsx$/i.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.[mc]?ts$/i.test(fileName)) return ts.ScriptKind.TS;
  if (/\.jsx$/i.test(fileName)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}
