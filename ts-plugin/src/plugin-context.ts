import type { Contract } from 'qpq-contracts';
import type * as ts from 'typescript';

import type { PluginSettings } from './options';

/** What every feature of the plugin works with, for one project. */
export interface PluginContext {
  tsm: typeof ts;
  /** tsserver's own language service, the one the plugin wraps. */
  inner: ts.LanguageService;
  contracts: readonly Contract[];
  /** The project's current options (they change with `configurePlugin`). */
  settings(): PluginSettings;
  log(text: string): void;
  /**
   * Runs `body`, and on an exception logs it and answers `fallback`: nothing thrown by the plugin
   * reaches tsserver, so the editor keeps TypeScript's own answers.
   */
  guarded<T>(what: string, fallback: T, body: () => T): T;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
