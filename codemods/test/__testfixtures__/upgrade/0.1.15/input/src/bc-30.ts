import { EventDocWorkspaceTransport } from 'quidproquo-features';

export const transport = {} as EventDocWorkspaceTransport;
