import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';

/** Keywords that start a statement: after a line break at the top level, the previous one ended. */
const STATEMENT_STARTS = new Set([
  'export',
  'import',
  'const',
  'let',
  'var',
  'function',
  'class',
  'interface',
  'type',
  'enum',
  'declare',
  'namespace',
  'module',
  'abstract',
  'async',
]);

/**
 * The names a module exports, read with the scanner alone: several times cheaper than parsing
 * a module that is only asked for its export names (a config names hundreds). Conservative:
 * undefined whenever the text holds something it cannot read for sure (`export *` without a
 * name, unbalanced brackets, a regular expression with brackets in it), so a caller never
 * concludes that a name is missing from a module it misread.
 */
export function scannedExportNames(tsm: TypeScriptModule, text: string): string[] | undefined {
  return new ExportScanner(tsm, text).exportNames();
}

/** `export function* name`, `export async function name`, `export const|let|var|class name` starting a line. */
const EXPORT_DECLARATION =
  /^export[ \t]+(?:(?:async[ \t]+)?function(?:[ \t]*\*[ \t]*|[ \t]+)|(?:const(?![ \t]+enum\b)|let|var|class|abstract[ \t]+class)[ \t]+)([A-Za-z_$][\w$]*)/gm;

/** A namespace, module or global block: a line there that starts with `export` is not the module's own export. */
const NESTED_EXPORTS = /^[ \t]*(?:export[ \t]+)?(?:declare[ \t]+)?(?:namespace|module|global)\b/m;

/**
 * Names a module's text exports by a declaration at the start of a line, found with one regular
 * expression: a quick way to confirm that a module has an export, which is most of what a config's
 * references ask. Only a subset: a name not in it may still be exported (a list, `export *`, a
 * declaration that does not start its line), and only `scannedExportNames` can tell. Empty for a
 * text with namespace or global blocks. A line inside a multi-line comment or string that reads
 * like a declaration is taken for one: at worst a reference to a name only written there goes
 * unreported.
 */
export function declaredExportNames(text: string): ReadonlySet<string> {
  const names = new Set<string>();
  if (!text.includes('export') || NESTED_EXPORTS.test(text)) return names;
  for (const match of text.matchAll(EXPORT_DECLARATION)) names.add(match[1]);
  return names;
}

/** One pass of the scanner over a module, keeping the bracket stack (see `step`). */
class ExportScanner {
  private readonly SK: typeof ts.SyntaxKind;
  private readonly scanner: ts.Scanner;
  // Open brackets, and the template literals whose `${` opened one.
  private readonly open: Array<'(' | '[' | '{' | '${'> = [];
  private token: ts.SyntaxKind;
  private previous: ts.SyntaxKind;

  constructor(tsm: TypeScriptModule, text: string) {
    this.SK = tsm.SyntaxKind;
    this.scanner = tsm.createScanner(tsm.ScriptTarget.Latest, true, tsm.LanguageVariant.Standard, text);
    this.previous = this.SK.Unknown;
    this.token = this.scanner.scan();
  }

  exportNames(): string[] | undefined {
    const names: string[] = [];
    while (this.token !== this.SK.EndOfFileToken) {
      if (this.open.length === 0 && this.token === this.SK.ExportKeyword) {
        this.next();
        const read = this.readExport();
        if (read === undefined) return undefined;
        names.push(...read);
        continue;
      }
      if (!this.step()) return undefined;
    }
    return this.open.length === 0 ? names : undefined;
  }

  private next(): ts.SyntaxKind {
    this.previous = this.token;
    return (this.token = this.scanner.scan());
  }

  /** Whether a value ends with the previous token: then a `/` divides, else it starts a regular expression. */
  private valueEnded(): boolean {
    const SK = this.SK;
    const previous = this.previous;
    return (
      previous === SK.Identifier ||
      previous === SK.CloseParenToken ||
      previous === SK.CloseBracketToken ||
      previous === SK.CloseBraceToken ||
      previous === SK.NumericLiteral ||
      previous === SK.StringLiteral ||
      previous === SK.ThisKeyword ||
      previous === SK.TemplateTail ||
      previous === SK.NoSubstitutionTemplateLiteral
    );
  }

