export * from './GreetingActionType';
export * from './GreetingSayActionRequester';
export * from './GreetingSayActionTypes';
