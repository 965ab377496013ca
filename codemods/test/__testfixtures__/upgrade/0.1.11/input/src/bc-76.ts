import { createEventDocWorkspaceSlot, EventDocWorkspaceSlotKind } from 'quidproquo-features';

const api = {};
const chromeFolds = { kind: EventDocWorkspaceSlotKind.local, foldReducer: (state: unknown) => state, createInitialViewState: () => ({}) };

export const chrome = createEventDocWorkspaceSlot({ kind: EventDocWorkspaceSlotKind.local, foldReducer: (state: unknown) => state, createInitialViewState: () => ({}) }, api);
export const todo = createEventDocWorkspaceSlot(
  { kind: EventDocWorkspaceSlotKind.document, schemaVersion: 1, foldReducer: (state: unknown) => state, createInitialViewState: () => ({}) },
  { askRename: api },
);
export const fromFolds = createEventDocWorkspaceSlot(chromeFolds, api);
