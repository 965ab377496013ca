import { renumberWorkspaceEvents } from 'quidproquo-features';

export const renumber = renumberWorkspaceEvents;
