export * from './askGreetingReset';
export * from './askGreetingSay';
export * from './askGreetingWave';
export * from './getGreetingSayActionProcessor';
export * from './getGreetingWaveActionProcessor';
export * from './GreetingActionType';
export * from './GreetingActionTypes';
