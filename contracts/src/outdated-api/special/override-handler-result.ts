import type * as ts from 'typescript';

import { skipTransparentWrappers } from '../../engine/syntax';
import type { TextEdit } from '../../types';
import type { SiteCollector } from '../collector';
import { callsTo } from '../kinds/call-shape';
import type { ExportRef, SpecialEntry } from '../tables';

/**
 * A handler given to `askOverrideActions` used to have its return value shaped by the framework;
 * now it is fed back verbatim. Each value a handler computes itself is wrapped:
 * `return value` -> `return getSuccessfulEitherActionResultIfRequired(value, action.returnErrors)`.
 * A handler that relays its action (`return yield action`) stays as it is.
 */
export function overrideHandlerResultSites(collector: SiteCollector, entry: SpecialEntry): void {
  const { tsm, sourceFile: sf } = collector;
  const helperRef = (entry.data as { helper: ExportRef }).helper;
  for (const call of callsTo(collector, entry.targets[0])) {
    const overrides = call.arguments[1] && skipTransparentWrappers(tsm, call.arguments[1]);
    if (!overrides || !tsm.isObjectLiteralExpression(overrides)) continue;
    for (const property of overrides.properties) {
      const handler = tsm.isMethodDeclaration(property)
        ? property
        : tsm.isPropertyAssignment(property)
          ? skipTransparentWrappers(tsm, property.initializer)
          : undefined;
      if (!handler || !(tsm.isMethodDeclaration(handler) || tsm.isFunctionExpression(handler)) || !handler.body) continue;
      const returns = returnsToShape(tsm, handler);
      if (returns.length === 0) continue;
      const where = {
        start: property.getStart(sf),
        end: property.end,
        message: 'the handler returns a value it computed itself, which the story now receives unshaped',
      };
      const parameter = handler.parameters[0];
      if (!parameter || !tsm.isIdentifier(parameter.name)) {
        collector.report({
          entry,
          ...where,
          manual:
            'the handler does not name its action parameter: shape its result with `getSuccessfulEitherActionResultIfRequired(value, action.returnErrors)`',
        });
        continue;
      }
      const helper = collector.plan().use(helperRef);
      if (!helper) {
        collector.abandon();
        collector.report({ entry, ...where, manual: `\`${helperRef.name}\` is already a name in this file` });
        continue;
      }
      const action = parameter.name.text;
      const edits: TextEdit[] = returns.map((statement) => {
        if (!statement.expression)
          return { start: statement.getStart(sf), end: statement.end, newText: `return ${helper}(undefined, ${action}.returnErrors);` };
        return {
          start: statement.expression.getStart(sf),
          end: statement.expression.end,
          newText: `${helper}(${statement.expression.getText(sf)}, ${action}.returnErrors)`,
        };
      });
      collector.report({ entry, ...where, edits });
    }
  }
}

function returnsToShape(tsm: typeof ts, handler: ts.MethodDeclaration | ts.FunctionExpression): ts.ReturnStatement[] {
  const parameter = handler.parameters[0];
  const action = parameter && tsm.isIdentifier(parameter.name) ? parameter.name.text : undefined;
  const found: ts.ReturnStatement[] = [];
  const visit = (node: ts.Node): void => {
    if (tsm.isFunctionLike(node)) return;
    if (tsm.isReturnStatement(node)) {
      const value = node.expression && skipTransparentWrappers(tsm, node.expression);
      const relays =
        value &&
        tsm.isYieldExpression(value) &&
        !value.asteriskToken &&
        value.expression &&
        tsm.isIdentifier(skipTransparentWrappers(tsm, value.expression)) &&
        (skipTransparentWrappers(tsm, value.expression) as ts.Identifier).text === action;
      const shaped =
        value &&
        tsm.isCallExpression(value) &&
        tsm.isIdentifier(value.expression) &&
        value.expression.text === 'getSuccessfulEitherActionResultIfRequired';
      if (!relays && !shaped) found.push(node);
    }
    tsm.forEachChild(node, visit);
  };
  handler.body!.statements.forEach(visit);
  return found;
}
