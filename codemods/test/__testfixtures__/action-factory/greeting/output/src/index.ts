export { askGreetingSay } from './actions/greeting/askGreetingSay';
export { askGreetingWave as wave } from './actions/greeting/askGreetingWave';
export * from './actions/greeting';
