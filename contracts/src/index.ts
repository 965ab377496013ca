export * from './types';
export { defineContract } from './define-contract';
export { allContracts, contractById } from './contracts';
export { runContract, formatMessage } from './engine/run';
export type { RunTarget, ContractErrorHandler } from './engine/run';
export { getFileIndex } from './engine/file-index';
export type { FileIndex, FunctionScope, ScopedNode, StoryCallNode } from './engine/file-index';
export { getStoryRecognizer, StoryRecognizer, ASK_NAME } from './engine/story-recognition';
export type { StoryVerdict } from './engine/story-recognition';
export { applyEdits } from './engine/edits';
export { schemaProblems } from './engine/options-schema';
export { yieldedActionsOfCall } from './engine/story-actions';
export type { YieldedActions } from './engine/story-actions';
export { QPQ_IMPORT_GROUPS } from './contracts/import-order';
export {
  runtimeReferencesIn,
  runtimeReferenceAt,
  resolveModuleFile,
  syntacticExports,
  directoryOf,
  joinPath,
  MODULE_SUFFIXES,
} from './engine/runtime-reference';
export type { RuntimeReference } from './engine/runtime-reference';
export { findModule, exportsOf } from './contracts/valid-runtime-reference';
export type { ModuleTarget } from './contracts/valid-runtime-reference';
export { isBundledRuntimeFile } from './generated-files';
export { SUPPORTED_TYPESCRIPT, TYPESCRIPT_7_RECIPE, unsupportedTypeScript } from './typescript-support';
