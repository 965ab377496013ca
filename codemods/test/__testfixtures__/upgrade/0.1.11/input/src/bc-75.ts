import { createEventDocWorkspace } from 'quidproquo-features';

export const workspace = createEventDocWorkspace({ slots: {}, selectors: {} } as never);
export const other = createEventDocWorkspace({
  slots: {},
  selectors: {},
});
