import { ts } from 'ts-morph';

import { findFrameworkCalls } from '../lib/calls';
import { queueOptionsIndex, queueSignature } from '../lib/config-signatures';
import { callList, type Edit, insertListElement, objectList, replaceNode } from '../lib/edits';
import { callLabel, isUndefinedLiteral } from '../lib/expressions';
import { CORE_PACKAGES } from '../lib/packages';
import { skipOuter } from '../lib/symbols';
import type { SourceContext, Transform } from '../transform';

const PROPERTY = 'batchWindowInSeconds';
const OLD_DEFAULT = 5;

export const queueBatchWindow: Transform = {
  name: 'queue-batch-window',
  description: `Adds \`${PROPERTY}: ${OLD_DEFAULT}\` to \`defineQueue\` calls that do not set it, so each queue keeps the batch window it had.`,
  frameworkChange: `quidproquo-core 0.1.14: the default \`${PROPERTY}\` of \`defineQueue\` went from ${OLD_DEFAULT} to 0`,
  migration: true,
  sinceVersion: '0.1.14',
  release: '0.1.14',
  runsAfter: ['config-v2'],
  targets: ['defineQueue'],

  transformSource(context) {
    const edits: Edit[] = [];
    for (const { call } of findFrameworkCalls(context, ['defineQueue'], CORE_PACKAGES)) {
      edits.push(...keepOldBatchWindow(context, call));
    }
    return edits;
  },
};

function keepOldBatchWindow(context: SourceContext, call: ts.CallExpression): Edit[] {
  const { sourceFile } = context;
  const label = callLabel(call, 'defineQueue', sourceFile);
  const signature = queueSignature(call, context.checker);
  if (signature.form === 'unknown') {
    context.note(
      'skip',
      `${label}: ${signature.reason}; add ${PROPERTY}: ${OLD_DEFAULT} to its options by hand if it relied on the old default`,
      call,
    );
    return [];
  }
  const index = queueOptionsIndex(signature.form);
  const added = `${label}: ${PROPERTY}: ${OLD_DEFAULT} added (the default before 0.1.14)`;
  const options = call.arguments[index];

  if (options === undefined) {
    context.note('change', added, call);
    return insertListElement(sourceFile, callList(sourceFile, call), call.arguments.length - 1, `{ ${PROPERTY}: ${OLD_DEFAULT} }`);
  }
  const node = skipOuter(options);
  if (ts.isObjectLiteralExpression(node)) {
    const existing = node.properties.find(
      (p) => p.name !== undefined && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name)) && p.name.text === PROPERTY,
    );
    if (existing) {
      if (
        ts.isPropertyAssignment(existing) &&
        ts.isNumericLiteral(skipOuter(existing.initializer)) &&
        Number((skipOuter(existing.initializer) as ts.NumericLiteral).text) === 0
      ) {
        context.note(
          'skip',
          `${label}: sets ${PROPERTY}: 0, which the old \`||\` default turned into ${OLD_DEFAULT} before 0.1.14 and which means 0 now; left as written`,
          existing,
        );
      }
      return [];
    }
    context.note('change', added, call);
    // Before any spread, so a value the spread object carries still wins.
    const atStart = node.properties.some(ts.isSpreadAssignment);
    return insertListElement(
      sourceFile,
      objectList(sourceFile, node),
      atStart ? -1 : node.properties.length - 1,
      `${PROPERTY}: ${OLD_DEFAULT}`,
    );
  }
  if (isUndefinedLiteral(node)) {
    context.note('change', added, call);
    return [replaceNode(sourceFile, options, `{ ${PROPERTY}: ${OLD_DEFAULT} }`)];
  }
  if (setsPropertyForSure(context, node)) return [];
  // An options object built elsewhere: spread it after the old default, so its own value wins.
  context.note('change', `${added}, spread before ${node.getText(sourceFile)} so a value it carries still wins`, call);
  return [replaceNode(sourceFile, options, `{ ${PROPERTY}: ${OLD_DEFAULT}, ...${options.getText(sourceFile)} }`)];
}

/** The options expression's type has a required `batchWindowInSeconds`. */
function setsPropertyForSure(context: SourceContext, expression: ts.Expression): boolean {
  const property = context.checker().getTypeAtLocation(expression).getProperty(PROPERTY);
  return property !== undefined && (property.flags & ts.SymbolFlags.Optional) === 0;
}
