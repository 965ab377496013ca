import type { Contract } from 'qpq-contracts';
import { allContracts } from 'qpq-contracts';
import type * as ts from 'typescript';

import { codeFixes } from './features/code-fixes';
import { completions } from './features/completions';
import { definition } from './features/definition';
import { diagnostics } from './features/diagnostics';
import { quickInfo } from './features/quick-info';
import { type PluginSettings, readSettings } from './options';
import { describeError, type PluginContext } from './plugin-context';
import { registerTimingsCommand } from './timings';

/**
 * Wraps tsserver's language service: every method passes through, and each feature (in
 * features/) replaces the methods it adds to. Nothing thrown here reaches tsserver: a failure is
 * logged and the editor gets TypeScript's own answer.
 */
export interface QpqLanguageService extends ts.LanguageService {
  /** Applies a changed plugin entry from tsconfig without restarting tsserver. */
  updateSettings(config: unknown): void;
}

export function createQpqLanguageService(
  tsm: typeof ts,
  info: ts.server.PluginCreateInfo,
  contracts: readonly Contract[] = allContracts,
): QpqLanguageService {
  const inner = info.languageService;
  const log = (text: string) => info.project.projectService.logger.info(`[qpq-ts-plugin] ${text}`);
  let settings: PluginSettings;
  const context: PluginContext = {
    tsm,
    inner,
    contracts,
    settings: () => settings,
    log,
    guarded(what, fallback, body) {
      try {
        return body();
      } catch (error) {
        log(`${what} failed: ${describeError(error)}`);
        return fallback;
      }
    },
  };

  const proxy = Object.create(null) as QpqLanguageService;
  for (const key of Object.keys(inner) as Array<keyof ts.LanguageService>) {
    const method = inner[key];
    (proxy as unknown as Record<string, unknown>)[key] =
      typeof method === 'function' ? (...args: unknown[]) => (method as (...a: unknown[]) => unknown).apply(inner, args) : method;
  }

  proxy.updateSettings = (config) => {
    const read = readSettings(config, contracts);
    settings = read.settings;
    const problems = [...read.problems];
    if (settings.timings) {
      const problem = registerTimingsCommand(info.session);
      if (problem) problems.push(problem);
    }
    // One message for every problem in the entry, so a typo is easy to find in the log.
    if (problems.length > 0) log(`ignored parts of the plugin options in tsconfig: ${problems.join('; ')}`);
  };
  proxy.updateSettings(info.config);

  Object.assign(proxy, diagnostics(context), codeFixes(context), quickInfo(context), definition(context), completions(context));

  log(`loaded with ${contracts.length} rule(s)`);
  return proxy;
}
