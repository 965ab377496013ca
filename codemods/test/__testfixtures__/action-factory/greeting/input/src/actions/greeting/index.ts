export * from './getGreetingSayActionProcessor';
export * from './getGreetingWaveActionProcessor';
export * from './GreetingActionRequester';
export * from './GreetingActionType';
export * from './GreetingActionTypes';
export * from './GreetingErrorTypeEnum';
