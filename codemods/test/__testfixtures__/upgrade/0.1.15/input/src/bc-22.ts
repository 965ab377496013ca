import { EventDocDefinition } from 'quidproquo-features';

export const handWritten = { fold: () => ({}) } as unknown as EventDocDefinition<never, never>;
