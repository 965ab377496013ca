import { createEventDocDefinition } from 'quidproquo-features';

const foldReducer = (state: { title: string }) => state;

export const todoDefinition = createEventDocDefinition({
  schemaVersion: 2,
  foldReducer,
  createInitialViewState: () => ({ title: '' }),
  api: {},
});
export const noteDefinition = createEventDocDefinition({ schemaVersion: 1, foldReducer, createInitialViewState: () => ({ title: '' }), migrations: {}, api: {} });
export const chromeDefinition = createEventDocDefinition({ saved: false, foldReducer, createInitialViewState: () => ({ title: '' }), api: {} });
