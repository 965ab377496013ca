import type * as ts from 'typescript';

import type { TextEdit } from '../types';

type Tsm = typeof ts;

/** Edits to object literals and argument lists that keep their layout (one element per line, or one line). */

function lineStart(text: string, position: number): number {
  return text.lastIndexOf('\n', position - 1) + 1;
}

function onOwnLine(text: string, position: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, position), position));
}

function skipSpaces(text: string, position: number): number {
  while (position < text.length && (text[position] === ' ' || text[position] === '\t')) position++;
  return position;
}

/** The comma right after `node` (comments skipped), or -1. */
function commaAfter(tsm: Tsm, sf: ts.SourceFile, node: ts.Node): number {
  const scanner = tsm.createScanner(tsm.ScriptTarget.Latest, true, sf.languageVariant, sf.text, undefined, node.end);
  return scanner.scan() === tsm.SyntaxKind.CommaToken ? tokenStart(scanner) : -1;
}

function trailingCommentEnd(tsm: Tsm, text: string, position: number): number {
  const ranges = tsm.getTrailingCommentRanges(text, position) ?? [];
  return ranges.length > 0 ? ranges[ranges.length - 1].end : position;
}

/** Removes element `index` of a list (its line when it has one of its own, else the element and a comma). */
export function removeElement(tsm: Tsm, sf: ts.SourceFile, elements: readonly ts.Node[], index: number, open: number): TextEdit {
  const text = sf.text;
  const element = elements[index];
  const start = element.getStart(sf);
  const comma = commaAfter(tsm, sf, element);
  const last = index === elements.length - 1;
  if (onOwnLine(text, start)) {
    const after = skipSpaces(text, trailingCommentEnd(tsm, text, comma !== -1 ? comma + 1 : element.end));
    if (text[after] === '\n' || text[after] === '\r' || after >= text.length) {
      const end = text[after] === '\r' ? after + 2 : after + 1;
      if (last && comma === -1 && index > 0) {
        // The last element without a trailing comma: the comma before it goes too.
        const previousComma = commaAfter(tsm, sf, elements[index - 1]);
        return { start: previousComma, end: Math.min(end, text.length), newText: text.slice(previousComma + 1, lineStart(text, start)) };
      }
      return { start: lineStart(text, start), end: Math.min(end, text.length), newText: '' };
    }
  }
  if (!last) return { start, end: skipSpaces(text, comma + 1), newText: '' };
  // The only element, on one line: the list is left empty (`{}`), without the spaces it had.
  if (index === 0) return { start: open + 1, end: skipSpaces(text, comma !== -1 ? comma + 1 : element.end), newText: '' };
  return { start: elements[index - 1].end, end: element.end, newText: '' };
}

/** Inserts `item` as the last element of a list that closes at `close`. */
export function appendElement(
  tsm: Tsm,
  sf: ts.SourceFile,
  elements: readonly ts.Node[],
  open: number,
  close: number,
  item: string,
): TextEdit {
  const text = sf.text;
  if (elements.length === 0) {
    const isObject = text[open] === '{';
    const multiline = text.slice(open, close).includes('\n');
    if (multiline) {
      const indentation = /^[ \t]*/.exec(text.slice(lineStart(text, close)))![0];
      return { start: open + 1, end: close, newText: `\n${indentation}  ${item},\n${indentation}` };
    }
    return { start: open + 1, end: close, newText: isObject ? ` ${item} ` : item };
  }
  const last = elements[elements.length - 1];
  const lastStart = last.getStart(sf);
  const comma = commaAfter(tsm, sf, last);
  if (onOwnLine(text, lastStart) && text.slice(open, lastStart).includes('\n')) {
    const indentation = /^[ \t]*/.exec(text.slice(lineStart(text, lastStart)))![0];
    const afterLast = trailingCommentEnd(tsm, text, comma !== -1 ? comma + 1 : last.end);
    const lineEnd = text.indexOf('\n', afterLast);
    if (lineEnd !== -1 && /^[ \t\r]*$/.test(text.slice(afterLast, lineEnd))) {
      const trailing = comma !== -1 ? ',' : '';
      const prefix = comma === -1 ? [{ at: last.end, text: ',' }] : [];
      // One edit: the comma after the last element (when missing) and the new line after it.
      const start = prefix.length > 0 ? last.end : lineEnd + 1;
      const between = prefix.length > 0 ? `,${text.slice(last.end, lineEnd + 1)}` : '';
      return { start, end: lineEnd + 1, newText: `${between}${indentation}${item}${trailing}\n` };
    }
  }
  if (comma !== -1) return { start: comma + 1, end: comma + 1, newText: ` ${item},` };
  return { start: last.end, end: last.end, newText: `, ${item}` };
}

/** The position of the opening `(` of a call's arguments and of its closing `)`. */
export function argumentBounds(tsm: Tsm, sf: ts.SourceFile, call: ts.CallExpression | ts.NewExpression): { open: number; close: number } {
  const open = (call.arguments?.pos ?? call.end) - 1;
  const scanner = tsm.createScanner(tsm.ScriptTarget.Latest, true, sf.languageVariant, sf.text, undefined, call.arguments?.end ?? open + 1);
  for (let token = scanner.scan(); token !== tsm.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === tsm.SyntaxKind.CloseParenToken) return { open, close: tokenStart(scanner) };
  }
  return { open, close: call.end - 1 };
}

/** Where the scanner's current token starts: `getTokenStart` since TypeScript 5.1, `getTokenPos` before. */
function tokenStart(scanner: ts.Scanner): number {
  const modern = (scanner as { getTokenStart?: () => number }).getTokenStart;
  return modern ? modern.call(scanner) : scanner.getTokenPos();
}
