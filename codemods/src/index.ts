export { main, formatList } from './cli';
export { allTransforms } from './transforms';
export type { TransformInfo } from './transform';
