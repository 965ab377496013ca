import { EventDocWorkspaceBuiltInApi } from 'quidproquo-features';

export const builtIns = {} as EventDocWorkspaceBuiltInApi;
