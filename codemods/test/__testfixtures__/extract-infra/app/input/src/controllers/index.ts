// The barrel re-exports the stories: the config still names the module that defines them.
export * from './todo';
export { getTodo as fetchTodo } from './todo';
