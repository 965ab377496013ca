import type * as ts from 'typescript';
import { unsupportedTypeScript } from 'qpq-contracts';
import { createQpqLanguageService, type QpqLanguageService } from './language-service';

/**
 * tsserver loads the plugin by calling this factory with the `typescript` module it runs on, once
 * for each project that names the plugin in its tsconfig.
 */
function init(modules: { typescript: typeof ts }): ts.server.PluginModule {
  const services = new Set<QpqLanguageService>();
  const problem = unsupportedTypeScript(modules.typescript, 'qpq-ts-plugin');
  return {
    create(info) {
      if (problem) {
        // The editor keeps TypeScript's own answers; the reason is in the tsserver log.
        info.project.projectService.logger.info(`[qpq-ts-plugin] not started: ${problem}`);
        return info.languageService;
      }
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
