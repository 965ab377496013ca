import { applyEdits, type Fix } from 'qpq-contracts';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { disableForFile, disableForLine, removeUnusedRule } from '../src/directive-edits';
import { Suppressions } from '../src/suppressions';

const RULE = 'qpq/require-yield-star';

const sourceOf = (text: string) => ts.createSourceFile('file.tsx', text, ts.ScriptTarget.Latest, true);
const applied = (text: string, fix: Fix | undefined) => fix && applyEdits(text, fix.edits);

/** The file after "disable for this line" on the first `mark()` at or after `from`. */
function disabledLine(text: string, from = 0): string | undefined {
  return applied(text, disableForLine(ts, sourceOf(text), RULE, text.indexOf('mark()', from)));
}

const disabledFile = (text: string) => applied(text, disableForFile(ts, sourceOf(text), RULE));

/** `{ rule, directive }` for each unused rule, given findings of RULE at each `mark()`. */
function unused(text: string, judged: (ruleId: string) => boolean = (id) => id.startsWith('qpq/')) {
  const findings: Array<{ ruleId: string; start: number }> = [];
  for (let at = text.indexOf('mark()'); at >= 0; at = text.indexOf('mark()', at + 1)) findings.push({ ruleId: RULE, start: at });
  return Suppressions.of(ts, sourceOf(text)).unusedRules(findings, judged);
}

/** The file with the first unused rule's removal applied. */
function removedFirstUnused(text: string): { description: string; text: string } {
  const [first] = unused(text);
  const fix = removeUnusedRule(text, first);
  return { description: fix.description, text: applyEdits(text, fix.edits) };
}

describe('disable for this line', () => {
  it('writes the directive above the line, with its indentation', () => {
    expect(disabledLine(['function* s() {', '  if (x) {', '    mark();', '  }', '}'].join('\n'))).toBe(
      ['function* s() {', '  if (x) {', '    // eslint-disable-next-line qpq/require-yield-star', '    mark();', '  }', '}'].join('\n'),
    );
  });

  it('keeps the line breaks of the file', () => {
    expect(disabledLine('function* s() {\r\n\tmark();\r\n}\r\n')).toBe(
      'function* s() {\r\n\t// eslint-disable-next-line qpq/require-yield-star\r\n\tmark();\r\n}\r\n',
    );
  });

  it('adds the rule to a next-line directive already above the line, before its reason', () => {
    expect(disabledLine(['  // eslint-disable-next-line other/rule -- legacy', '  mark();'].join('\n'))).toBe(
      ['  // eslint-disable-next-line other/rule, qpq/require-yield-star -- legacy', '  mark();'].join('\n'),
    );
  });

  it('writes a new directive when the comment above is not a next-line directive with rules', () => {
    expect(disabledLine(['// a note', 'mark();'].join('\n'))).toBe(
      ['// a note', '// eslint-disable-next-line qpq/require-yield-star', 'mark();'].join('\n'),
    );
  });

  it('offers nothing where the line starts inside a template literal or JSX text', () => {
    expect(disabledLine(['const t = `first', '${mark()}`;'].join('\n'))).toBeUndefined();
    expect(disabledLine(['const e = <div>', '  {mark()}', '</div>;'].join('\n'))).toBeUndefined();
    // A template that ends before the line is no obstacle.
    expect(disabledLine(['const t = `one`;', 'mark();'].join('\n'))).toBe(
      ['const t = `one`;', '// eslint-disable-next-line qpq/require-yield-star', 'mark();'].join('\n'),
    );
  });
});

describe('disable for this file', () => {
  it('writes the directive on the first line', () => {
    expect(disabledFile('mark();\n')).toBe('/* eslint-disable qpq/require-yield-star */\nmark();\n');
  });

  it('writes it after a shebang and after a leading comment block set apart by a blank line', () => {
    expect(disabledFile('#!/usr/bin/env node\nmark();\n')).toBe(
      '#!/usr/bin/env node\n/* eslint-disable qpq/require-yield-star */\nmark();\n',
    );
    expect(disabledFile(['/*', ' * Licence', ' */', '// second line of the header', '', 'mark();'].join('\n'))).toBe(
      ['/*', ' * Licence', ' */', '// second line of the header', '/* eslint-disable qpq/require-yield-star */', '', 'mark();'].join('\n'),
    );
    expect(disabledFile(['#!/usr/bin/env node', '// header', '', '/** The story. */', 'mark();'].join('\n'))).toBe(
      ['#!/usr/bin/env node', '// header', '/* eslint-disable qpq/require-yield-star */', '', '/** The story. */', 'mark();'].join('\n'),
    );
  });

  it('keeps a comment that documents the first statement next to it', () => {
    expect(disabledFile(['/** The story. */', 'mark();'].join('\n'))).toBe(
      ['/* eslint-disable qpq/require-yield-star */', '/** The story. */', 'mark();'].join('\n'),
    );
  });
});

