import type * as ts from 'typescript';

import type { FileIndex } from './engine/file-index';
import type { StoryRecognizer } from './engine/story-recognition';

/** The `typescript` module the host runs on: tsserver and the ESLint parser each bring their own. */
export type TypeScriptModule = typeof ts;

/** A plain text edit on the file's text; ESLint's fixer and TypeScript's code fixes both take it as is. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** Shown in the editor's quick-fix menu. */
  description: string;
  edits: TextEdit[];
}

/** What a contract reports: the message is its `messageId` template filled with `data`. */
export interface ContractFinding {
  contractId: string;
  messageId: string;
  data: Record<string, string>;
  start: number;
  end: number;
  /** Applied by `eslint --fix` and offered as the preferred quick fix. */
  fix?: Fix;
  /** Offered, never applied automatically. */
  suggestions?: Fix[];
}

export interface Finding extends ContractFinding {
  message: string;
}

/** Keeps a type parameter from being inferred at this position (works with every TypeScript 5). */
export type NoInference<T> = [T][T extends unknown ? 0 : never];

export interface ContractExample<Options = object> {
  code: string;
  /** One line for the docs: what the example shows. */
  note?: string;
  /** Needs a type checker to behave as shown (compiled against the reference runtime). */
  typed?: boolean;
  /** File name relative to the example project, when the example depends on it. */
  filename?: string;
  options?: Partial<Options>;
}

export interface ExpectedFinding<MessageId extends string = string> {
  messageId: MessageId;
  line: number;
  column: number;
  suggestions?: Array<{ description: string; output: string }>;
}

export interface InvalidContractExample<Options = object, MessageId extends string = string> extends ContractExample<Options> {
  /** The code after every autofix; absent when nothing is autofixed. */
  output?: string;
  findings: Array<ExpectedFinding<MessageId>>;
}

export interface ContractMeta<Options = object, MessageId extends string = string> {
  /** Rule id without the plugin prefix: `require-yield-star`. */
  id: string;
  /**
   * The tsserver diagnostic code. Editors ask for quick fixes by code, so it never changes once
   * released; `npm run docs` records every released code and fails when one changes.
   */
  diagnosticCode: number;
  /** One line, shown in rule tables. */
  description: string;
  /** The framework fact that makes this a contract. */
  rationale: string;
  type: 'problem' | 'suggestion' | 'layout';
  /** Severity in the recommended configs. */
  recommended: 'error' | 'warn' | false;
  fixable: boolean;
  hasSuggestions: boolean;
  /** Uses the type checker when one is available; still works without it. */
  typeAware: boolean;
  /** Reports nothing without type information (a name alone cannot decide). */
  requiresTypes?: boolean;
  /** What the contract does without type information, and what types add. */
  behaviourWithoutTypes: string;
  /**
   * What the contract reads besides the file it checks. ESLint's `--cache` keeps a file's result
   * until that file or the config changes, so a rule that reads other files can answer from a
   * stale cache. `never`: the file alone; `with-types`: types other files declare, when linted
   * with type information; `always`: other files even without types (named in `otherFilesRead`).
   */
  readsOtherFiles: 'never' | 'with-types' | 'always';
  /** With `readsOtherFiles: 'always'`: which files, in a few words. */
  otherFilesRead?: string;
  messages: Record<MessageId, string>;
  /** JSON schema of the single options object. */
  schema: Record<string, unknown>;
  defaultOptions: Options;
}

/** What a contract reports on, by node or by text range. */
export type FindingTarget = ts.Node | { start: number; end: number };

export interface ContractContext<Options = object, MessageId extends string = string> {
  ts: TypeScriptModule;
  sourceFile: ts.SourceFile;
  /**
   * Walked when first read: a contract that can tell the file holds nothing for it from cheaper
   * signs (`fileMayHoldGenerators`, its text) returns before reading this, and a file that no
   * contract reads is never walked.
   */
  index: FileIndex;
  stories: StoryRecognizer;
  /** Present when the host has type information for this file. */
  checker: ts.TypeChecker | undefined;
  /** The program the checker belongs to, for contracts that look across files. */
  program?: ts.Program;
  options: Options;
  /** Reports a finding of this contract: its message is the `messageId` template filled with `data`. */
  report(messageId: MessageId, target: FindingTarget, data?: Record<string, string>, fix?: Fix, suggestions?: Fix[]): void;
}

/** A contract as the registry and the adapters hold it, whatever its options and messages. */
export interface Contract<Options = object, MessageId extends string = string> {
  meta: ContractMeta<Options, MessageId>;
  examples: { valid: Array<ContractExample<Options>>; invalid: Array<InvalidContractExample<Options, MessageId>> };
  /** Reports through `context.report`; the findings are collected by the engine. */
  check(context: ContractContext<Options, MessageId>): void;
}
