import { AskResponse } from 'quidproquo-core';
import { askEventDocEventList } from 'quidproquo-features';

export function* askNewer(id: string, afterIndex: number): AskResponse<unknown> {
  return yield* askEventDocEventList(id, { afterEventId: afterIndex, limit: 50 });
}

export const pageUrl = (id: string, after: number) => `/docs/${id}/events?afterEventId=${after}`;