describe('unused disable directives', () => {
  it('are the qpq rules a directive names that silence no finding there', () => {
    const text = [
      '// eslint-disable-next-line qpq/require-yield-star',
      'mark();',
      '// eslint-disable-next-line qpq/require-yield-star, qpq/pure-stories -- two',
      'other();',
      'mark(); // eslint-disable-line qpq/require-yield-star',
      'other(); // eslint-disable-line qpq/require-yield-star',
      '// eslint-disable-next-line other/rule',
      'other();',
      '/* eslint-disable-next-line */',
      'other();',
    ].join('\n');
    expect(unused(text).map(({ directive, rule }) => `${directive.kind} ${rule.name} at ${text.slice(rule.start, rule.end)}`)).toEqual([
      'disable-next-line qpq/require-yield-star at qpq/require-yield-star',
      'disable-next-line qpq/pure-stories at qpq/pure-stories',
      'disable-line qpq/require-yield-star at qpq/require-yield-star',
    ]);
    expect(unused(text).map(({ directive }) => directive.pos)).toEqual([
      text.indexOf('// eslint-disable-next-line qpq/require-yield-star, '),
      text.indexOf('// eslint-disable-next-line qpq/require-yield-star, '),
      text.lastIndexOf('// eslint-disable-line'),
    ]);
  });

  it('are judged only for the rules the caller knows', () => {
    const text = ['// eslint-disable-next-line qpq/require-yield-star, qpq/pure-stories', 'other();'].join('\n');
    expect(unused(text, (id) => id === 'qpq/pure-stories').map(({ rule }) => rule.name)).toEqual(['qpq/pure-stories']);
  });

  it('in a region: used when a finding lies between disable and enable; a region that silences nothing is unused', () => {
    const text = [
      '/* eslint-disable qpq/require-yield-star */',
      'mark();',
      '/* eslint-enable qpq/require-yield-star */',
      '/* eslint-disable qpq/require-yield-star */',
      'other();',
      '/* eslint-enable qpq/require-yield-star */',
      'mark();',
    ].join('\n');
    expect(unused(text).map(({ directive, enable }) => [directive.pos, enable?.directive.pos])).toEqual([
      [text.indexOf('/* eslint-disable', 1), text.lastIndexOf('/* eslint-enable')],
    ]);
  });

  it('are removed whole when they name only that rule, with their line or the spaces before them', () => {
    expect(
      removedFirstUnused(['function* s() {', '  // eslint-disable-next-line qpq/require-yield-star', '  other();', '}'].join('\n')),
    ).toEqual({
      description: 'Remove the unused eslint-disable directive for qpq/require-yield-star',
      text: ['function* s() {', '  other();', '}'].join('\n'),
    });
    expect(removedFirstUnused('other(); // eslint-disable-line qpq/require-yield-star\r\nnext();\r\n').text).toBe(
      'other();\r\nnext();\r\n',
    );
    expect(removedFirstUnused('/* eslint-disable-next-line qpq/require-yield-star */ other();\nother();\n').text).toBe(
      'other();\nother();\n',
    );
  });

  it("lose only that rule from a list, and the region's enable loses it too", () => {
    expect(removedFirstUnused(['// eslint-disable-next-line other/rule, qpq/require-yield-star -- why', 'other();'].join('\n'))).toEqual({
      description: 'Remove qpq/require-yield-star from the eslint-disable directive',
      text: ['// eslint-disable-next-line other/rule -- why', 'other();'].join('\n'),
    });
    const region = [
      '/* eslint-disable qpq/require-yield-star, other/rule */',
      'other();',
      '/* eslint-enable qpq/require-yield-star, other/rule */',
      '/* eslint-disable qpq/require-yield-star */',
      'other();',
      '/* eslint-enable qpq/require-yield-star */',
      'done();',
    ].join('\n');
    expect(removedFirstUnused(region).text).toBe(
      [
        '/* eslint-disable other/rule */',
        'other();',
        '/* eslint-enable other/rule */',
        '/* eslint-disable qpq/require-yield-star */',
        'other();',
        '/* eslint-enable qpq/require-yield-star */',
        'done();',
      ].join('\n'),
    );
    const [, second] = unused(region);
    expect(applyEdits(region, removeUnusedRule(region, second).edits)).toBe(
      [
        '/* eslint-disable qpq/require-yield-star, other/rule */',
        'other();',
        '/* eslint-enable qpq/require-yield-star, other/rule */',
        'other();',
        'done();',
      ].join('\n'),
    );
  });
});
