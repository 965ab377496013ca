import type * as ts from 'typescript';

/** A rule switched off for a stretch of the file; `rules` undefined means every rule. */
interface DisabledRange {
  start: number;
  end: number;
  rules: Set<string> | undefined;
}

const DIRECTIVE = /^\s*eslint-(disable-next-line|disable-line|disable|enable)(?:\s+([^]*?))?\s*$/;

/**
 * ESLint's disable comments, read the way ESLint reads them, so the editor is silent exactly
 * where `eslint` is: `eslint-disable-next-line` / `eslint-disable-line` (line or block comments)
 * and `/* eslint-disable *\/ ... /* eslint-enable *\/` regions (block comments), with or without
 * rule lists and `-- reasons`.
 */
export class Suppressions {
  private constructor(private readonly ranges: DisabledRange[]) {}

  static none = new Suppressions([]);

  static of(tsm: typeof ts, sourceFile: ts.SourceFile): Suppressions {
    const text = sourceFile.text;
    // Most files have no directive at all: skip the scan.
    if (!text.includes('eslint-')) return Suppressions.none;
    const ranges: DisabledRange[] = [];
    const open = new Map<string | undefined, number>();
    const lineStarts = sourceFile.getLineStarts();
    const lineRange = (line: number) => ({
      start: lineStarts[line],
      end: line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length,
    });

    for (const comment of comments(tsm, sourceFile)) {
      const body = comment.isBlock ? text.slice(comment.pos + 2, comment.end - 2) : text.slice(comment.pos + 2, comment.end);
      const match = DIRECTIVE.exec(body);
      if (!match) continue;
      const [, kind, list] = match;
      const rules = parseRuleList(list);
      const line = sourceFile.getLineAndCharacterOfPosition(comment.pos).line;
      if (kind === 'disable-line') ranges.push({ ...lineRange(line), rules });
      else if (kind === 'disable-next-line') {
        if (line + 1 < lineStarts.length) ranges.push({ ...lineRange(line + 1), rules });
      } else if (comment.isBlock && kind === 'disable') {
        for (const rule of rules ?? [undefined]) if (!open.has(rule)) open.set(rule, comment.pos);
      } else if (comment.isBlock && kind === 'enable') {
        const closing = rules ? [...rules] : [...open.keys()];
        for (const rule of closing) {
          const start = open.get(rule);
          if (start === undefined) continue;
          ranges.push({ start, end: comment.pos, rules: rule === undefined ? undefined : new Set([rule]) });
          open.delete(rule);
        }
      }
    }
    for (const [rule, start] of open) ranges.push({ start, end: text.length, rules: rule === undefined ? undefined : new Set([rule]) });
    return new Suppressions(ranges);
  }

  /** Whether a finding of `ruleId` (e.g. `qpq/pure-stories`) starting at `position` is disabled. */
  isSuppressed(ruleId: string, position: number): boolean {
    return this.ranges.some((r) => position >= r.start && position <= r.end && (r.rules === undefined || r.rules.has(ruleId)));
  }
}

function parseRuleList(list: string | undefined): Set<string> | undefined {
  const withoutReason = (list ?? '').split(/\s--\s|^--\s/)[0];
  const rules = withoutReason
    .split(',')
    .map((rule) => rule.trim())
    .filter(Boolean);
  return rules.length > 0 ? new Set(rules) : undefined;
}

/**
 * The comments that may hold directives. A candidate found in the text is a comment only when it
 * lies in trivia, not inside a string, template or regular expression: checked by descending the
 * syntax tree to the node that contains it.
 */
function* comments(tsm: typeof ts, sourceFile: ts.SourceFile): Generator<{ pos: number; end: number; isBlock: boolean }> {
  const text = sourceFile.text;
  const candidate = /\/(\/|\*)\s*eslint-/g;
  for (let match = candidate.exec(text); match; match = candidate.exec(text)) {
    const pos = match.index;
    if (!isInTrivia(tsm, sourceFile, pos)) continue;
    const isBlock = match[1] === '*';
    const close = isBlock ? text.indexOf('*/', pos + 2) : -1;
    const lineEnd = text.slice(pos).search(/\r?\n/);
    const end = isBlock ? (close < 0 ? text.length : close + 2) : lineEnd < 0 ? text.length : pos + lineEnd;
    candidate.lastIndex = end;
    yield { pos, end, isBlock };
  }
}

function isInTrivia(tsm: typeof ts, sourceFile: ts.SourceFile, pos: number): boolean {
  let node: ts.Node = sourceFile;
  for (;;) {
    let inner: ts.Node | undefined;
    tsm.forEachChild(node, (child) => {
      if (child.pos <= pos && pos < child.end) {
        inner = child;
        return true;
      }
      return undefined;
    });
    if (!inner) break;
    node = inner;
  }
  // Inside a node but in none of its children: in the trivia before a token, or in the text of a
  // literal. Literals are leaves, so their own text is the only non-trivia place left.
  return node === sourceFile || pos < node.getStart(sourceFile) || !isLiteralLike(tsm, node);
}

function isLiteralLike(tsm: typeof ts, node: ts.Node): boolean {
  return (
    tsm.isStringLiteralLike(node) ||
    tsm.isTemplateLiteralToken(node) ||
    tsm.isRegularExpressionLiteral(node) ||
    tsm.isJsxText(node)
  );
}
