import { unsupportedTypeScript } from 'qpq-contracts';
import type * as ts from 'typescript';

import { createQpqLanguageService, type QpqLanguageService } from './language-service';

/**
 * The plugin's language service of each project, kept where every copy of the plugin finds it: a
 * tsconfig may name the plugin twice, an editor may add its own copy as a global plugin, and
 * tsserver loads the plugins again into the same language service when it reloads a project (an
 * edited tsconfig). Wrapping it twice would show every finding twice.
 */
const RUNNING_KEY = Symbol.for('qpq-ts-plugin.running');
type Running = WeakMap<object, Pick<QpqLanguageService, 'updateSettings'>>;
const running: Running = ((globalThis as Record<symbol, unknown>)[RUNNING_KEY] as Running | undefined) ?? new WeakMap();
(globalThis as Record<symbol, unknown>)[RUNNING_KEY] = running;

/**
 * tsserver loads the plugin by calling this factory with the `typescript` module it runs on, once
 * for each project that names the plugin in its tsconfig.
 */
function init(modules: { typescript: typeof ts }): ts.server.PluginModule {
  const services = new Set<Pick<QpqLanguageService, 'updateSettings'>>();
  const problem = unsupportedTypeScript(modules.typescript, 'qpq-ts-plugin');
  return {
    create(info) {
      const log = (text: string) => info.project.projectService.logger.info(`[qpq-ts-plugin] ${text}`);
      if (problem) {
        // The editor keeps TypeScript's own answers; the reason is in the tsserver log.
        log(`not started: ${problem}`);
        return info.languageService;
      }
      const already = running.get(info.project);
      if (already) {
        // The later entry's options apply: after a reload, they are the edited tsconfig's.
        log('already running in this project: not started again, its options are taken from this plugin entry');
        already.updateSettings(info.config);
        services.add(already);
        return info.languageService;
      }
      const service = createQpqLanguageService(modules.typescript, info);
      running.set(info.project, service);
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
