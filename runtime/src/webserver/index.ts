export * from './HTTPEvent';
export * from './httpEventUtils';
export * from './defineRoute';
export { runHttpRoute } from './runHttpRoute';
