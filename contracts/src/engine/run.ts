import type * as ts from 'typescript';

import type { Contract, ContractFinding, Finding, FindingTarget, Fix, TypeScriptModule } from '../types';
import { getFileIndex } from './file-index';
import { getStoryRecognizer } from './story-recognition';

export interface RunTarget {
  ts: TypeScriptModule;
  sourceFile: ts.SourceFile;
  checker: ts.TypeChecker | undefined;
  /** The checker's program, when the host has one. */
  program?: ts.Program;
}

/** Called once per contract failure; the other contracts go on. */
export type ContractErrorHandler = (contract: Contract, error: unknown) => void;

/** One contract's run on one file. */
export interface ContractRun {
  findings: Finding[];
  /** The contract threw: `findings` is empty because it did not really run, not because all is well. */
  failed: boolean;
}

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
): Finding[] {
  return contractRun(contract, target, userOptions, onError).findings;
}

/**
 * `runContract` with whether the contract failed, kept with its findings under the same file,
 * checker and options: a caller that needs to know (the editor judges a rule's disable directives
 * only when the rule really ran) learns it from a cached run too, and a failure under other
 * options or another checker says nothing about this one. `onError` is called only by the run
 * that fails, not again for its cached result.
 */
export function contractRun(
  contract: Contract,
  target: RunTarget,
  userOptions: Record<string, unknown> | undefined,
  onError: ContractErrorHandler,
): ContractRun {
  const { options, key } = resolvedOptions(contract, userOptions);
  const cache = cacheFor(target);
  const cached = cache.get(key);
  if (cached) return cached;

  let run: ContractRun;
  try {
    const { ts: tsm, sourceFile, checker, program } = target;
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
    run = { findings: raw.sort((a, b) => a.start - b.start).map((finding) => withMessage(contract, finding)), failed: false };
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
const resolvedOptionsCache = new WeakMap<Contract, WeakMap<object, ResolvedOptions>>();

/**
 * The contract's options with the user's on top, and their cache key, made once per options
 * object: a host hands the same object for every file (ESLint per config, the editor per
 * setting, never changed once handed over), and serialising it for every file and rule adds up
 * over a project.
 */
function resolvedOptions(contract: Contract, userOptions: Record<string, unknown> | undefined): ResolvedOptions {
  let byObject = resolvedOptionsCache.get(contract);
  if (!byObject) resolvedOptionsCache.set(contract, (byObject = new WeakMap()));
  const identity = userOptions ?? NO_USER_OPTIONS;
  let resolved = byObject.get(identity);
  if (!resolved) {
    const options = { ...contract.meta.defaultOptions, ...userOptions };
    resolved = { options, key: `${contract.meta.id}\0${JSON.stringify(options)}` };
    byObject.set(identity, resolved);
  }
  return resolved;
}

function cacheFor({ sourceFile, checker }: RunTarget): Map<string, ContractRun> {
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
