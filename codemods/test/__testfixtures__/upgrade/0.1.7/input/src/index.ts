export const app = 'todo';
