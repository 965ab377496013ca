import type * as ts from 'typescript';
import { createQpqLanguageService, type QpqLanguageService } from './language-service';

/** tsserver loads the plugin by calling this factory with the `typescript` module it runs on. */
function init(modules: { typescript: typeof ts }): ts.server.PluginModule {
  const services = new Set<QpqLanguageService>();
  return {
    create(info) {
      const service = createQpqLanguageService(modules.typescript, info);
      services.add(service);
      return service;
    },
    // Sent by editors through tsserver's `configurePlugin` request.
    onConfigurationChanged(config: unknown) {
      for (const service of services) service.updateSettings(config);
    },
  };
}

export = init;
