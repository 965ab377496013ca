export * from './defineRoute.js';
export * from './HTTPEvent.js';
export * from './httpEventUtils.js';
export { runHttpRoute } from './runHttpRoute.js';
