export * from './types/Action.js';
export * from './types/ActionRequesterFunction.js';
export * from './types/ErrorTypeEnum.js';
export * from './types/StorySession.js';
export { createActionRequester } from './types/utils/createActionRequester.js';
export { createActionProcessor } from './types/utils/createActionProcessor.js';
export { createErrorEnumForAction } from './types/utils/createErrorEnumForAction.js';
export { actionResult, actionResultError } from './types/utils/actionResult.js';

export * from './actions/config.js';
export * from './actions/date.js';
export * from './actions/eventBus.js';
export * from './actions/file.js';
export * from './actions/guid.js';
export * from './actions/keyValueStore.js';
export * from './actions/log.js';
export * from './actions/math.js';
export * from './actions/network.js';
export * from './actions/queue.js';
export * from './actions/system.js';

export { askCatch } from './stories/askCatch.js';
export { askGetCurrentEpochMs } from './stories/askGetCurrentEpochMs.js';
export { askRunParallel } from './stories/askRunParallel.js';

export * from './config/QPQConfig.js';
export * from './config/settings/defineApplicationModule.js';
export * from './config/settings/defineDeployEvent.js';
export * from './config/settings/defineQueue.js';
export * from './config/settings/defineRecurringSchedule.js';

export { runStory } from './runtime/runStory.js';
export type { ActionHandler, ActionHandlers } from './runtime/runStory.js';
