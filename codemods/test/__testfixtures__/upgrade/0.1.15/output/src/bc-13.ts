import { EventDocDocument, EventDocEvent, foldEventDocLogStep } from 'quidproquo-features';

export function replay(state: EventDocDocument, events: EventDocEvent[], config: never): EventDocDocument {
  let current = state;
  for (const event of events) {
    [current] = foldEventDocLogStep(current, event, config);
  }
  const [last] = foldEventDocLogStep(current, events[0], config);
  return last;
}
