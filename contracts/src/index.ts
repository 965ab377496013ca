export { allContracts, contractById } from './contracts';
export { QPQ_IMPORT_GROUPS } from './contracts/import-order';
export type { ModuleTarget } from './contracts/valid-runtime-reference';
export { exportsOf, findModule } from './contracts/valid-runtime-reference';
export { defineContract } from './define-contract';
export type { RequestedAction } from './engine/action-requester';
export { requestedActionOfCall, requesterDefinitionOf } from './engine/action-requester';
export { isFileChecked } from './engine/checked-files';
export { applyEdits, compatibleEdits } from './engine/edits';
export type { FileIndex, FunctionScope, ScopedNode, StoryCallNode } from './engine/file-index';
export { getFileIndex } from './engine/file-index';
export type { ImportKind, ImportRank } from './engine/import-sort';
export { compareImportNames, compareModules, importRank, moduleSortKey } from './engine/import-sort';
export { schemaProblems } from './engine/options-schema';
export type { ContractErrorHandler, ContractRun, RunTarget } from './engine/run';
export { contractRun, formatMessage, runContract } from './engine/run';
export type { RuntimeReference } from './engine/runtime-reference';
export {
  directoryOf,
  joinPath,
  MODULE_SUFFIXES,
  resolveModuleFile,
  runtimeReferenceAt,
  runtimeReferencesIn,
  syntacticExports,
} from './engine/runtime-reference';
export type { YieldedActions } from './engine/story-actions';
export { yieldedActionsOfCall } from './engine/story-actions';
export type { StoryVerdict } from './engine/story-recognition';
export { ASK_NAME, getStoryRecognizer, StoryRecognizer } from './engine/story-recognition';
export { isBundledRuntimeFile } from './generated-files';
export { frameworkImports, frameworkPackageOf, FrameworkResolver } from './outdated-api/framework-refs';
export type { FrameworkVersion, VersionFinding, VersionHost, VersionSourceKind } from './outdated-api/framework-version';
export {
  describeFinding,
  detectFrameworkVersion,
  FrameworkVersionCache,
  isFrameworkPackage,
  nodeVersionHost,
  readLockfile,
} from './outdated-api/framework-version';
export type { OutdatedSite } from './outdated-api/sites';
export { entryChanges, mayHaveEntrySites, mayHaveSites, outdatedSites, SPECIAL_TRANSFORMS } from './outdated-api/sites';
export type {
  ActionTypeName,
  ActionTypesEntry,
  CallShapeEntry,
  EntryKind,
  EnumLiteralEntry,
  ExportRef,
  ManualEntry,
  ReleaseTable,
  RenameEntry,
  RequiredFieldEntry,
  ScriptEntry,
  SiteFinder,
  SpecialEntry,
  TableEntry,
} from './outdated-api/tables';
export {
  allEntries,
  entriesBetween,
  entriesUpTo,
  knownReleases,
  latestRelease,
  releaseBefore,
  RELEASES_DIR,
  releaseTables,
} from './outdated-api/tables';
export { compareVersions, isInRange, isVersion, lowestInRange, NEXT, normalizeVersion } from './outdated-api/versions';
export type { PresetName, PresetRule, StrictestOption } from './presets';
export { PRESET_NAMES, presetRules, STRICTEST_OPTIONS } from './presets';
export * from './types';
export { SUPPORTED_TYPESCRIPT, TYPESCRIPT_6_INSTALL, TYPESCRIPT_7_RECIPE, unsupportedTypeScript } from './typescript-support';
