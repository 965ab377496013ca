import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';

/**
 * Whether control can reach the end of a statement: a small, sound reading of JavaScript's
 * completion rules (return, throw, if/else, switch with default, try, infinite loops without
 * break). "Cannot complete" is only said when it is certain; `ends` decides which expression
 * statements end the story (`yield* askThrowError(...)`).
 */
export function canCompleteNormally(tsm: TypeScriptModule, statement: ts.Statement, ends: (expression: ts.Expression) => boolean): boolean {
  const SK = tsm.SyntaxKind;
  switch (statement.kind) {
    case SK.ReturnStatement:
    case SK.ThrowStatement:
      return false;
    case SK.Block:
      return statementsCanComplete(tsm, (statement as ts.Block).statements, ends);
    case SK.ExpressionStatement:
      return !ends((statement as ts.ExpressionStatement).expression);
    case SK.IfStatement: {
      const s = statement as ts.IfStatement;
      return !s.elseStatement || canCompleteNormally(tsm, s.thenStatement, ends) || canCompleteNormally(tsm, s.elseStatement, ends);
    }
    case SK.TryStatement: {
      const s = statement as ts.TryStatement;
      if (s.finallyBlock && !canCompleteNormally(tsm, s.finallyBlock, ends)) return false;
      return (
        canCompleteNormally(tsm, s.tryBlock, ends) || (s.catchClause !== undefined && canCompleteNormally(tsm, s.catchClause.block, ends))
      );
    }
    case SK.SwitchStatement: {
      const s = statement as ts.SwitchStatement;
      const clauses = s.caseBlock.clauses;
      if (!clauses.some((c) => c.kind === SK.DefaultClause) || containsBreak(tsm, s.caseBlock, true)) return true;
      // Without break, only the last clause's end leaves the switch (the others fall through).
      const last = clauses[clauses.length - 1];
      return statementsCanComplete(tsm, last.statements, ends);
    }
    case SK.WhileStatement:
    case SK.DoStatement:
    case SK.ForStatement: {
      const loop = statement as ts.WhileStatement | ts.DoStatement | ts.ForStatement;
      const condition = tsm.isForStatement(loop) ? loop.condition : loop.expression;
      const forever = condition === undefined || condition.kind === SK.TrueKeyword;
      return !forever || containsBreak(tsm, loop.statement, true);
    }
    case SK.LabeledStatement:
      // A labelled `break` may leave it from anywhere inside.
      return true;
    default:
      return true;
  }
}

export function statementsCanComplete(
  tsm: TypeScriptModule,
  statements: readonly ts.Statement[],
  ends: (expression: ts.Expression) => boolean,
): boolean {
  return statements.every((statement) => canCompleteNormally(tsm, statement, ends));
}

/** A `break` that leaves `node` (not one of an inner loop or switch), or any labelled break. */
function containsBreak(tsm: TypeScriptModule, node: ts.Node, outermost: boolean): boolean {
  if (tsm.isBreakStatement(node)) return true;
  let found = false;
  const visit = (child: ts.Node, nested: boolean): void => {
    if (found || tsm.isFunctionLike(child)) return;
    if (tsm.isBreakStatement(child) && (child.label !== undefined || !nested)) {
      found = true;
      return;
    }
    const entersBreakable = tsm.isIterationStatement(child, false) || tsm.isSwitchStatement(child);
    tsm.forEachChild(child, (grandchild) => visit(grandchild, nested || entersBreakable));
  };
  tsm.forEachChild(node, (child) => visit(child, !outermost));
  return found;
}
