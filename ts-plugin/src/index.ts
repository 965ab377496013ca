import type * as ts from 'typescript';
import { createQpqLanguageService } from './language-service';

/** tsserver loads the plugin by calling this factory with the `typescript` module it runs on. */
function init(modules: { typescript: typeof ts }): ts.server.PluginModule {
  return {
    create(info) {
      return createQpqLanguageService(modules.typescript, info);
    },
  };
}

export = init;
