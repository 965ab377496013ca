export * from './types';
export { allContracts, contractById } from './contracts';
export { runContract, formatMessage } from './engine/run';
export type { RunTarget, ContractErrorHandler } from './engine/run';
export { getFileIndex } from './engine/file-index';
export type { FileIndex, FunctionScope, ScopedNode, StoryCallNode } from './engine/file-index';
export { getStoryRecognizer, StoryRecognizer, ASK_NAME } from './engine/story-recognition';
export type { StoryVerdict } from './engine/story-recognition';
export { applyEdits } from './engine/edits';
