import { applyEdits as applyTextEdits } from 'qpq-contracts';
import { ts } from 'ts-morph';

/** A replacement of `text.slice(start, end)`; inserted text uses `\n` and is given the file's line ends. */
export interface Edit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Edits of one change that overlap: they cannot all be made, and leaving one out would leave the
 * file half changed, so the change is not made and the file is reported with the place.
 */
export class OverlappingEdits extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    /** The file, when the caller knows it (the runner names the file of a source transform itself). */
    readonly file?: string,
  ) {
    super(`two edits overlap at ${file ? `${file}:` : ''}${line}:${column}, so they cannot both be made`);
  }

  /** The message with the file as the report shows it. */
  describe(display: (file: string) => string): string {
    return `two edits overlap at ${this.file ? `${display(this.file)}:` : ''}${this.line}:${this.column}, so they cannot both be made`;
  }
}

/**
 * Applies edits with qpq-contracts' rules (an insertion at the start of a replaced range goes
 * before it, an edit given twice is one change, overlapping deletions delete their union) and
 * gives inserted text the file's line ends. Any other overlap throws `OverlappingEdits`: a
 * codemod never leaves an edit out without saying so.
 */
export function applyEdits(text: string, edits: readonly Edit[], eol = '\n', file?: string): string {
  const converted = eol === '\n' ? edits : edits.map((edit) => ({ ...edit, newText: edit.newText.replace(/\r?\n/g, eol) }));
  let overlap: Edit | undefined;
  const result = applyTextEdits(text, converted, (edit) => (overlap ??= edit));
  if (overlap) {
    const before = text.slice(0, overlap.start).split('\n');
    throw new OverlappingEdits(before.length, before[before.length - 1].length + 1, file);
  }
  return result;
}

// ---- positions and lines

export function lineOf(sourceFile: ts.SourceFile, position: number): number {
  return sourceFile.getLineAndCharacterOfPosition(position).line;
}

/** The position where the line holding `position` starts. */
export function lineStart(text: string, position: number): number {
  let k = position;
  while (k > 0 && text[k - 1] !== '\n') k--;
  return k;
}

/** The spaces and tabs that start the line holding `position`. */
export function indentationAt(text: string, position: number): string {
  const start = lineStart(text, position);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** True when only spaces or tabs stand between the line start and `position`. */
function startsLine(text: string, position: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, position), position));
}

/** The position after `position` and any spaces or tabs. */
function skipSpaces(text: string, position: number): number {
  while (position < text.length && (text[position] === ' ' || text[position] === '\t')) position++;
  return position;
}

/** After `position`: spaces, then the end of the line (its line break included), or undefined when code follows. */
export function endOfLineAfter(text: string, position: number): number | undefined {
  const k = skipSpaces(text, position);
  if (k >= text.length) return k;
  if (text[k] === '\n') return k + 1;
  if (text[k] === '\r' && text[k + 1] === '\n') return k + 2;
  return undefined;
}

/** The comma after `node` in its list (comments skipped), or undefined. */
function commaAfter(sourceFile: ts.SourceFile, node: ts.Node): number | undefined {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, sourceFile.languageVariant, sourceFile.text, undefined, node.end);
  return scanner.scan() === ts.SyntaxKind.CommaToken ? scanner.getTokenStart() : undefined;
}

/** The end of comments that follow `position` on the same line. */
export function trailingCommentsEnd(text: string, position: number): number {
  const ranges = ts.getTrailingCommentRanges(text, position) ?? [];
  return ranges.length > 0 ? ranges[ranges.length - 1].end : position;
}

/** Where the comments that stand on their own lines right before `node` begin (or the node's start). */
export function leadingOwnLineStart(sourceFile: ts.SourceFile, node: ts.Node, after: number): number {
  const text = sourceFile.text;
  const start = node.getStart(sourceFile);
  const comments = (ts.getLeadingCommentRanges(text, node.pos) ?? []).filter((c) => c.pos >= after);
  for (const comment of comments) {
    if (startsLine(text, comment.pos) && lineOf(sourceFile, comment.pos) > lineOf(sourceFile, after)) return comment.pos;
  }
  return start;
}

/** A list laid out one element per line (or more lines than one). */
export function isMultiline(sourceFile: ts.SourceFile, open: number, elements: readonly ts.Node[], close: number): boolean {
  if (elements.length === 0) return lineOf(sourceFile, open) !== lineOf(sourceFile, close);
  return lineOf(sourceFile, open) !== lineOf(sourceFile, elements[0].getStart(sourceFile));
}

