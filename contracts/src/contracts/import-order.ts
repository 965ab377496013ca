import type * as ts from 'typescript';

import { defineContract } from '../define-contract';
import { dedent } from '../engine/dedent';
import { compareImportNames, importRank, moduleSortKey } from '../engine/import-sort';
import type { ContractContext } from '../types';

interface Options {
  groups: string[][];
  orderByImportStyle: boolean;
}

/**
 * The framework's house order (the quidproquo ESLint config's simple-import-sort groups, with
 * the planned `@quidproquo/*` packages joining `quidproquo-*`): quidproquo packages; then
 * side-effect and other packages; then aliases and relative imports, parents before siblings.
 */
export const QPQ_IMPORT_GROUPS: string[][] = [
  ['^quidproquo', '^@quidproquo/'],
  ['^\\u0000[^.]', '^react(-dom)?$', '^prop-types', '^\\w', '^@'],
  ['^[~]', '^fixtures', '^\\.\\.(?!/?$)', '^\\.\\./?$', '^\\./(?=.*/)(?!/?$)', '^\\.(?!/?$)', '^\\./?$', '^\\u0000\\.'],
];

const messages = {
  unsortedImports:
    'Imports are not in the qpq order: quidproquo packages, other packages, then aliases and relative imports, a blank line between groups.',
  unsortedExports: '`export … from` statements are not sorted by module.',
};

type MessageId = keyof typeof messages;

