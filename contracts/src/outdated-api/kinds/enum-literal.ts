import type * as ts from 'typescript';

import { skipTransparentWrappers } from '../../engine/syntax';
import type { SiteCollector } from '../collector';
import { packageMatches } from '../framework-refs';
import type { EnumLiteralEntry } from '../tables';

/**
 * `enum-literal`: `x.finishReason === 'tool-calls'` and `case 'tool-calls':` in a switch on
 * `x.finishReason` compare an enum with a string its type no longer admits; the member replaces it.
 * With `guard`, only files that use one of those exports are judged (the member name is common).
 */
export function enumLiteralSites(
  collector: SiteCollector,
  entry: EnumLiteralEntry & { guard?: Array<{ package: string; name: string }> },
): void {
  const { tsm, sourceFile: sf, resolver } = collector;
  const literals = Object.keys(entry.values);
  if (!sf.text.includes(entry.property) || !literals.some((l) => sf.text.includes(l))) return;
  if (entry.guard) {
    const uses = [...resolver.imports.bindings.values()].some((b) =>
      entry.guard!.some((g) => packageMatches(b.package, g.package) && (b.imported === g.name || b.imported === undefined)),
    );
    if (!uses) return;
  }
  const isMember = (node: ts.Expression) => {
    const inner = skipTransparentWrappers(tsm, node);
    return (
      (tsm.isPropertyAccessExpression(inner) && inner.name.text === entry.property) ||
      (tsm.isElementAccessExpression(inner) &&
        tsm.isStringLiteral(inner.argumentExpression) &&
        inner.argumentExpression.text === entry.property)
    );
  };
  const report = (literal: ts.StringLiteralLike) => {
    const member = entry.values[literal.text];
    const local = collector.plan().use(entry.enum);
    if (local === undefined) {
      collector.abandon();
      collector.report({
        entry,
        start: literal.getStart(sf),
        end: literal.end,
        message: `\`'${literal.text}'\` is \`${entry.enum.name}.${member}\``,
        manual: `\`${entry.enum.name}\` is already a name in this file`,
      });
      return;
    }
    collector.report({
      entry,
      start: literal.getStart(sf),
      end: literal.end,
      message: `\`'${literal.text}'\` is \`${entry.enum.name}.${member}\``,
      edits: [{ start: literal.getStart(sf), end: literal.end, newText: `${local}.${member}` }],
    });
  };
  const comparison = new Set([
    tsm.SyntaxKind.EqualsEqualsEqualsToken,
    tsm.SyntaxKind.ExclamationEqualsEqualsToken,
    tsm.SyntaxKind.EqualsEqualsToken,
    tsm.SyntaxKind.ExclamationEqualsToken,
  ]);
  const visit = (node: ts.Node): void => {
    if (tsm.isBinaryExpression(node) && comparison.has(node.operatorToken.kind)) {
      const left = skipTransparentWrappers(tsm, node.left);
      const right = skipTransparentWrappers(tsm, node.right);
      if (isMember(left) && tsm.isStringLiteralLike(right) && right.text in entry.values) report(right);
      else if (isMember(right) && tsm.isStringLiteralLike(left) && left.text in entry.values) report(left);
    }
    if (tsm.isSwitchStatement(node) && isMember(node.expression)) {
      for (const clause of node.caseBlock.clauses) {
        if (tsm.isCaseClause(clause)) {
          const value = skipTransparentWrappers(tsm, clause.expression);
          if (tsm.isStringLiteralLike(value) && value.text in entry.values) report(value);
        }
      }
    }
    tsm.forEachChild(node, visit);
  };
  visit(sf);
}
