import { createEventDocDefinition } from 'quidproquo-features';

export const todoDefinition = createEventDocDefinition({ schemaVersion: 1, foldReducer: (state: unknown) => state, createInitialViewState: () => ({}), validate: () => null, api: {} } as never);
