export * from './HTTPEvent.js';
export * from './httpEventUtils.js';
export * from './defineRoute.js';
export { runHttpRoute } from './runHttpRoute.js';
