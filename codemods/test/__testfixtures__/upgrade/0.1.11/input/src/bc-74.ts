import { createEventDocWorkspace } from 'quidproquo-features';

const workspace = createEventDocWorkspace({ slots: {} } as never);

export const save = workspace.api.workspace.askSave;
export const rename = workspace.api.todo.askRename;
export const todoView = workspace.selectors.view.todo;
export const logOf = (slot: string) => workspace.selectors.liveEvents[slot];
export const dirty = workspace.selectors.isDirty;
