import { createEventDocWorkspaceSelectors } from 'quidproquo-features';

export const selectors = createEventDocWorkspaceSelectors({} as never);
