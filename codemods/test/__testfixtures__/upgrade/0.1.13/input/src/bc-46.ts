import { EventDocEventMetadata, EventDocLink, EventDocLinkMode, EventDocVersion } from 'quidproquo-features';

export const positionOf = (meta: EventDocEventMetadata) => meta.index;
export const eventOf = (version: EventDocVersion) => version.eventIndex;
export const exact: EventDocLink = { mode: EventDocLinkMode.Exact, docId: 'doc-1', eventIndex: 4 } as EventDocLink;
