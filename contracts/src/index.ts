export * from './types';
export { defineContract } from './define-contract';
export { allContracts, contractById } from './contracts';
export { PRESET_NAMES, STRICTEST_OPTIONS, presetRules } from './presets';
export type { PresetName, PresetRule, StrictestOption } from './presets';
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
export { requestedActionOfCall, requesterDefinitionOf } from './engine/action-requester';
export type { RequestedAction } from './engine/action-requester';
export { QPQ_IMPORT_GROUPS } from './contracts/import-order';
export { compareImportNames, compareModules, importRank, moduleSortKey } from './engine/import-sort';
export type { ImportKind, ImportRank } from './engine/import-sort';
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
export { detectFrameworkVersion, FrameworkVersionCache, readLockfile, isFrameworkPackage, describeFinding, nodeVersionHost } from './outdated-api/framework-version';
export type { FrameworkVersion, VersionFinding, VersionHost, VersionSourceKind } from './outdated-api/framework-version';
export { compareVersions, isVersion, normalizeVersion, isInRange, lowestInRange, NEXT } from './outdated-api/versions';
export { releaseTables, allEntries, knownReleases, latestRelease, entriesBetween, entriesUpTo, releaseBefore, RELEASES_DIR } from './outdated-api/tables';
export type { ReleaseTable, TableEntry, EntryKind, ExportRef, RenameEntry, CallShapeEntry, RequiredFieldEntry, EnumLiteralEntry, ManualEntry, ActionTypesEntry, ActionTypeName, SpecialEntry, ScriptEntry, SiteFinder } from './outdated-api/tables';
export { outdatedSites, entryChanges, mayHaveSites, mayHaveEntrySites, SPECIAL_TRANSFORMS } from './outdated-api/sites';
export type { OutdatedSite } from './outdated-api/sites';
export { frameworkPackageOf, FrameworkResolver, frameworkImports } from './outdated-api/framework-refs';
