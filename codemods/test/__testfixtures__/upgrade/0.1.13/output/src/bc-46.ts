import { EventDocEventMetadata, EventDocLink, EventDocLinkMode, EventDocVersion } from 'quidproquo-features';

export const positionOf = (meta: EventDocEventMetadata) => meta.eventId;
export const eventOf = (version: EventDocVersion) => version.eventId;
export const exact: EventDocLink = { mode: EventDocLinkMode.Exact, docId: 'doc-1', eventId: 4 } as EventDocLink;