export interface ListShape {
  /** Position of the opening bracket or parenthesis. */
  open: number;
  /** Position of the closing bracket or parenthesis. */
  close: number;
  elements: readonly ts.Node[];
}

export function callList(sourceFile: ts.SourceFile, call: ts.CallExpression): ListShape {
  const open = call.arguments.pos - 1;
  const close = closingToken(sourceFile, call.arguments.end, ts.SyntaxKind.CloseParenToken);
  return { open, close, elements: call.arguments };
}

export function arrayList(sourceFile: ts.SourceFile, array: ts.ArrayLiteralExpression): ListShape {
  return { open: array.getStart(sourceFile), close: array.end - 1, elements: array.elements };
}

export function objectList(sourceFile: ts.SourceFile, object: ts.ObjectLiteralExpression): ListShape {
  return { open: object.getStart(sourceFile), close: object.end - 1, elements: object.properties };
}

export function namedImportsList(sourceFile: ts.SourceFile, named: ts.NamedImports | ts.NamedExports): ListShape {
  return { open: named.getStart(sourceFile), close: named.end - 1, elements: named.elements };
}

function closingToken(sourceFile: ts.SourceFile, from: number, kind: ts.SyntaxKind): number {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, sourceFile.languageVariant, sourceFile.text, undefined, from);
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === kind) return scanner.getTokenStart();
  }
  throw new Error('no closing token');
}

/**
 * Removes element `index` of a list with what belongs to it: in a list with one element per line,
 * its whole lines (comment lines above it, its comma and a comment after it on its line); on one
 * line, the element and one comma.
 */
export function removeListElement(sourceFile: ts.SourceFile, list: ListShape, index: number): Edit[] {
  const text = sourceFile.text;
  const { elements } = list;
  const element = elements[index];
  const elementStart = element.getStart(sourceFile);
  const previousEnd = index === 0 ? list.open + 1 : elements[index - 1].end;
  const comma = commaAfter(sourceFile, element);
  const isLast = index === elements.length - 1;

  if (elements.length === 1) {
    // The only element: the list becomes empty, keeping comments that stand alone.
    const end = comma !== undefined ? comma + 1 : element.end;
    if (isMultiline(sourceFile, list.open, elements, list.close) && startsLine(text, elementStart)) {
      const start = lineStart(text, leadingOwnLineStart(sourceFile, element, previousEnd));
      const lineEnd = endOfLineAfter(text, trailingCommentsEnd(text, end));
      if (lineEnd !== undefined) return [{ start, end: lineEnd, newText: '' }];
    }
    return [{ start: skipSpaces(text, previousEnd), end, newText: '' }];
  }

  const first = leadingOwnLineStart(sourceFile, element, previousEnd);
  if (startsLine(text, first)) {
    const afterElement = trailingCommentsEnd(text, comma !== undefined ? comma + 1 : element.end);
    const lineEnd = endOfLineAfter(text, afterElement);
    if (lineEnd !== undefined) {
      const edits: Edit[] = [{ start: lineStart(text, first), end: lineEnd, newText: '' }];
      // The last element without a trailing comma: the comma before it goes too.
      if (isLast && comma === undefined) {
        const previousComma = commaAfter(sourceFile, elements[index - 1])!;
        edits.push({ start: previousComma, end: previousComma + 1, newText: '' });
      }
      return edits;
    }
  }
  if (!isLast) {
    // `a, /* c */ X, b` -> `a, b`: the element with comments before it on its line, its comma and the spaces after it.
    const after = index === 0 ? list.open + 1 : commaAfter(sourceFile, elements[index - 1])! + 1;
    const start = skipSpaces(text, after);
    return [{ start: text[start] === '\n' || text[start] === '\r' ? elementStart : start, end: skipSpaces(text, comma! + 1), newText: '' }];
  }
  // `a, X` -> `a`: the comma before it and the element (a trailing comma stays).
  return [{ start: elements[index - 1].end, end: element.end, newText: '' }];
}

/**
 * Inserts `itemText` after element `afterIndex` (-1: first) following the list's layout:
 * a new line with the same indentation in a list with one element per line, `, item` on one line.
 */
