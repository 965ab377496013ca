import { askLogCreate, type AskResponse } from 'quidproquo-core';

/** @qpq deployEvent: { name: seed-data } */
export function* onDeploy(): AskResponse<void> {
  yield* askLogCreate('info', 'deployed');
}
