export { askGreetingSay, askGreetingWave as wave } from './actions/greeting/GreetingActionRequester';
export type { GreetingSayAction } from './actions/greeting/GreetingActionTypes';
export * from './actions/greeting';
