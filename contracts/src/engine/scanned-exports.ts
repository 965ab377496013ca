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
  const SK = tsm.SyntaxKind;
  const scanner = tsm.createScanner(tsm.ScriptTarget.Latest, true, tsm.LanguageVariant.Standard, text);
  const names: string[] = [];
  // Open brackets, and the template literals whose `${` opened one.
  const open: Array<'(' | '[' | '{' | '${'> = [];
  let token = scanner.scan();
  let previous: ts.SyntaxKind = SK.Unknown;
  const next = (): ts.SyntaxKind => {
    previous = token;
    return (token = scanner.scan());
  };
  /** Whether a value ends with the previous token: then a `/` divides, else it starts a regular expression. */
  const valueEnded = () =>
    previous === SK.Identifier ||
    previous === SK.CloseParenToken ||
    previous === SK.CloseBracketToken ||
    previous === SK.CloseBraceToken ||
    previous === SK.NumericLiteral ||
    previous === SK.StringLiteral ||
    previous === SK.ThisKeyword ||
    previous === SK.TemplateTail ||
    previous === SK.NoSubstitutionTemplateLiteral;
  const word = () => scanner.getTokenText();
  // Read through a call: the compiler would narrow `token` and not see `next()` change it.
  const is = (kind: ts.SyntaxKind) => token === kind;
  const isName = () => token === SK.Identifier || (token >= SK.FirstKeyword && token <= SK.LastKeyword);

  /** Steps over one token, keeping the bracket stack; false when the text cannot be read for sure. */
  const step = (): boolean => {
    switch (token) {
      case SK.OpenParenToken:
        open.push('(');
        break;
      case SK.OpenBracketToken:
        open.push('[');
        break;
      case SK.OpenBraceToken:
        open.push('{');
        break;
      case SK.TemplateHead:
        open.push('${');
        break;
      case SK.CloseParenToken:
        if (open.pop() !== '(') return false;
        break;
      case SK.CloseBracketToken:
        if (open.pop() !== '[') return false;
        break;
      case SK.CloseBraceToken: {
        const top = open.pop();
        if (top === '${') {
          token = scanner.reScanTemplateToken(false);
          if (token === SK.TemplateMiddle) open.push('${');
        } else if (top !== '{') return false;
        break;
      }
      case SK.SlashToken:
      case SK.SlashEqualsToken:
        // Where no value ends before it, a slash starts a regular expression: read it whole, so
        // the brackets inside it are not counted.
        if (!valueEnded()) token = scanner.reScanSlashToken();
        break;
      case SK.Unknown:
        return false;
    }
    next();
    return true;
  };

  while (token !== SK.EndOfFileToken) {
    if (open.length === 0 && token === SK.ExportKeyword) {
      next();
      const read = readExport();
      if (read === undefined) return undefined;
      names.push(...read);
      continue;
    }
    if (!step()) return undefined;
  }
  return open.length === 0 ? names : undefined;

  /** The names one top-level `export` declares; the scanner is left after them. */
  function readExport(): string[] | undefined {
    while (token === SK.DeclareKeyword || token === SK.AbstractKeyword || token === SK.AsyncKeyword) next();
    switch (token) {
      case SK.DefaultKeyword:
      case SK.EqualsToken:
        next();
        return ['default'];
      case SK.AsteriskToken: {
        next();
        if (!is(SK.AsKeyword)) return undefined;
        next();
        const name = word();
        next();
        return [name];
      }
      case SK.OpenBraceToken:
        return readExportList();
      case SK.TypeKeyword:
        next();
        if (is(SK.OpenBraceToken)) return readExportList();
        return readNamed();
      case SK.FunctionKeyword:
        next();
        if (is(SK.AsteriskToken)) next();
        return readNamed();
      case SK.ClassKeyword:
      case SK.InterfaceKeyword:
      case SK.EnumKeyword:
      case SK.NamespaceKeyword:
      case SK.ModuleKeyword:
        next();
        return readNamed();
      case SK.ConstKeyword:
        next();
        if (is(SK.EnumKeyword)) {
          next();
          return readNamed();
        }
        return readDeclarators();
      case SK.LetKeyword:
      case SK.VarKeyword:
        next();
        return readDeclarators();
      case SK.ImportKeyword:
        // `export import x = require(...)`
        next();
        return readNamed();
      default:
        return undefined;
    }
  }

  function readNamed(): string[] | undefined {
    if (!isName()) return undefined;
    const name = word();
    next();
    return [name];
  }

  /** `{ a, b as c, type d, "e" as f, default as g }`, then an optional `from '...'`. */
  function readExportList(): string[] | undefined {
    const found: string[] = [];
    next();
    let last: string | undefined;
    while (token !== SK.CloseBraceToken) {
      if (token === SK.EndOfFileToken) return undefined;
      if (token === SK.CommaToken) {
        if (last !== undefined) found.push(last);
        last = undefined;
      } else if (token !== SK.AsKeyword && !(token === SK.TypeKeyword && last === undefined)) {
        if (!isName() && token !== SK.StringLiteral) return undefined;
        last = token === SK.StringLiteral ? scanner.getTokenValue() : word();
      }
      next();
    }
    if (last !== undefined) found.push(last);
    next();
    return found;
  }

  /**
   * `const a = ..., b: T<U, V> = ...`: each declarator's name (destructured names too), reading
   * past type annotations and initializers to the end of the statement.
   */
  function readDeclarators(): string[] | undefined {
    const found: string[] = [];
    for (;;) {
      if (token === SK.OpenBraceToken || token === SK.OpenBracketToken) {
        const pattern = readPattern();
        if (!pattern) return undefined;
        found.push(...pattern);
      } else {
        const name = readNamed();
        if (!name) return undefined;
        found.push(...name);
      }
      // Past the rest of this declarator: to a comma or the statement's end at this level.
      const depth = open.length;
      let angles = 0;
      let inType = token === SK.ColonToken;
      for (;;) {
        if (token === SK.EndOfFileToken) return found;
        if (open.length === depth) {
          if (token === SK.SemicolonToken) {
            next();
            return found;
          }
          // `<` opens type arguments in a type, and type parameters where an expression starts
          // (`= <T, U>() => ...`): their commas separate no declarators.
          if (token === SK.LessThanToken && (inType || !valueEnded())) angles++;
          if (token === SK.GreaterThanToken && angles > 0) angles--;
          if ((token === SK.EqualsToken || token === SK.EqualsGreaterThanToken) && angles === 0) inType = false;
          // A return type annotation (`(...): T<A, B> =>`) in the initializer is a type too.
          if (token === SK.ColonToken && angles === 0) inType = true;
          if (token === SK.CommaToken && angles === 0 && scanner.lookAhead(startsDeclarator)) {
            next();
            break;
          }
          if (scanner.hasPrecedingLineBreak() && isName() && STATEMENT_STARTS.has(word())) return found;
        }
        if (!step()) return undefined;
      }
    }
  }

  /** After a comma: a name followed by `=`, `:`, `,` or the end, or a destructuring pattern. */
  function startsDeclarator(): boolean {
    const after = scanner.scan();
    if (after === SK.OpenBraceToken || after === SK.OpenBracketToken) return true;
    if (!(after === SK.Identifier || (after >= SK.FirstKeyword && after <= SK.LastKeyword))) return false;
    const following = scanner.scan();
    return (
      following === SK.EqualsToken ||
      following === SK.ColonToken ||
      following === SK.CommaToken ||
      following === SK.SemicolonToken ||
      following === SK.EndOfFileToken ||
      scanner.hasPrecedingLineBreak()
    );
  }

  /** The names a destructuring pattern binds: `{ a, b: c, ...d }`, `[e, , f]`. */
  function readPattern(): string[] | undefined {
    const found: string[] = [];
    const depth = open.length;
    let expectName = true;
    if (!step()) return undefined;
    while (open.length > depth) {
      if (token === SK.EndOfFileToken) return undefined;
      if (open.length === depth + 1) {
        if (token === SK.CommaToken) expectName = true;
        else if (token === SK.ColonToken) {
          // `{ key: local }`: the local name is bound, not the key.
          found.pop();
          expectName = true;
        } else if (token === SK.EqualsToken) expectName = false;
        else if (expectName && isName()) {
          found.push(word());
          expectName = false;
        }
      }
      if (!step()) return undefined;
    }
    return found;
  }
}
