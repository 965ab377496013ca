import { askLogCreate, type AskResponse } from 'quidproquo-core';
import type { HTTPEventResponse } from 'quidproquo-webserver';

/**
 * Runs nightly, and on demand from an admin route.
 * @qpq schedule: { cron: '0 3 * * ? *', options: { metadata: { owner: ops, retries: 2 } } }
 * @qpq route: { method: POST, path: /admin/cleanup }
 */
export function* cleanup(): AskResponse<HTTPEventResponse> {
  yield* askLogCreate('info', 'cleanup');
  return { status: 204, isBase64Encoded: false };
}
