import { createActionRequester } from '../types/utils/createActionRequester.js';

export enum GuidActionType {
  New = '@quidproquo-core/Guid/New',
  NewSortable = '@quidproquo-core/Guid/NewSortable',
}

export const askNewGuid = createActionRequester<string>()({ actionType: GuidActionType.New });

/** A guid that sorts by creation time. */
export const askNewSortableGuid = createActionRequester<string>()({ actionType: GuidActionType.NewSortable });
