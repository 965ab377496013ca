import { createEventDocDefinition, EventDocDefinition } from 'quidproquo-features';

const definition = createEventDocDefinition({ saved: false, foldReducer: (state: unknown) => state, createInitialViewState: () => ({}), api: {} });

export const foldAll = (events: never[]) => definition.fold(events);
export const foldWith = (other: EventDocDefinition<never, never>, events: never[]) => other.fold(events);
