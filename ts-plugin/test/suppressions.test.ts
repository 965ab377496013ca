import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { Suppressions } from '../src/suppressions';

const RULE = 'qpq/require-yield-star';

/** 1-based line numbers of `mark()` calls that are suppressed for RULE. */
function suppressedLines(text: string, rule = RULE): number[] {
  const sourceFile = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true);
  const suppressions = Suppressions.of(ts, sourceFile);
  const lines: number[] = [];
  for (let at = text.indexOf('mark()'); at >= 0; at = text.indexOf('mark()', at + 1)) {
    if (suppressions.isSuppressed(rule, at)) lines.push(sourceFile.getLineAndCharacterOfPosition(at).line + 1);
  }
  return lines;
}

describe('Suppressions reads ESLint disable comments as ESLint does', () => {
  it('next-line and same-line directives, for this rule, for every rule, or with a reason', () => {
    const text = [
      '// eslint-disable-next-line qpq/require-yield-star',
      'mark();',
      'mark(); // eslint-disable-line qpq/require-yield-star',
      '/* eslint-disable-next-line */',
      'mark();',
      '// eslint-disable-next-line other/rule, qpq/require-yield-star -- reason, with commas',
      'mark();',
      '// eslint-disable-next-line other/rule',
      'mark();',
      'mark();',
    ].join('\n');
    expect(suppressedLines(text)).toEqual([2, 3, 5, 7]);
  });

  it('disable/enable regions, per rule and for all rules, open to the end of the file', () => {
    const text = [
      '/* eslint-disable qpq/require-yield-star */',
      'mark();',
      '/* eslint-enable qpq/require-yield-star */',
      'mark();',
      '/* eslint-disable other/rule */',
      'mark();',
      '/* eslint-disable */',
      'mark();',
    ].join('\n');
    expect(suppressedLines(text)).toEqual([2, 8]);
  });

  it('ignores directive text inside strings and templates', () => {
    const text = [
      "const a = '// eslint-disable-next-line qpq/require-yield-star';",
      'mark();',
      'const b = `${x} /* eslint-disable */ ${y}`;',
      'mark();',
    ].join('\n');
    expect(suppressedLines(text)).toEqual([]);
    // The same lines do suppress once the directive is a real comment.
    expect(
      suppressedLines(
        text.replace("'// eslint-disable-next-line qpq/require-yield-star';", "''; // eslint-disable-next-line qpq/require-yield-star"),
      ),
    ).toEqual([2]);
  });

  it('costs nothing on a file without directives', () => {
    const sourceFile = ts.createSourceFile('file.ts', 'mark();', ts.ScriptTarget.Latest, true);
    expect(Suppressions.of(ts, sourceFile)).toBe(Suppressions.none);
  });
});
