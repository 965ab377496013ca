import type * as ts from 'typescript';

import type { PluginContext } from '../plugin-context';
import { runtimeReferenceDefinition } from '../runtime-reference-navigation';

/** Go to definition: from a config's runtime string to the story it names; elsewhere TypeScript's. */
export function definition(context: PluginContext): Pick<ts.LanguageService, 'getDefinitionAndBoundSpan'> {
  const { tsm, inner, guarded } = context;
  return {
    getDefinitionAndBoundSpan(fileName, position) {
      const program = inner.getProgram();
      const sourceFile = program?.getSourceFile(fileName);
      const ours =
        program &&
        sourceFile &&
        guarded('getDefinitionAndBoundSpan', undefined, () => runtimeReferenceDefinition(tsm, program, sourceFile, position));
      return ours ?? inner.getDefinitionAndBoundSpan(fileName, position);
    },
  };
}
