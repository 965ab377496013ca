export * from './types/Action';
export * from './types/ActionRequesterFunction';
export * from './types/ErrorTypeEnum';
export * from './types/StorySession';
export { createActionRequester } from './types/utils/createActionRequester';
export { createActionProcessor } from './types/utils/createActionProcessor';
export { createErrorEnumForAction } from './types/utils/createErrorEnumForAction';
export { actionResult, actionResultError } from './types/utils/actionResult';

export * from './actions/config';
export * from './actions/date';
export * from './actions/eventBus';
export * from './actions/file';
export * from './actions/guid';
export * from './actions/keyValueStore';
export * from './actions/log';
export * from './actions/math';
export * from './actions/network';
export * from './actions/queue';
export * from './actions/system';

export { askCatch } from './stories/askCatch';
export { askGetCurrentEpochMs } from './stories/askGetCurrentEpochMs';
export { askRunParallel } from './stories/askRunParallel';

export * from './config/QPQConfig';
export * from './config/settings/defineApplicationModule';
export * from './config/settings/defineDeployEvent';
export * from './config/settings/defineQueue';
export * from './config/settings/defineRecurringSchedule';

export { runStory } from './runtime/runStory';
export type { ActionHandler, ActionHandlers } from './runtime/runStory';