  private word(): string {
    return this.scanner.getTokenText();
  }

  // Read through a call: the compiler would narrow `token` and not see `next()` change it.
  private is(kind: ts.SyntaxKind): boolean {
    return this.token === kind;
  }

  private isName(): boolean {
    return this.token === this.SK.Identifier || (this.token >= this.SK.FirstKeyword && this.token <= this.SK.LastKeyword);
  }

  /** Steps over one token, keeping the bracket stack; false when the text cannot be read for sure. */
  private step(): boolean {
    switch (this.token) {
      case this.SK.OpenParenToken:
        this.open.push('(');
        break;
      case this.SK.OpenBracketToken:
        this.open.push('[');
        break;
      case this.SK.OpenBraceToken:
        this.open.push('{');
        break;
      case this.SK.TemplateHead:
        this.open.push('${');
        break;
      case this.SK.CloseParenToken:
        if (this.open.pop() !== '(') return false;
        break;
      case this.SK.CloseBracketToken:
        if (this.open.pop() !== '[') return false;
        break;
      case this.SK.CloseBraceToken: {
        const top = this.open.pop();
        if (top === '${') {
          this.token = this.scanner.reScanTemplateToken(false);
          if (this.token === this.SK.TemplateMiddle) this.open.push('${');
        } else if (top !== '{') return false;
        break;
      }
      case this.SK.SlashToken:
      case this.SK.SlashEqualsToken:
        // Where no value ends before it, a slash starts a regular expression: read it whole, so
        // the brackets inside it are not counted.
        if (!this.valueEnded()) this.token = this.scanner.reScanSlashToken();
        break;
      case this.SK.Unknown:
        return false;
    }
    this.next();
    return true;
  }

  private readExport(): string[] | undefined {
    while (this.token === this.SK.DeclareKeyword || this.token === this.SK.AbstractKeyword || this.token === this.SK.AsyncKeyword)
      this.next();
    switch (this.token) {
      case this.SK.DefaultKeyword:
      case this.SK.EqualsToken:
        this.next();
        return ['default'];
      case this.SK.AsteriskToken: {
        this.next();
        if (!this.is(this.SK.AsKeyword)) return undefined;
        this.next();
        const name = this.word();
        this.next();
        return [name];
      }
      case this.SK.OpenBraceToken:
        return this.readExportList();
      case this.SK.TypeKeyword:
        this.next();
        if (this.is(this.SK.OpenBraceToken)) return this.readExportList();
        return this.readNamed();
      case this.SK.FunctionKeyword:
        this.next();
        if (this.is(this.SK.AsteriskToken)) this.next();
        return this.readNamed();
      case this.SK.ClassKeyword:
      case this.SK.InterfaceKeyword:
      case this.SK.EnumKeyword:
      case this.SK.NamespaceKeyword:
      case this.SK.ModuleKeyword:
        this.next();
        return this.readNamed();
      case this.SK.ConstKeyword:
        this.next();
        if (this.is(this.SK.EnumKeyword)) {
          this.next();
          return this.readNamed();
        }
        return this.readDeclarators();
      case this.SK.LetKeyword:
      case this.SK.VarKeyword:
        this.next();
        return this.readDeclarators();
      case this.SK.ImportKeyword:
        // `export import x = require(...)`
        this.next();
        return this.readNamed();
      default:
        return undefined;
    }
  }

  private readNamed(): string[] | undefined {
    if (!this.isName()) return undefined;
    const name = this.word();
    this.next();
    return [name];
  }

  /** `{ a, b as c, type d, "e" as f, default as g }`, then an optional `from '...'`. */
  private readExportList(): string[] | undefined {
    const found: string[] = [];
    this.next();
    let last: string | undefined;
    while (this.token !== this.SK.CloseBraceToken) {
      if (this.token === this.SK.EndOfFileToken) return undefined;
      if (this.token === this.SK.CommaToken) {
        if (last !== undefined) found.push(last);
        last = undefined;
      } else if (this.token !== this.SK.AsKeyword && !(this.token === this.SK.TypeKeyword && last === undefined)) {
        if (!this.isName() && this.token !== this.SK.StringLiteral) return undefined;
        last = this.token === this.SK.StringLiteral ? this.scanner.getTokenValue() : this.word();
      }
      this.next();
    }
    if (last !== undefined) found.push(last);
    this.next();
    return found;
  }

