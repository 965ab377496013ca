import type * as ts from 'typescript';

const TIMINGS_COMMAND = 'qpq/timings';

/** The plugin's own time on the last requests of any project in this tsserver. */
export interface Timings {
  diagnosticsMs: number;
  quickInfoMs: number;
}

// One tsserver process serves every project an editor opens, and a protocol command can be
// registered once per session: the store and the registration are process-wide, not per project.
const latest: Timings = { diagnosticsMs: 0, quickInfoMs: 0 };
const registered = new WeakSet<object>();

export function timed<T>(key: keyof Timings, body: () => T): T {
  const started = performance.now();
  try {
    return body();
  } finally {
    latest[key] = performance.now() - started;
  }
}

/**
 * Adds the `qpq/timings` command to the tsserver session, once per session, for benchmarks.
 * Returns a message for the log when it cannot (no session, or a command of that name already
 * registered by something else).
 */
export function registerTimingsCommand(session: ts.server.Session | undefined): string | undefined {
  if (!session) return `"timings": the ${TIMINGS_COMMAND} command needs a tsserver session; none here`;
  if (registered.has(session)) return undefined;
  try {
    session.addProtocolHandler(TIMINGS_COMMAND, () => ({ response: { ...latest }, responseRequired: true }));
    registered.add(session);
    return undefined;
  } catch (error) {
    registered.add(session);
    return `"timings": could not add the ${TIMINGS_COMMAND} command: ${error instanceof Error ? error.message : String(error)}`;
  }
}
