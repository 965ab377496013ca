import type * as ts from 'typescript';
import type { PluginContext } from '../plugin-context';
import { storyYieldsText } from '../story-hover';
import { timed } from '../timings';

/** Hovers: a story call's hover adds the action types the story may yield (type-aware only). */
export function quickInfo(context: PluginContext): Pick<ts.LanguageService, 'getQuickInfoAtPosition'> {
  const { tsm, inner, guarded } = context;
  return {
    getQuickInfoAtPosition(fileName: string, position: number, ...rest: unknown[]) {
      const own = (inner.getQuickInfoAtPosition as Function)(fileName, position, ...rest) as ts.QuickInfo | undefined;
      return timed('quickInfoMs', () =>
        guarded('getQuickInfoAtPosition', own, () => {
          const program = inner.getProgram();
          const sourceFile = program?.getSourceFile(fileName);
          if (!program || !sourceFile || !context.settings().typeAware) return own;
          const yields = storyYieldsText(tsm, program, sourceFile, position);
          if (!yields) return own;
          const part: ts.SymbolDisplayPart = { kind: 'text', text: yields };
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
