import type * as ts from 'typescript';

import type { PluginContext } from '../plugin-context';
import { storyHoverText } from '../story-hover';
import { timed } from '../timings';

/**
 * Hovers: on a story call, or the `yield*` that delegates to it, what the story asks of the
 * runtime: an action requester's action, payload and result, another story's action types
 * (type-aware only).
 */
export function quickInfo(context: PluginContext): Pick<ts.LanguageService, 'getQuickInfoAtPosition'> {
  const { tsm, inner, guarded } = context;
  return {
    getQuickInfoAtPosition(fileName: string, position: number, ...rest: unknown[]) {
      const own = (inner.getQuickInfoAtPosition as (...args: unknown[]) => ts.QuickInfo | undefined)(fileName, position, ...rest);
      return timed('quickInfoMs', () =>
        guarded('getQuickInfoAtPosition', own, () => {
          const program = inner.getProgram();
          const sourceFile = program?.getSourceFile(fileName);
          if (!program || !sourceFile || !context.settings().typeAware) return own;
          const added = storyHoverText(tsm, program, sourceFile, position);
          if (!added) return own;
          const part: ts.SymbolDisplayPart = { kind: 'text', text: added };
          if (!own) {
            return {
              kind: tsm.ScriptElementKind.unknown,
              kindModifiers: '',
              textSpan: { start: position, length: 0 },
              documentation: [part],
            };
          }
          const documentation = own.documentation?.length ? [...own.documentation, { kind: 'lineBreak', text: '\n\n' }, part] : [part];
          return { ...own, documentation };
        }),
      );
    },
  };
}
