import type * as ts from 'typescript';

/** A rule named in a directive, and where its name is in the text. */
export interface DirectiveRule {
  name: string;
  start: number;
  end: number;
}

/** One ESLint directive comment. */
export interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  /** The whole comment, from `//` or `/*` to its end. */
  pos: number;
  end: number;
  isBlock: boolean;
  /** The rules it names, in order; empty when it applies to every rule. */
  rules: DirectiveRule[];
}

/** A rule switched off for a stretch of the file; `rule` undefined means every rule. */
interface DisabledRange {
  start: number;
  end: number;
  rule: string | undefined;
  /** The directive that switched it off, and for a region the one that switched it on again. */
  disabledBy: Directive;
  enabledBy: Directive | undefined;
}

/** A rule a disable directive names that silences nothing there. */
export interface UnusedDirectiveRule {
  directive: Directive;
  rule: DirectiveRule;
  /** The `eslint-enable` that ends the region this directive opened, when it names the rule. */
  enable: { directive: Directive; rule: DirectiveRule } | undefined;
}

const DIRECTIVE = /^\s*eslint-(disable-next-line|disable-line|disable|enable)(?:\s+([^]*?))?\s*$/d;

/**
 * ESLint's disable comments, read the way ESLint reads them, so the editor is silent exactly
 * where `eslint` is: `eslint-disable-next-line` / `eslint-disable-line` (line or block comments)
 * and `/* eslint-disable *\/ ... /* eslint-enable *\/` regions (block comments), with or without
 * rule lists and `-- reasons`.
 */
export class Suppressions {
  private constructor(
    private readonly ranges: DisabledRange[],
    /** Every directive comment of the file, in text order. */
    readonly directives: readonly Directive[],
  ) {}

  static none = new Suppressions([], []);

  static of(tsm: typeof ts, sourceFile: ts.SourceFile): Suppressions {
    const text = sourceFile.text;
    // Most files have no directive at all: skip the scan.
    if (!text.includes('eslint-')) return Suppressions.none;
    const ranges: DisabledRange[] = [];
    const directives: Directive[] = [];
    const open = new Map<string | undefined, { start: number; directive: Directive }>();
    const lineStarts = sourceFile.getLineStarts();
    const lineRange = (line: number) => ({
      start: lineStarts[line],
      end: line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length,
    });

    for (const comment of comments(tsm, sourceFile)) {
      const bodyStart = comment.pos + 2;
      const body = comment.isBlock ? text.slice(bodyStart, comment.end - 2) : text.slice(bodyStart, comment.end);
      const match = DIRECTIVE.exec(body);
      if (!match) continue;
      const kind = match[1] as Directive['kind'];
      const rules = parseRuleList(match[2], bodyStart + (match.indices?.[2]?.[0] ?? 0));
      const directive: Directive = { kind, pos: comment.pos, end: comment.end, isBlock: comment.isBlock, rules };
      directives.push(directive);
      const names = rules.length > 0 ? rules.map((r) => r.name) : [undefined];
      const line = sourceFile.getLineAndCharacterOfPosition(comment.pos).line;
      if (kind === 'disable-line') {
        for (const rule of names) ranges.push({ ...lineRange(line), rule, disabledBy: directive, enabledBy: undefined });
      } else if (kind === 'disable-next-line') {
        if (line + 1 < lineStarts.length) {
          for (const rule of names) ranges.push({ ...lineRange(line + 1), rule, disabledBy: directive, enabledBy: undefined });
        }
      } else if (comment.isBlock && kind === 'disable') {
        for (const rule of names) if (!open.has(rule)) open.set(rule, { start: comment.pos, directive });
      } else if (comment.isBlock && kind === 'enable') {
        const closing = rules.length > 0 ? names : [...open.keys()];
        for (const rule of closing) {
          const region = open.get(rule);
          if (region === undefined) continue;
          ranges.push({ start: region.start, end: comment.pos, rule, disabledBy: region.directive, enabledBy: directive });
          open.delete(rule);
        }
      }
    }
    for (const [rule, region] of open)
      ranges.push({ start: region.start, end: text.length, rule, disabledBy: region.directive, enabledBy: undefined });
    return new Suppressions(ranges, directives);
  }

  /** Whether a finding of `ruleId` (e.g. `qpq/pure-stories`) starting at `position` is disabled. */
  isSuppressed(ruleId: string, position: number): boolean {
    return this.ranges.some((r) => position >= r.start && position <= r.end && (r.rule === undefined || r.rule === ruleId));
  }

  /**
   * The rules named in disable directives that silence none of `findings` (every finding of the
   * file, silenced or not). Only rules `judged` says are known here are looked at: a directive
   * for a rule the editor does not run, or another plugin's rule, is never called unused.
   */
  unusedRules(findings: ReadonlyArray<{ ruleId: string; start: number }>, judged: (ruleId: string) => boolean): UnusedDirectiveRule[] {
    const unused: UnusedDirectiveRule[] = [];
    for (const directive of this.directives) {
      if (directive.kind === 'enable' || (directive.kind === 'disable' && !directive.isBlock)) continue;
      for (const rule of directive.rules) {
        if (!judged(rule.name)) continue;
        const ranges = this.ranges.filter((r) => r.disabledBy === directive && r.rule === rule.name);
        const used = findings.some((f) => f.ruleId === rule.name && ranges.some((r) => f.start >= r.start && f.start <= r.end));
        if (used) continue;
        const enabledBy = ranges.find((r) => r.enabledBy)?.enabledBy;
        const named = enabledBy?.rules.find((r) => r.name === rule.name);
        unused.push({ directive, rule, enable: enabledBy && named ? { directive: enabledBy, rule: named } : undefined });
      }
    }
    return unused;
  }
}

/** The rule names of a directive's list, with their offsets; the `-- reason` is left out. */
function parseRuleList(list: string | undefined, listStart: number): DirectiveRule[] {
  if (!list) return [];
  const reason = /(?:^|\s)--\s/.exec(list);
  const names = reason ? list.slice(0, reason.index) : list;
  const rules: DirectiveRule[] = [];
  let offset = 0;
  for (const part of names.split(',')) {
    const name = part.trim();
    if (name) {
      const start = listStart + offset + part.indexOf(name);
      rules.push({ name, start, end: start + name.length });
    }
    offset += part.length + 1;
  }
  return rules;
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
    if (isInLiteralText(tsm, sourceFile, pos)) continue;
    const isBlock = match[1] === '*';
    const close = isBlock ? text.indexOf('*/', pos + 2) : -1;
    const lineEnd = text.slice(pos).search(/\r?\n/);
    const end = isBlock ? (close < 0 ? text.length : close + 2) : lineEnd < 0 ? text.length : pos + lineEnd;
    candidate.lastIndex = end;
    yield { pos, end, isBlock };
  }
}

/**
 * Whether `pos` lies in the text of a literal (a string, a template, a regular expression) or of
 * JSX, rather than in code or trivia: a `//` there is no comment, and no comment can go there.
 */
export function isInLiteralText(tsm: typeof ts, sourceFile: ts.SourceFile, pos: number): boolean {
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
  // JSX text is all text, its leading whitespace too (which `getStart` would skip).
  return node !== sourceFile && isLiteralLike(tsm, node) && (tsm.isJsxText(node) || pos > node.getStart(sourceFile));
}

function isLiteralLike(tsm: typeof ts, node: ts.Node): boolean {
  return tsm.isStringLiteralLike(node) || tsm.isTemplateLiteralToken(node) || tsm.isRegularExpressionLiteral(node) || tsm.isJsxText(node);
}
