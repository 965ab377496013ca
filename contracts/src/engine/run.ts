import type * as ts from 'typescript';

import type { Contract, ContractFinding, Finding, FindingTarget, Fix, TypeScriptModule } from '../types';
import { noteFileChecked } from './checked-files';
import { getFileIndex } from './file-index';
import { getStoryRecognizer } from './story-recognition';

export interface RunTarget {
  ts: TypeScriptModule;
  sourceFile: ts.SourceFile;
  checker: ts.TypeChecker | undefined;
  /** The checker's program, when the host has one. */
  program?: ts.Program;
  /**
   * The checker has checked this file already (the editor asks for TypeScript's semantic
   * diagnostics before the rules): contracts then ask it what it resolved while checking instead
   * of taking routes that spare an unchecked file a check. Findings are the same either way.
   */
  fileChecked?: boolean;
}

/** Called once per contract failure; the other contracts go on. */
export type ContractErrorHandler = (contract: Contract, error: unknown) => void;

/** One contract's run on one file. */
export interface ContractRun {
  findings: readonly Finding[];
  /** The contract threw: `findings` is empty because it did not really run, not because all is well. */
  failed: boolean;
}

// Most runs find nothing: they share one result.
const NOTHING_FOUND: ContractRun = Object.freeze({ findings: Object.freeze([]), failed: false });

const UNTYPED = {};
const runCache = new WeakMap<ts.SourceFile, WeakMap<object, Map<string, ContractRun>>>();

/**
 * The findings of one contract on one file, computed once per file, checker and options and
 * shared by every caller (each ESLint rule, each tsserver request). A contract that throws yields
 * no findings and is handed to `onError`: one broken contract never takes a lint run or an editor
 * down with it.
 */
export function runContract(
  contract: Contract,
  target: RunTarget,
  userOptions: Record<string, unknown> | undefined,
  onError: ContractErrorHandler,
): readonly Finding[] {
  return contractRun(contract, target, userOptions, onError).findings;
}

/**
 * `runContract` with whether the contract failed, kept with its findings under the same file,
 * checker and options: a caller that needs to know (the editor judges a rule's disable directives
 * only when the rule really ran) learns it from a cached run too, and a failure under other
 * options or another checker says nothing about this one. `onError` is called only by the run
 * that fails, not again for its cached result. A contract that neither asks types nor reads other
 * files (see `answersForFileAlone`) is run without the checker, and its run is kept for the file
 * and options whatever the checker.
 */
export function contractRun(
  contract: Contract,
  target: RunTarget,
  userOptions: Record<string, unknown> | undefined,
  onError: ContractErrorHandler,
): ContractRun {
  const { options, key } = resolvedOptions(contract, userOptions);
  const fileOnly = answersForFileAlone(contract);
  const cache = cacheFor(target, fileOnly);
  const cached = cache.get(key);
  if (cached) return cached;

  let run: ContractRun;
  try {
    const { ts: tsm, sourceFile, program } = target;
    const checker = fileOnly ? undefined : target.checker;
    if (checker && target.fileChecked) noteFileChecked(checker, sourceFile);
    const raw: ContractFinding[] = [];
    const contractId = contract.meta.id;
    contract.check({
      ts: tsm,
      sourceFile,
      checker,
      program: checker ? program : undefined,
      index: getFileIndex(tsm, sourceFile),
      stories: getStoryRecognizer(tsm, sourceFile, checker, checker ? program : undefined),
      options,
      report(messageId: string, at: FindingTarget, data: Record<string, string> = {}, fix?: Fix, suggestions?: Fix[]) {
        const { start, end } = 'kind' in at ? { start: at.getStart(sourceFile), end: at.getEnd() } : at;
        raw.push({ contractId, messageId, data, start, end, fix, suggestions });
      },
    });
    run =
      raw.length === 0
        ? NOTHING_FOUND
        : { findings: raw.sort((a, b) => a.start - b.start).map((finding) => withMessage(contract, finding)), failed: false };
  } catch (error) {
    onError(contract, error);
    run = { findings: [], failed: true };
  }
  cache.set(key, run);
  return run;
}

