import { createEventDocDefinition, createEventDocWorkspaceSlot, EventDocWorkspaceSlotKind } from 'quidproquo-features';

const api = {};
const chromeFolds = { kind: EventDocWorkspaceSlotKind.local, foldReducer: (state: unknown) => state, createInitialViewState: () => ({}) };

export const chrome = createEventDocDefinition({ saved: false, foldReducer: (state: unknown) => state, createInitialViewState: () => ({}), api });
export const todo = createEventDocDefinition({ schemaVersion: 1, foldReducer: (state: unknown) => state, createInitialViewState: () => ({}), api: { askRename: api } });
export const fromFolds = createEventDocWorkspaceSlot(chromeFolds, api);
