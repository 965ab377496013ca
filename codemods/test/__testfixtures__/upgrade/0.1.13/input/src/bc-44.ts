import { EventDocStoredEvent } from 'quidproquo-features';

export const stored: EventDocStoredEvent = { pk: 'doc-1', sk: '0001', data: {} } as EventDocStoredEvent;
