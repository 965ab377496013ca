export * from './askGreetingSay';
export * from './GreetingActionType';