export const importOrder = defineContract({
  meta: {
    id: 'import-order',
    diagnosticCode: 990004,
    description: "Keep imports in the framework's house order, and `export … from` blocks sorted.",
    rationale:
      'quidproquo\'s own code sorts imports with eslint-plugin-simple-import-sort in three groups: quidproquo packages first, then other packages, then aliases and relative imports, with a blank line between groups. This rule produces exactly that order (and simple-import-sort\'s order of `export … from` blocks), so a qpq project needs one plugin, and the editor offers the same fix as "Organize imports (qpq order)". Comments stay with the import they describe.',
    type: 'layout',
    recommended: 'warn',
    fixable: true,
    hasSuggestions: false,
    typeAware: false,
    behaviourWithoutTypes: 'Purely syntactic: type information is never used.',
    readsOtherFiles: 'never',
    messages,
    schema: {
      type: 'object',
      properties: {
        groups: {
          type: 'array',
          items: { type: 'array', items: { type: 'string' } },
          description:
            "simple-import-sort's `groups`: each inner list is a group of regular expressions matched against the module name (side-effect imports are prefixed with `\\u0000`, `import type` suffixed with it); the longest match wins.",
        },
        orderByImportStyle: {
          type: 'boolean',
          description:
            "Order imports of one module by their style, `import * as` first, then default imports, then named-only ones, as eslint-plugin-simple-import-sort 13 and later do. Off, they keep their source order, as in version 12, which the framework's own ESLint config uses.",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { groups: QPQ_IMPORT_GROUPS, orderByImportStyle: false },
  },

  examples: {
    valid: [
      {
        note: "Imports of one module keep their source order, as in simple-import-sort 12, the version the framework's own config uses.",
        code: dedent`
          import { join } from 'node:path';
          import * as path from 'node:path';

          export const here = path.resolve(join('a', 'b'));

        `,
      },
      {
        note: 'quidproquo packages, other packages, then relative imports, parents first.',
        code: dedent`
          import { askDateNow } from 'quidproquo-core';
          import { toJsonEventResponse } from 'quidproquo-webserver';

          import { z } from 'zod';

          import { config } from '../config';
          import { todoLogic } from './todoLogic';

        `,
      },
      {
        note: '`export … from` blocks sorted by module.',
        code: dedent`
          export * from './askA';
          export * from './askB';
          export { askC } from './askC';

        `,
      },
    ],
    invalid: [
      {
        note: 'With `orderByImportStyle`, imports of one module go namespace, default, then named-only, as simple-import-sort 13 and later order them.',
        code: dedent`
          import { join } from 'node:path';
          import * as path from 'node:path';

          export const here = path.resolve(join('a', 'b'));

        `,
        options: { orderByImportStyle: true },
        output: dedent`
          import * as path from 'node:path';
          import { join } from 'node:path';

          export const here = path.resolve(join('a', 'b'));

        `,
        findings: [{ messageId: 'unsortedImports', line: 1, column: 1 }],
      },
      {
        note: 'One finding for the block; the fix sorts the groups and the modules (and names in braces, leaving their spacing to the formatter, as simple-import-sort does).',
        code: dedent`
          import { todoLogic } from './todoLogic';
          import { z } from 'zod';
          import { toJsonEventResponse } from 'quidproquo-webserver';
          import { askDateNow } from 'quidproquo-core';

        `,
        output: dedent`
          import { askDateNow } from 'quidproquo-core';
          import { toJsonEventResponse } from 'quidproquo-webserver';

          import { z } from 'zod';

          import { todoLogic } from './todoLogic';

        `,
        findings: [{ messageId: 'unsortedImports', line: 1, column: 1 }],
      },
      {
        note: 'Modules in order are not enough: groups are set apart by one blank line, and imports of a group by none.',
        code: dedent`
          import { askDateNow } from 'quidproquo-core';
          import { z } from 'zod';

          import { config } from '../config';

          import { todoLogic } from './todoLogic';

        `,
        output: dedent`
          import { askDateNow } from 'quidproquo-core';

          import { z } from 'zod';

          import { config } from '../config';
          import { todoLogic } from './todoLogic';

        `,
        findings: [{ messageId: 'unsortedImports', line: 1, column: 1 }],
      },
      {
        note: 'Comments move with their import; the planned `@quidproquo/*` packages come first too.',
        code: dedent`
          import lodash from 'lodash';
          // the new scoped package
          import { askDateNow } from '@quidproquo/core';

        `,
        output: dedent`
          // the new scoped package
          import { askDateNow } from '@quidproquo/core';

          import lodash from 'lodash';

        `,
        findings: [{ messageId: 'unsortedImports', line: 1, column: 1 }],
      },
      {
        code: dedent`
          export { askC } from './askC';
          export * from './askA';

        `,
        output: dedent`
          export * from './askA';
          export { askC } from './askC';

        `,
        findings: [{ messageId: 'unsortedExports', line: 1, column: 1 }],
      },
    ],
  },

  check(context) {
    new ImportOrderCheck(context).run();
  },
});

interface Source {
  source: string;
  originalSource: string;
  kind: 'type' | 'value';
}

interface Item {
  node: ts.Statement;
  code: string;
  start: number;
  end: number;
  style: number;
  source: Source;
  index: number;
  needsNewline: boolean;
}

const SIDE_EFFECT = 0;
/** A comment start or a blank line, which sorting would move or drop. */
const COMMENT_OR_BLANK_LINE = /\/[/*]|\n[ \t]*\r?\n/;
const NOT_SPACE = /\S/;
const LINE_END = /^\r?$/;

class ImportOrderCheck {
  private readonly text: string;
  private readonly newline: string;

  constructor(private readonly context: ContractContext<Options, MessageId>) {
    this.text = context.sourceFile.text;
    this.newline = /\r?\n/.exec(this.text)?.[0] ?? '\n';
  }

  run(): void {
    const { sourceFile } = this.context;
    // Cheap gate: nothing to sort without an import or export statement.
    if (!/\b(import|export)\b/.test(this.text)) return;
    const groups = this.context.options.groups ?? QPQ_IMPORT_GROUPS;
    this.checkStatements(sourceFile.statements, groups);
    this.checkModuleBodies(sourceFile.statements, groups);
  }

  /**
   * Namespace and module bodies (`namespace A.B {`, `declare module 'm' {`, `declare global {`)
   * hold statements too; each is declared among the file's statements or another body's.
   */
  private checkModuleBodies(statements: readonly ts.Statement[], groups: string[][]): void {
    const tsm = this.context.ts;
    for (const statement of statements) {
      if (!tsm.isModuleDeclaration(statement)) continue;
      let body = statement.body;
      while (body && tsm.isModuleDeclaration(body)) body = body.body;
      if (!body || !tsm.isModuleBlock(body)) continue;
      this.checkStatements(body.statements, groups);
      this.checkModuleBodies(body.statements, groups);
    }
  }

  /**
   * The runs of imports of a list of statements, then its runs of `export … from`. Most runs are
   * what sorting prints already, and are told so without building anything (`printsAsIs`); the
   * loops are plain because this runs once on every file the editor opens, mostly before the
   * JavaScript engine has optimized it.
   */
  private checkStatements(statements: readonly ts.Statement[], groups: string[][]): void {
    const IMPORT = this.context.ts.SyntaxKind.ImportDeclaration;
    const EXPORT = this.context.ts.SyntaxKind.ExportDeclaration;
    const isExportFrom = (statement: ts.Statement | undefined) =>
      statement?.kind === EXPORT && (statement as ts.ExportDeclaration).moduleSpecifier !== undefined;
    let runStart = -1;
    let hasExportFrom = false;
    for (let i = 0; i <= statements.length; i++) {
      const statement = i < statements.length ? statements[i] : undefined;
      if (statement?.kind === IMPORT) {
        if (runStart < 0) runStart = i;
        continue;
      }
      if (isExportFrom(statement)) hasExportFrom = true;
      if (runStart >= 0 && !this.printsAsIs(statements, runStart, i, groups)) this.checkImports(statements.slice(runStart, i), groups);
      runStart = -1;
    }
    if (!hasExportFrom) return;
    for (let i = 0; i <= statements.length; i++) {
      const statement = i < statements.length ? statements[i] : undefined;
      if (isExportFrom(statement)) {
        if (runStart < 0) runStart = i;
        continue;
      }
      // A run printed as is holds no comment, so no comment line splits it into blocks either; a
      // barrel's blocks between comment lines are each told sorted the same cheap way.
      if (runStart >= 0 && !this.printsAsIs(statements, runStart, i, undefined)) {
        for (const block of this.commentSeparatedBlocks(statements.slice(runStart, i)))
          if (!this.printsAsIs(block, 0, block.length, undefined)) this.checkExports(block);
      }
      runStart = -1;
    }
  }

  /** A run of `export … from` cut where a comment line stands between two of them. */
  private commentSeparatedBlocks(run: ts.Statement[]): ts.Statement[][] {
    const blocks: ts.Statement[][] = [[run[0]]];
    for (let i = 1; i < run.length; i++) {
      if (this.hasGroupingComment(run[i], run[i - 1])) blocks.push([run[i]]);
      else blocks[blocks.length - 1].push(run[i]);
    }
    return blocks;
  }

  private hasGroupingComment(statement: ts.Statement, previous: ts.Statement): boolean {
    return this.commentsBefore(statement).some(
      (c) => this.line(c.pos) > this.line(previous.end) && this.line(c.end) < this.line(statement.getStart(this.context.sourceFile)),
    );
  }

  /**
   * Whether sorting would print `statements[from..to)` as they stand: each on its own lines with
   * nothing else on them, no comment or blank line inside one, names in braces in order, in order
   * among themselves, and between two neighbours exactly what sorting puts there: for imports
   * (`groups` given) a line break within a group and a blank line between groups, for
   * `export … from` a line break.
   */
  private printsAsIs(statements: readonly ts.Statement[], from: number, to: number, groups: string[][] | undefined): boolean {
    const { sourceFile, options } = this.context;
    const text = this.text;
    const nl = this.newline;
    const byStyle = groups !== undefined && options.orderByImportStyle;
    let previous: Pick<Item, 'style' | 'source'> | undefined;
    let previousEnd = 0;
    let previousGroup = 0;
    let previousPattern = 0;
    for (let i = from; i < to; i++) {
      const node = statements[i];
      const start = node.getStart(sourceFile);
      if (!this.namesInOrder(node) || COMMENT_OR_BLANK_LINE.test(text.slice(start, node.end))) return false;
      const current = { style: this.styleOf(node), source: this.sourceOf(node) };
      let group = 0;
      let pattern = 0;
      if (groups) {
        const kind = current.style === SIDE_EFFECT ? 'side-effect' : current.source.kind !== 'value' ? 'type' : 'value';
        ({ group, pattern } = importRank(current.source.originalSource, groups, kind));
      }
      if (previous) {
        const order = previousGroup - group || previousPattern - pattern || compareItems(previous, current, byStyle);
        if (order > 0) return false;
        const lineBreaks = group === previousGroup ? 1 : 2;
        if (start - previousEnd !== nl.length * lineBreaks || !text.startsWith(lineBreaks === 1 ? nl : nl + nl, previousEnd)) return false;
      } else if (NOT_SPACE.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start))) {
        // The first starts its line: nothing before it on the line could belong to it.
        return false;
      }
      previous = current;
      previousEnd = node.end;
      previousGroup = group;
      previousPattern = pattern;
    }
    // Nothing after the last on its line either (a comment there moves with it).
    const lineEnd = text.indexOf('\n', previousEnd);
    return LINE_END.test(text.slice(previousEnd, lineEnd < 0 ? undefined : lineEnd));
  }

  private namesInOrder(node: ts.Statement): boolean {
    const tsm = this.context.ts;
    if (tsm.isExportDeclaration(node))
      return !node.exportClause || !tsm.isNamedExports(node.exportClause) || isInSpecifierOrder(node.exportClause.elements);
    const bindings = tsm.isImportDeclaration(node) ? node.importClause?.namedBindings : undefined;
    return !bindings || !tsm.isNamedImports(bindings) || isInSpecifierOrder(bindings.elements);
  }

  private checkImports(chunk: ts.Statement[], groups: string[][]): void {
    const items = this.items(chunk);
    const buckets = groups.map((group) => group.map(() => ({ items: [] as Item[] })));
    const rest: Item[] = [];
    for (const item of items) {
      const kind = item.style === SIDE_EFFECT ? 'side-effect' : item.source.kind !== 'value' ? 'type' : 'value';
      const rank = importRank(item.source.originalSource, groups, kind);
      (rank.group < groups.length ? buckets[rank.group][rank.pattern].items : rest).push(item);
    }
    const sorted = [...buckets, [{ items: rest }]]
      .map((group) =>
        group.filter((bucket) => bucket.items.length > 0).map((bucket) => sortItems(bucket.items, this.context.options.orderByImportStyle)),
      )
      .filter((group) => group.length > 0);
    this.reportIfChanged(items, sorted, 'unsortedImports');
  }

  private checkExports(chunk: ts.Statement[]): void {
    const items = this.items(chunk);
    this.reportIfChanged(items, [[sortItems(items, false)]], 'unsortedExports');
  }

  private reportIfChanged(items: Item[], sorted: Item[][][], messageId: keyof typeof messages): void {
    const nl = this.newline;
    let text = sorted.map((group) => group.map((bucket) => bucket.map((item) => item.code).join(nl)).join(nl)).join(nl + nl);
    const start = items[0].start;
    const end = items[items.length - 1].end;
    // A trailing line comment must not swallow code that follows on the same line.
    const lastSorted = sorted.flat(2).at(-1)!;
    const lineEnd = this.text.indexOf('\n', end);
    const restOfLine = this.text.slice(end, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '');
    if (lastSorted.needsNewline && /\S/.test(restOfLine.replace(/^\s*\/\/.*$/, ''))) text += nl;
    if (this.text.slice(start, end) === text) return;
    const description = messageId === 'unsortedImports' ? 'Organize imports (qpq order)' : 'Sort `export … from` statements';
    this.context.report(messageId, { start, end }, {}, { description, edits: [{ start, end, newText: text }] });
  }

  // ---- items: each statement with the comments that belong to it, printed

  private items(chunk: ts.Statement[]): Item[] {
    const { sourceFile } = this.context;
    return chunk.map((node, index) => {
      const nodeStart = node.getStart(sourceFile);
      const lastLine = index === 0 ? this.line(nodeStart) - 1 : this.line(chunk[index - 1].end);
      const before = this.commentsBefore(node).filter(
        (c) => this.line(c.pos) <= this.line(nodeStart) && this.line(c.end) > lastLine && (index > 0 || this.line(c.pos) > lastLine),
      );
      const after = (this.context.ts.getTrailingCommentRanges(this.text, node.end) ?? []).filter(
        (c) => this.line(c.end) === this.line(node.end),
      );
      const first = before.length > 0 ? before[0].pos : nodeStart;
      const last = after.length > 0 ? after[after.length - 1].end : node.end;
      const indentation = this.indentationBefore(first);
      const trailing = /^[ \t]*/.exec(this.text.slice(last))![0];
      let beforeText = '';
      before.forEach((comment, i) => {
        const next = i === before.length - 1 ? nodeStart : before[i + 1].pos;
        beforeText += this.text.slice(comment.pos, comment.end) + removeBlankLines(this.text.slice(comment.end, next));
      });
      let afterText = '';
      after.forEach((comment, i) => {
        const previous = i === 0 ? node.end : after[i - 1].end;
        afterText += removeBlankLines(this.text.slice(previous, comment.pos)) + this.text.slice(comment.pos, comment.end);
      });
      const lastAfter = after[after.length - 1];
      return {
        node,
        code: indentation + beforeText + this.withSortedSpecifiers(node) + afterText + trailing,
        start: first - indentation.length,
        end: last + trailing.length,
        style: this.styleOf(node),
        source: this.sourceOf(node),
        index,
        needsNewline: lastAfter !== undefined && lastAfter.kind === this.context.ts.SyntaxKind.SingleLineCommentTrivia,
      };
    });
  }

  private commentsBefore(node: ts.Node): ts.CommentRange[] {
    return this.context.ts.getLeadingCommentRanges(this.text, node.pos) ?? [];
  }

  private indentationBefore(position: number): string {
    let k = position - 1;
    while (k >= 0 && (this.text[k] === ' ' || this.text[k] === '\t')) k--;
    return k < 0 || this.text[k] === '\n' || this.text[k] === '\r' ? this.text.slice(k + 1, position) : '';
  }

  private line(position: number): number {
    return this.context.sourceFile.getLineAndCharacterOfPosition(position).line;
  }

  /** Side effect 0, namespace 1, default 2, named only 3 (exports are all alike). */
  private styleOf(node: ts.Statement): number {
    const { ts: tsm } = this.context;
    if (!tsm.isImportDeclaration(node)) return 1;
    const clause = node.importClause;
    if (!clause) return SIDE_EFFECT;
    if (clause.namedBindings && tsm.isNamespaceImport(clause.namedBindings)) return 1;
    return clause.name ? 2 : 3;
  }

  private sourceOf(node: ts.Statement): Source {
    const { ts: tsm } = this.context;
    const specifier = (node as ts.ImportDeclaration | ts.ExportDeclaration).moduleSpecifier;
    const original = specifier && tsm.isStringLiteral(specifier) ? specifier.text : '';
    const typeOnly = tsm.isImportDeclaration(node)
      ? node.importClause?.isTypeOnly === true
      : tsm.isExportDeclaration(node) && node.isTypeOnly;
    return { source: moduleSortKey(original), originalSource: original, kind: typeOnly ? 'type' : 'value' };
  }

  /**
   * The statement with the names inside its braces sorted. Each name keeps the whitespace and
   * comments that belong to it (a comment on its line after it, a comment line before it), the
   * way simple-import-sort decides it, so both produce the same text.
   */
  private withSortedSpecifiers(node: ts.Statement): string {
    const { ts: tsm, sourceFile } = this.context;
    const text = this.text.slice(node.getStart(sourceFile), node.end);
    const bindings = tsm.isImportDeclaration(node)
      ? node.importClause?.namedBindings
      : tsm.isExportDeclaration(node)
        ? node.exportClause
        : undefined;
    const elements = bindings && (tsm.isNamedImports(bindings) || tsm.isNamedExports(bindings)) ? [...bindings.elements] : [];
    if (elements.length <= 1) return text;
    // Names already in order, with no comment or blank line to move, print as they are.
    if (isInSpecifierOrder(elements) && !/\/[/*]|\n[ \t]*\r?\n/.test(text)) return text;

    const tokens = tokenize(tsm, text);
    const open = tokens.findIndex((t) => t.type === 'Punctuator' && t.code === '{');
    const close = tokens.findIndex((t) => t.type === 'Punctuator' && t.code === '}');
    const parsed = specifierItems(tokens.slice(open + 1, close));
    if (parsed.items.length !== elements.length) return text;

    const items = parsed.items.map((item, i) => ({ ...item, element: elements[i], i }));
    const sorted = [...items].sort((a, b) => compareSpecifiers(a.element, b.element) || a.i - b.i);
    const beforeClose = tokens
      .slice(0, close)
      .filter((t) => t.type !== 'Spaces' && t.type !== 'Newline' && t.type !== 'Line' && t.type !== 'Block');
    const hasTrailingComma = beforeClose[beforeClose.length - 1]?.code === ',';
    const newlineToken: Token = { type: 'Newline', code: this.newline };
    const out: Token[] = [];
    sorted.forEach((item, index) => {
      const previous = index === 0 ? undefined : sorted[index - 1];
      if (
        previous &&
        needsStartingNewline(item.before) &&
        !(previous.after.length > 0 && previous.after[previous.after.length - 1].type === 'Newline')
      ) {
        out.push(newlineToken);
      }
      if (index < sorted.length - 1 || hasTrailingComma) {
        out.push(...item.before, ...item.specifier, { type: 'Punctuator', code: ',' }, ...item.after);
        return;
      }
      const nonBlank = item.after.findIndex((t) => t.type !== 'Newline' && t.type !== 'Spaces');
      const after = !item.hadComma ? item.after : nonBlank === -1 ? [] : item.after.slice(nonBlank);
      out.push(...item.before, ...item.specifier, ...after);
    });
    if (needsStartingNewline(parsed.after) && out[out.length - 1]?.type !== 'Newline') out.push(newlineToken);
    return print([...tokens.slice(0, open + 1), ...parsed.before, ...out, ...parsed.after, ...tokens.slice(close)]);
  }
}

type Specifier = ts.ImportSpecifier | ts.ExportSpecifier;

function specifierName(element: Specifier, local: boolean): string {
  return ((local ? element.name : (element.propertyName ?? element.name)) as ts.Identifier | ts.StringLiteral).text;
}

/** simple-import-sort's order of names in braces: imported name, local name, then `type` before values. */
function compareSpecifiers(a: Specifier, b: Specifier): number {
  return (
    compareImportNames(specifierName(a, false), specifierName(b, false)) ||
    compareImportNames(specifierName(a, true), specifierName(b, true)) ||
    compareImportNames(a.isTypeOnly ? 'type' : 'value', b.isTypeOnly ? 'type' : 'value')
  );
}

function isInSpecifierOrder(elements: readonly Specifier[]): boolean {
  for (let i = 1; i < elements.length; i++) if (compareSpecifiers(elements[i - 1], elements[i]) > 0) return false;
  return true;
}

type TokenType = 'Spaces' | 'Newline' | 'Line' | 'Block' | 'Punctuator' | 'Word';
interface Token {
  type: TokenType;
  code: string;
}

interface SpecifierItem {
  before: Token[];
  specifier: Token[];
  after: Token[];
  hadComma: boolean;
}

/** A statement's tokens with whitespace as Spaces and Newline tokens, blank lines removed. */
function tokenize(tsm: typeof ts, text: string): Token[] {
  const scanner = tsm.createScanner(tsm.ScriptTarget.Latest, false, tsm.LanguageVariant.Standard, text);
  const tokens: Token[] = [];
  let whitespace = '';
  const flush = () => {
    if (whitespace) tokens.push(...whitespaceTokens(whitespace));
    whitespace = '';
  };
  for (let kind = scanner.scan(); kind !== tsm.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const code = scanner.getTokenText();
    if (kind === tsm.SyntaxKind.WhitespaceTrivia || kind === tsm.SyntaxKind.NewLineTrivia) {
      whitespace += code;
      continue;
    }
    flush();
    if (kind === tsm.SyntaxKind.SingleLineCommentTrivia) tokens.push({ type: 'Line', code });
    else if (kind === tsm.SyntaxKind.MultiLineCommentTrivia) tokens.push({ type: 'Block', code });
    else if (kind === tsm.SyntaxKind.CommaToken || kind === tsm.SyntaxKind.OpenBraceToken || kind === tsm.SyntaxKind.CloseBraceToken) {
      tokens.push({ type: 'Punctuator', code });
    } else tokens.push({ type: 'Word', code });
  }
  flush();
  return tokens;
}

function whitespaceTokens(whitespace: string): Token[] {
  const parts = whitespace.split(/(\r?\n)/);
  const kept = parts.length >= 5 ? [...parts.slice(0, 2), ...parts.slice(-1)] : parts;
  return kept.map((code, i): Token => ({ type: i % 2 === 0 ? 'Spaces' : 'Newline', code })).filter((t) => t.code !== '');
}

/**
 * Splits the tokens between `{` and `}` into names, each with what belongs to it: a comment or
 * whitespace on its line after it goes with it, a comment line goes with the next name.
 */
function specifierItems(tokens: Token[]): { before: Token[]; after: Token[]; items: SpecifierItem[] } {
  const result = { before: [] as Token[], after: [] as Token[], items: [] as SpecifierItem[] };
  const empty = () => ({
    state: 'before' as 'before' | 'specifier' | 'after',
    before: [] as Token[],
    after: [] as Token[],
    specifier: [] as Token[],
    hadComma: false,
  });
  let current = empty();
  const firstName = () => result.before.length === 0 && result.items.length === 0;
  for (const token of tokens) {
    if (current.state === 'before') {
      if (token.type === 'Newline') {
        current.before.push(token);
        if (firstName()) {
          result.before = current.before;
          current = empty();
        }
      } else if (token.type === 'Spaces' || token.type === 'Block' || token.type === 'Line') {
        current.before.push(token);
      } else {
        if (firstName()) {
          result.before = current.before;
          current = empty();
        }
        current.state = 'specifier';
        current.specifier.push(token);
      }
    } else if (current.state === 'specifier') {
      if (token.type === 'Punctuator' && token.code === ',') {
        current.hadComma = true;
        current.state = 'after';
      } else current.specifier.push(token);
    } else if (token.type === 'Newline') {
      current.after.push(token);
      result.items.push(current);
      current = empty();
    } else if (token.type === 'Spaces' || token.type === 'Line') {
      current.after.push(token);
    } else if (token.type === 'Block') {
      if (/\r?\n/.test(token.code)) {
        result.items.push(current);
        current = empty();
        current.before.push(token);
      } else current.after.push(token);
    } else {
      result.items.push(current);
      current = empty();
      current.state = 'specifier';
      current.specifier.push(token);
    }
  }
  if (current.state === 'before') {
    result.after = current.before;
  } else if (current.state === 'specifier') {
    let lastWord = -1;
    current.specifier.forEach((t, i) => {
      if (t.type === 'Word') lastWord = i;
    });
    const specifier = current.specifier.slice(0, lastWord + 1);
    const after = current.specifier.slice(lastWord + 1);
    const newlineAt = after.findIndex((t) => t.type === 'Newline');
    const newlineIndex = newlineAt === -1 ? -1 : newlineAt + 1;
    const blockAt = after.findIndex((t) => t.type === 'Block' && /\r?\n/.test(t.code));
    const slice =
      newlineIndex >= 0 && blockAt >= 0
        ? Math.min(newlineIndex, blockAt)
        : newlineIndex >= 0
          ? newlineIndex
          : blockAt >= 0
            ? blockAt
            : after[after.length - 1]?.type === 'Spaces'
              ? after.length - 1
              : -1;
    current.specifier = specifier;
    current.after = slice === -1 ? after : after.slice(0, slice);
    result.items.push(current);
    result.after = slice === -1 ? [] : after.slice(slice);
  } else {
    if (current.after[current.after.length - 1]?.type === 'Spaces') result.after = [current.after.pop()!];
    result.items.push(current);
  }
  return result;
}

/** A name that starts with a comment on the same line needs a line break before it once moved. */
function needsStartingNewline(tokens: Token[]): boolean {
  const first = tokens.find((t) => t.type !== 'Spaces');
  return first !== undefined && (first.type === 'Line' || (first.type === 'Block' && !/\r?\n/.test(first.code)));
}

function print(tokens: Token[]): string {
  return tokens.map((t) => t.code).join('');
}

/** simple-import-sort's order; `byStyle` adds version 13's order of one module's import styles. */
function sortItems(items: Item[], byStyle: boolean): Item[] {
  return [...items].sort((a, b) => compareItems(a, b, byStyle) || a.index - b.index);
}

/** Two imports of one bucket; side-effect imports first, in their source order (0 between them). */
function compareItems(a: Pick<Item, 'style' | 'source'>, b: Pick<Item, 'style' | 'source'>, byStyle: boolean): number {
  if (a.style === SIDE_EFFECT || b.style === SIDE_EFFECT) return a.style === b.style ? 0 : a.style === SIDE_EFFECT ? -1 : 1;
  return (
    compareImportNames(a.source.source, b.source.source) ||
    compareImportNames(a.source.originalSource, b.source.originalSource) ||
    compareImportNames(a.source.kind, b.source.kind) ||
    (byStyle ? a.style - b.style : 0)
  );
}

/** Collapses blank lines in whitespace to a single line break, keeping the final indentation. */
function removeBlankLines(whitespace: string): string {
  const parts = whitespace.split(/(\r?\n)/);
  return (parts.length >= 5 ? [...parts.slice(0, 2), ...parts.slice(-1)] : parts).join('');
}
