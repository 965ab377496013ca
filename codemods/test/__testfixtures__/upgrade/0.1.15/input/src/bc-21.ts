import { EventDocDocument, EventDocEvent, foldEventDocLogStep } from 'quidproquo-features';

export function step(state: EventDocDocument, event: EventDocEvent, reducer: never, acceptance: never) {
  const [next] = foldEventDocLogStep(state, event, {
    reducer,
    migrations: {},
    latestVersion: 1,
    acceptance,
  });
  return next;
}
