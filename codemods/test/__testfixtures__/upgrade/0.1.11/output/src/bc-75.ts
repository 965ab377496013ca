import { createEventDocWorkspace } from 'quidproquo-features';

export const workspace = createEventDocWorkspace({ slots: {} } as never);
export const other = createEventDocWorkspace({
  slots: {},
});
