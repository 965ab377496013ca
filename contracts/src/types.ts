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

export interface ContractExample {
  code: string;
  /** One line for the docs: what the example shows. */
  note?: string;
  /** Needs a type checker to behave as shown (compiled against the reference runtime). */
  typed?: boolean;
  /** File name relative to the example project, when the example depends on it. */
  filename?: string;
  options?: Record<string, unknown>;
}

export interface InvalidContractExample extends ContractExample {
  /** The code after every autofix; absent when nothing is autofixed. */
  output?: string;
  findings: Array<{ messageId: string; line: number; column: number; suggestions?: Array<{ description: string; output: string }> }>;
}

export interface ContractMeta {
  /** Rule id without the plugin prefix: `require-yield-star`. */
  id: string;
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
  /** How the contract behaves when no type checker is available. */
  withoutTypes: string;
  messages: Record<string, string>;
  /** JSON schema of the single options object. */
  schema: Record<string, unknown>;
  defaultOptions: Record<string, unknown>;
}

export interface ContractContext<Options = Record<string, unknown>> {
  ts: TypeScriptModule;
  sourceFile: ts.SourceFile;
  index: FileIndex;
  stories: StoryRecognizer;
  /** Present when the host has type information for this file. */
  checker: ts.TypeChecker | undefined;
  /** The program the checker belongs to, for contracts that look across files. */
  program?: ts.Program;
  options: Options;
}

export interface Contract<Options = Record<string, unknown>> {
  meta: ContractMeta;
  examples: { valid: ContractExample[]; invalid: InvalidContractExample[] };
  check(context: ContractContext<Options>): ContractFinding[];
}
