import type { Fix, TextEdit } from 'qpq-contracts';
import type * as ts from 'typescript';

import type { Directive, UnusedDirectiveRule } from './suppressions';
import { isInLiteralText, Suppressions } from './suppressions';

// The quick fixes that write and remove ESLint directives. They write what ESLint reads, so a
// finding silenced in the editor is silenced in `eslint` too.

/**
 * `// eslint-disable-next-line <rule>` above the line where `position` is, with that line's
 * indentation; added to the list of such a directive when the line above already is one (a second
 * directive there would move the first one's target). Undefined where a comment cannot go: the
 * line starts inside a template literal, a string or JSX text.
 */
export function disableForLine(tsm: typeof ts, sourceFile: ts.SourceFile, ruleId: string, position: number): Fix | undefined {
  const text = sourceFile.text;
  const line = sourceFile.getLineAndCharacterOfPosition(position).line;
  const lineStart = sourceFile.getLineStarts()[line];
  const description = `Disable ${ruleId} for this line`;
  const above = line > 0 ? nextLineDirectiveOn(tsm, sourceFile, line - 1) : undefined;
  if (above) {
    const last = above.rules[above.rules.length - 1];
    return { description, edits: [{ start: last.end, end: last.end, newText: `, ${ruleId}` }] };
  }
  if (isInLiteralText(tsm, sourceFile, lineStart)) return undefined;
  const indentation = /^[ \t]*/.exec(text.slice(lineStart))![0];
  return {
    description,
    edits: [{ start: lineStart, end: lineStart, newText: `${indentation}// eslint-disable-next-line ${ruleId}${newLineOf(text)}` }],
  };
}

/**
 * `/* eslint-disable <rule> *\/` at the top of the file: after a shebang and after a leading
 * comment block (a licence header, set apart from the code by a blank line), before anything else.
 */
export function disableForFile(tsm: typeof ts, sourceFile: ts.SourceFile, ruleId: string): Fix {
  const text = sourceFile.text;
  const newLine = newLineOf(text);
  const directive = `/* eslint-disable ${ruleId} */`;
  const description = `Disable ${ruleId} for this file`;
  const shebangEnd = text.startsWith('#!') ? lineEndAt(text, 0) : 0;
  let headerEnd = shebangEnd;
  const comments = tsm.getLeadingCommentRanges(text, shebangEnd) ?? [];
  for (const [i, comment] of comments.entries()) {
    const next = i + 1 < comments.length ? comments[i + 1].pos : firstTokenStart(text, comment.end);
    // A comment right above the code documents it; one followed by a blank line heads the file.
    if (/\n[ \t]*\r?\n/.test(text.slice(comment.end, next))) headerEnd = comment.end;
  }
  const edit: TextEdit =
    headerEnd > 0
      ? { start: headerEnd, end: headerEnd, newText: `${newLine}${directive}` }
      : { start: 0, end: 0, newText: `${directive}${newLine}` };
  return { description, edits: [edit] };
}

/**
 * Removes a rule a disable directive names to no effect: the whole comment when it names only
 * that rule, else the name from its list; the same for the `eslint-enable` that ends its region.
 */
export function removeUnusedRule(text: string, unused: UnusedDirectiveRule): Fix {
  const edits = [withoutRule(text, unused.directive, unused.rule.name)];
  if (unused.enable) edits.push(withoutRule(text, unused.enable.directive, unused.enable.rule.name));
  const whole = unused.directive.rules.length === 1;
  return {
    description: whole
      ? `Remove the unused eslint-disable directive for ${unused.rule.name}`
      : `Remove ${unused.rule.name} from the eslint-disable directive`,
    edits: edits.sort((a, b) => a.start - b.start),
  };
}

function withoutRule(text: string, directive: Directive, name: string): TextEdit {
  const remaining = directive.rules.filter((r) => r.name !== name);
  if (remaining.length === 0) return removeComment(text, directive);
  const first = directive.rules[0];
  const last = directive.rules[directive.rules.length - 1];
  return { start: first.start, end: last.end, newText: remaining.map((r) => r.name).join(', ') };
}

/** The comment, with its line when nothing else is on it, else with the spaces that set it apart. */
function removeComment(text: string, { pos, end }: Directive): TextEdit {
  let start = pos;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let stop = end;
  while (stop < text.length && (text[stop] === ' ' || text[stop] === '\t')) stop++;
  const aloneFromLeft = start === 0 || text[start - 1] === '\n';
  const aloneToRight = stop === text.length || text[stop] === '\n' || text.startsWith('\r\n', stop);
  if (aloneFromLeft && aloneToRight) {
    // The whole line goes, with its line break.
    const lineBreak = text.startsWith('\r\n', stop) ? 2 : stop < text.length ? 1 : 0;
    return { start, end: stop + lineBreak, newText: '' };
  }
  // Code before it: keep that code's line as it was; code after it: keep that code where it starts.
  return aloneToRight ? { start, end: stop, newText: '' } : { start: pos, end: stop, newText: '' };
}

/** The `// eslint-disable-next-line` directive with a rule list that is the whole of `line`, if any. */
function nextLineDirectiveOn(tsm: typeof ts, sourceFile: ts.SourceFile, line: number): Directive | undefined {
  const lineStarts = sourceFile.getLineStarts();
  const start = lineStarts[line];
  const end = line + 1 < lineStarts.length ? lineStarts[line + 1] : sourceFile.text.length;
  const lineText = sourceFile.text.slice(start, end);
  if (!/^[ \t]*\/\/\s*eslint-disable-next-line\s/.test(lineText)) return undefined;
  return Suppressions.of(tsm, sourceFile).directives.find(
    (d) => d.kind === 'disable-next-line' && !d.isBlock && d.pos >= start && d.pos < end && d.rules.length > 0,
  );
}

function newLineOf(text: string): string {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

/** Where the line holding `pos` ends, before its line break. */
function lineEndAt(text: string, pos: number): number {
  const lineEnd = text.indexOf('\n', pos);
  if (lineEnd < 0) return text.length;
  return text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
}

function firstTokenStart(text: string, from: number): number {
  const match = /\S/.exec(text.slice(from));
  return match ? from + match.index : text.length;
}
