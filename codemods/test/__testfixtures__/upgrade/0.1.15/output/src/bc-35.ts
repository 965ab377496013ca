import { EventDocEditorValidator } from 'quidproquo-features';

export const noEmptyTitle: EventDocEditorValidator = () => null;