  /**
   * `const a = ..., b: T<U, V> = ...`: each declarator's name (destructured names too), reading
   * past type annotations and initializers to the end of the statement.
   */
  private readDeclarators(): string[] | undefined {
    const found: string[] = [];
    for (;;) {
      if (this.token === this.SK.OpenBraceToken || this.token === this.SK.OpenBracketToken) {
        const pattern = this.readPattern();
        if (!pattern) return undefined;
        found.push(...pattern);
      } else {
        const name = this.readNamed();
        if (!name) return undefined;
        found.push(...name);
      }
      // Past the rest of this declarator: to a comma or the statement's end at this level.
      const depth = this.open.length;
      let angles = 0;
      let maybeTypeArguments = 0;
      let inType = this.token === this.SK.ColonToken;
      for (;;) {
        if (this.token === this.SK.EndOfFileToken) return found;
        if (this.open.length === depth) {
          if (this.token === this.SK.SemicolonToken) {
            this.next();
            return found;
          }
          // `<` opens type arguments in a type, and type parameters where an expression starts
          // (`= <T, U>() => ...`): their commas separate no declarators.
          if (this.token === this.SK.LessThanToken && (inType || !this.valueEnded())) angles++;
          // After a value, `<` compares or opens a call's type arguments (`build<A, B>(...)`),
          // and only a parse tells which: a comma before its `>` cannot be read for sure.
          else if (this.token === this.SK.LessThanToken) maybeTypeArguments++;
          if (this.token === this.SK.GreaterThanToken && angles > 0) angles--;
          else if (this.token === this.SK.GreaterThanToken && maybeTypeArguments > 0) maybeTypeArguments--;
          if (this.token === this.SK.CommaToken && angles === 0 && maybeTypeArguments > 0) return undefined;
          if ((this.token === this.SK.EqualsToken || this.token === this.SK.EqualsGreaterThanToken) && angles === 0) inType = false;
          // A return type annotation (`(...): T<A, B> =>`) in the initializer is a type too.
          if (this.token === this.SK.ColonToken && angles === 0) inType = true;
          if (this.token === this.SK.CommaToken && angles === 0 && this.scanner.lookAhead(this.startsDeclarator)) {
            this.next();
            break;
          }
          if (this.scanner.hasPrecedingLineBreak() && this.isName() && STATEMENT_STARTS.has(this.word())) return found;
        }
        if (!this.step()) return undefined;
      }
    }
  }

  /** After a comma: a name followed by `=`, `:`, `,` or the end, or a destructuring pattern. */
  private readonly startsDeclarator = (): boolean => {
    const after = this.scanner.scan();
    if (after === this.SK.OpenBraceToken || after === this.SK.OpenBracketToken) return true;
    if (!(after === this.SK.Identifier || (after >= this.SK.FirstKeyword && after <= this.SK.LastKeyword))) return false;
    const following = this.scanner.scan();
    return (
      following === this.SK.EqualsToken ||
      following === this.SK.ColonToken ||
      following === this.SK.CommaToken ||
      following === this.SK.SemicolonToken ||
      following === this.SK.EndOfFileToken ||
      this.scanner.hasPrecedingLineBreak()
    );
  };

  /** The names a destructuring pattern binds: `{ a, b: c, ...d }`, `[e, , f]`. */
  private readPattern(): string[] | undefined {
    const found: string[] = [];
    const depth = this.open.length;
    let expectName = true;
    if (!this.step()) return undefined;
    while (this.open.length > depth) {
      if (this.token === this.SK.EndOfFileToken) return undefined;
      if (this.open.length === depth + 1) {
        if (this.token === this.SK.CommaToken) expectName = true;
        else if (this.token === this.SK.ColonToken) {
          // `{ key: local }`: the local name is bound, not the key.
          found.pop();
          expectName = true;
        } else if (this.token === this.SK.EqualsToken) expectName = false;
        else if (expectName && this.isName()) {
          found.push(this.word());
          expectName = false;
        }
      }
      if (!this.step()) return undefined;
    }
    return found;
  }
}