interface ResolvedOptions {
  options: Record<string, unknown>;
  /** The findings cache key: the contract and its options. */
  key: string;
}

const NO_USER_OPTIONS = {};

interface OptionsCache {
  byObject: WeakMap<object, ResolvedOptions>;
  byText: Map<string, ResolvedOptions>;
}
const resolvedOptionsCache = new WeakMap<Contract, OptionsCache>();

/**
 * The contract's options with the user's on top, and their cache key. The same options give the
 * same object back, so a contract may keep what it derives from them (sets, compiled patterns)
 * per options object. Looked up by identity first, then by content: the editor hands one object
 * per setting, but ESLint merges a rule's configured options with its defaults again for every
 * file, a new object each time whenever a config sets options (the `strict` preset, a project's
 * own `groups` or `combinators`).
 */
function resolvedOptions(contract: Contract, userOptions: Record<string, unknown> | undefined): ResolvedOptions {
  let cache = resolvedOptionsCache.get(contract);
  if (!cache) resolvedOptionsCache.set(contract, (cache = { byObject: new WeakMap(), byText: new Map() }));
  const identity = userOptions ?? NO_USER_OPTIONS;
  let resolved = cache.byObject.get(identity);
  if (!resolved) {
    const options = { ...contract.meta.defaultOptions, ...userOptions };
    const key = `${contract.meta.id}\0${JSON.stringify(options)}`;
    resolved = cache.byText.get(key);
    if (!resolved) {
      // Distinct option sets are a project's configs: a handful. The bound is for misuse only.
      if (cache.byText.size >= 1000) cache.byText.clear();
      resolved = { options, key };
      cache.byText.set(key, resolved);
    }
    cache.byObject.set(identity, resolved);
  }
  return resolved;
}

/**
 * Whether a contract's findings depend on the file (and options) alone. An editor makes a new
 * checker on every edit and keeps the SourceFile of each file the edit did not touch: such a
 * contract's run on those files is kept across edits.
 */
function answersForFileAlone(contract: Contract): boolean {
  return !contract.meta.typeAware && contract.meta.readsOtherFiles === 'never';
}

interface TargetCaches {
  /** Runs under the target's checker. */
  checked: Map<string, ContractRun>;
  /** Runs of contracts that answer for the file alone. */
  fileOnly: Map<string, ContractRun>;
}

// A host hands the same target to every contract of a file (ESLint makes one per file): its
// caches are found with one lookup instead of two.
const cachesByTarget = new WeakMap<RunTarget, TargetCaches>();

function cacheFor(target: RunTarget, fileOnly: boolean): Map<string, ContractRun> {
  let caches = cachesByTarget.get(target);
  if (!caches) {
    caches = { checked: cacheOf(target.sourceFile, target.checker), fileOnly: cacheOf(target.sourceFile, undefined) };
    cachesByTarget.set(target, caches);
  }
  return fileOnly ? caches.fileOnly : caches.checked;
}

function cacheOf(sourceFile: ts.SourceFile, checker: ts.TypeChecker | undefined): Map<string, ContractRun> {
  let byChecker = runCache.get(sourceFile);
  if (!byChecker) {
    byChecker = new WeakMap();
    runCache.set(sourceFile, byChecker);
  }
  const key = checker ?? UNTYPED;
  let byOptions = byChecker.get(key);
  if (!byOptions) {
    byOptions = new Map();
    byChecker.set(key, byOptions);
  }
  return byOptions;
}

export function formatMessage(template: string, data: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? data[name] : whole));
}

function withMessage(contract: Contract, finding: ContractFinding): Finding {
  const template = (contract.meta.messages as Record<string, string>)[finding.messageId];
  if (template === undefined) throw new Error(`unknown messageId '${finding.messageId}'`);
  return { ...finding, message: formatMessage(template, finding.data) };
}
