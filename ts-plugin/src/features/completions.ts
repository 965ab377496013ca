import type * as ts from 'typescript';

import type { PluginContext } from '../plugin-context';
import { runtimeReferenceCompletions } from '../runtime-reference-navigation';

/** Completions: modules and exports inside a config's runtime string; elsewhere TypeScript's. */
export function completions(context: PluginContext): Pick<ts.LanguageService, 'getCompletionsAtPosition'> {
  const { tsm, inner, guarded } = context;
  return {
    getCompletionsAtPosition(fileName, position, options, formatting) {
      const program = inner.getProgram();
      const sourceFile = program?.getSourceFile(fileName);
      const ours =
        program &&
        sourceFile &&
        guarded('getCompletionsAtPosition', undefined, () => runtimeReferenceCompletions(tsm, program, sourceFile, position));
      return ours ?? inner.getCompletionsAtPosition(fileName, position, options, formatting);
    },
  };
}
