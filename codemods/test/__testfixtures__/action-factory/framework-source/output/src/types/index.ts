export * from './Action';
export * from './ActionRequesterFunction';
export * from './ErrorTypeEnum';
export * from './StorySession';
export * from './utils/actionResult';
export * from './utils/createActionProcessor';
export * from './utils/createActionRequester';
export * from './utils/createErrorEnumForAction';
