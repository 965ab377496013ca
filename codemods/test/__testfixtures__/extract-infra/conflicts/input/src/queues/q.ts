import type { AskResponse } from 'quidproquo-core';

/** @qpq queue: { name: jobs, eventType: job/a, options: { batchSize: 5 } } */
export function* onA(): AskResponse<void> {}

/** @qpq queue: { name: jobs, eventType: job/b, options: { batchSize: 10 } } */
export function* onB(): AskResponse<void> {}

/** @qpq queue: { name: jobs, eventType: job/a } */
export function* onAgain(): AskResponse<void> {}
