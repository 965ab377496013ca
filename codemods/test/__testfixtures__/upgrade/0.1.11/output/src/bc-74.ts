import { createEventDocWorkspace } from 'quidproquo-features';

const workspace = createEventDocWorkspace({ slots: {} } as never);

export const save = workspace.api.askSave;
export const rename = workspace.docs.todo.api.askRename;
export const todoView = workspace.docs.todo.view;
export const logOf = (slot: string) => workspace.docs[slot].liveEvents;
export const dirty = workspace.selectors.isDirty;
