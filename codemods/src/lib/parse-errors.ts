import { ts } from 'ts-morph';

/** A syntax error, 1-based. */
export interface ParseError {
  line: number;
  column: number;
  message: string;
}

/**
 * The first syntax error TypeScript's parser found in a file, or undefined when it parses. The
 * parser keeps its diagnostics on the source file, and only a program hands them out publicly;
 * building one for that would cost a second pass over every file and add the checks a program
 * makes of JavaScript files beyond the parser's. This is the one place that reads them.
 */
export function firstParseError(sourceFile: ts.SourceFile): ParseError | undefined {
  const diagnostics: unknown = Reflect.get(sourceFile, 'parseDiagnostics');
  const first = Array.isArray(diagnostics) ? (diagnostics[0] as ts.Diagnostic | undefined) : undefined;
  if (!first) return undefined;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0);
  return { line: line + 1, column: character + 1, message: ts.flattenDiagnosticMessageText(first.messageText, ' ') };
}
