import { getStoryRecognizer, type RequestedAction, requestedActionOfCall, type StoryCallNode, yieldedActionsOfCall } from 'qpq-contracts';
import type * as ts from 'typescript';

/** More than this many action types are cut, with a count of the rest. */
export const MAX_LISTED_ACTIONS = 8;

/**
 * The story call under the cursor: on its callee, its arguments' parentheses, or the `yield*`
 * that delegates to it.
 */
export function storyCallAt(tsm: typeof ts, sourceFile: ts.SourceFile, position: number): StoryCallNode | undefined {
  let node: ts.Node = sourceFile;
  let found: StoryCallNode | undefined;
  for (;;) {
    if (tsm.isYieldExpression(node) && node.asteriskToken && node.expression && position < node.expression.getStart(sourceFile)) {
      const operand = node.expression;
      if (tsm.isCallExpression(operand) || tsm.isTaggedTemplateExpression(operand)) return operand;
    }
    if (tsm.isCallExpression(node) || tsm.isTaggedTemplateExpression(node)) {
      const callee = tsm.isCallExpression(node) ? node.expression : node.tag;
      if (position <= callee.getEnd()) found = node;
    }
    let inner: ts.Node | undefined;
    tsm.forEachChild(node, (child) => {
      if (child.getStart(sourceFile) <= position && position < child.getEnd()) {
        inner = child;
        return true;
      }
      return undefined;
    });
    if (!inner) return found;
    node = inner;
  }
}

/**
 * What a story call's hover adds: for an action requester, the action it asks for, its payload and
 * what the story gets back; for any other story, `yields: @a, @b, … and 3 more`. Undefined when
 * the call is no story call.
 */
export function storyHoverText(tsm: typeof ts, program: ts.Program, sourceFile: ts.SourceFile, position: number): string | undefined {
  const call = storyCallAt(tsm, sourceFile, position);
  if (!call) return undefined;
  const checker = program.getTypeChecker();
  if (!getStoryRecognizer(tsm, sourceFile, checker, program).isStoryCall(call)) return undefined;
  const requested = requestedActionOfCall(tsm, checker, call, program);
  return requested ? requestedActionText(checker, requested, call) : yieldsText(tsm, checker, call, program);
}

/** A code block, as hovers show types: the action type, the payload type, the result. */
function requestedActionText(checker: ts.TypeChecker, requested: RequestedAction, at: ts.Node): string {
  const typeText = (type: ts.Type | undefined, absent: string) => (type ? checker.typeToString(type, at) : absent);
  return [
    '```ts',
    `action: ${requested.actionTypes.map((type) => `'${type}'`).join(' | ')}`,
    `payload: ${typeText(requested.payload, 'none')}`,
    `returns: ${typeText(requested.returns, 'unknown')}`,
    '```',
  ].join('\n');
}

function yieldsText(tsm: typeof ts, checker: ts.TypeChecker, call: StoryCallNode, program: ts.Program): string {
  const { types, complete } = yieldedActionsOfCall(tsm, checker, call, program);
  const sorted = [...types].sort();
  const listed = sorted.slice(0, MAX_LISTED_ACTIONS);
  const rest = sorted.length - listed.length;
  let text = listed.length > 0 ? `yields: ${listed.join(', ')}` : 'yields: no action types known';
  if (rest > 0) text += `, … and ${rest} more`;
  if (!complete) text += ' (and actions of stories that could not be followed)';
  return text;
}