export function insertListElement(sourceFile: ts.SourceFile, list: ListShape, afterIndex: number, itemText: string): Edit[] {
  const text = sourceFile.text;
  const { elements } = list;
  const multiline = isMultiline(sourceFile, list.open, elements, list.close);

  if (elements.length === 0) {
    if (!multiline) {
      const isObject = text[list.open] === '{';
      return [{ start: list.open + 1, end: list.close, newText: isObject ? ` ${itemText} ` : itemText }];
    }
    const indentation = indentationAt(text, list.close) + guessIndentUnit(text);
    return [{ start: list.open + 1, end: list.open + 1, newText: `\n${indentation}${itemText}` }];
  }

  if (afterIndex < 0) {
    const first = elements[0];
    const firstStart = leadingOwnLineStart(sourceFile, first, list.open + 1);
    if (multiline && startsLine(text, firstStart)) {
      const indentation = indentationAt(text, firstStart);
      return [{ start: lineStart(text, firstStart), end: lineStart(text, firstStart), newText: `${indentation}${itemText},\n` }];
    }
    return [{ start: first.getStart(sourceFile), end: first.getStart(sourceFile), newText: `${itemText}, ` }];
  }

  const anchor = elements[afterIndex];
  const isLast = afterIndex === elements.length - 1;
  const comma = commaAfter(sourceFile, anchor);
  if (multiline && startsLine(text, anchor.getStart(sourceFile))) {
    const indentation = indentationAt(text, anchor.getStart(sourceFile));
    const afterAnchor = trailingCommentsEnd(text, comma !== undefined ? comma + 1 : anchor.end);
    const lineEnd = endOfLineAfter(text, afterAnchor);
    if (lineEnd !== undefined) {
      const trailingComma = !isLast || comma !== undefined;
      const edits: Edit[] = [];
      if (comma === undefined) edits.push({ start: anchor.end, end: anchor.end, newText: ',' });
      edits.push({ start: lineEnd, end: lineEnd, newText: `${indentation}${itemText}${trailingComma ? ',' : ''}\n` });
      return edits;
    }
  }
  return [{ start: anchor.end, end: anchor.end, newText: `, ${itemText}` }];
}

/** The indentation step the file uses (two spaces when it cannot tell). */
export function guessIndentUnit(text: string): string {
  const match = /\n(\t+|[ ]{2,8})\S/.exec(text);
  if (!match) return '  ';
  return match[1].startsWith('\t') ? '\t' : match[1].length % 4 === 0 && !/\n {2}\S/.test(text) ? '    ' : '  ';
}

/** Replaces a node's text (leading trivia kept). */
export function replaceNode(sourceFile: ts.SourceFile, node: ts.Node, newText: string): Edit {
  return { start: node.getStart(sourceFile), end: node.end, newText };
}

/**
 * Removes several elements of one list. A run of removed elements that ends the list takes the
 * comma before it along (`[a, X, Y]` -> `[a]`); other elements go one by one.
 */
export function removeListElements(sourceFile: ts.SourceFile, list: ListShape, indices: readonly number[]): Edit[] {
  const text = sourceFile.text;
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const count = list.elements.length;
  if (sorted.length === 0) return [];
  if (sorted.length === count) {
    const last = list.elements[count - 1];
    const comma = commaAfter(sourceFile, last);
    return [{ start: skipSpaces(text, list.open + 1), end: comma !== undefined ? comma + 1 : last.end, newText: '' }];
  }
  // The run of removed elements that ends the list, if any.
  let runStart = count;
  while (runStart > 0 && sorted.includes(runStart - 1)) runStart--;
  const edits: Edit[] = [];
  for (const index of sorted) if (index < runStart) edits.push(...removeListElement(sourceFile, list, index));
  if (runStart === count) return edits;

  const keptLast = list.elements[runStart - 1];
  const last = list.elements[count - 1];
  const ownLines = list.elements.slice(runStart).every((element, k) => {
    const first = leadingOwnLineStart(sourceFile, element, list.elements[runStart + k - 1].end);
    return startsLine(text, first);
  });
  if (!ownLines) return [...edits, { start: keptLast.end, end: last.end, newText: '' }];
  for (let index = runStart; index < count; index++) {
    const element = list.elements[index];
    const first = leadingOwnLineStart(sourceFile, element, list.elements[index - 1].end);
    const comma = commaAfter(sourceFile, element);
    const lineEnd = endOfLineAfter(text, trailingCommentsEnd(text, comma !== undefined ? comma + 1 : element.end));
    if (lineEnd === undefined) return [...edits, { start: keptLast.end, end: last.end, newText: '' }];
    edits.push({ start: lineStart(text, first), end: lineEnd, newText: '' });
  }
  if (commaAfter(sourceFile, last) === undefined) {
    const comma = commaAfter(sourceFile, keptLast)!;
    edits.push({ start: comma, end: comma + 1, newText: '' });
  }
  return edits;
}
