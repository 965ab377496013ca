import type { ts } from 'ts-morph';

import type { Edit } from './lib/edits';
import type { RuntimeSource } from './lib/runtime-source';
import type { QpqResolver } from './lib/symbols';

/** What every transform declares about itself; `qpq-codemod list` and the docs print it. */
export interface TransformInfo {
  /** The name typed on the command line: `qpq-codemod <name>`. */
  name: string;
  /** One line: what it changes. */
  description: string;
  /** The framework change it belongs to. */
  frameworkChange: string;
  /** Run by `qpq-codemod migrate` when its old pattern is present; otherwise only when named. */
  migration: boolean;
  /**
   * The `quidproquo-core` version that shipped the change: `migrate` leaves this transform out for
   * a project whose package.json (or installed package) is already at that version or later.
   */
  sinceVersion?: string;
  /**
   * The framework release this migration belongs to: `qpq-codemod upgrade` runs it when the
   * release lies between the project's version and the target (`next`: not released yet).
   */
  release?: string;
  /** Transforms that `migrate` runs before this one (the registry lists them in that order). */
  runsAfter?: readonly string[];
  /** Options of this transform beyond the common ones. */
  options?: readonly TransformOption[];
  /**
   * The transform type-checks the files it writes and reports their errors itself, on every run;
   * the check after writing leaves those files out.
   */
  checksItsOwnFiles?: boolean;
}

export interface TransformOption {
  flag: string;
  /** Name of the option's value in the usage text; absent for a switch. */
  value?: string;
  /** A value to show when one is missing (`--out qpq-runtime`). */
  example?: string;
  description: string;
}

export type NoteKind = 'change' | 'info' | 'todo' | 'skip' | 'error' | 'manual';

/**
 * A line in the report: a change made, advice, a TODO left for the user, a pattern left alone and
 * why, a site a person must change (`manual`, reported as `path:line:col`), or an error in the
 * input (reported as `path:line:col: message`; the exit code is 1).
 */
export interface Note {
  kind: NoteKind;
  message: string;
  /** 1-based line in the file, when the note is about one place. */
  line?: number;
  /** 1-based column, for errors. */
  column?: number;
}

/** What a transform sees of one TypeScript or JavaScript file. */
export interface SourceContext {
  fileName: string;
  sourceFile: ts.SourceFile;
  /** The file's text (no BOM); edits are offsets into it. */
  text: string;
  /** The type checker of the whole project, created on first use. */
  checker(): ts.TypeChecker;
  /** Which framework export an expression refers to. */
  resolver: QpqResolver;
  /** Names the project's own modules re-export a target under (`export { defineQueue as q } from 'quidproquo-core'`). */
  reexported: ReadonlyMap<string, string>;
  note(kind: NoteKind, message: string, at?: ts.Node | number): void;
}

/** What a transform sees of the project, for changes beyond one source file. */
export interface ProjectContext {
  cwd: string;
  /** The project directory (where its tsconfig is). */
  root: string;
  tsconfigPath: string | undefined;
  compilerOptions: ts.CompilerOptions;
  /** package.json and tsconfig files in scope. */
  jsonFiles: readonly string[];
  /** Transform-specific options from the command line (`--out`; `--to` for the upgrade's dependency step). */
  options: Readonly<Record<string, string | undefined>>;
  runtime: RuntimeSource | undefined;
  /** The file's current text in this run (no BOM), undefined when it does not exist. */
  read(file: string): string | undefined;
  /** The file's text when the run started. */
  readOriginal?(file: string): string | undefined;
  /** The line end a file uses (for a new file, `\n`). */
  eolOf(file: string): string;
  /** Replaces or creates a file (text with `\n` line ends is given the file's own). */
  write(file: string, text: string): void;
  remove(file: string): void;
  note(file: string, kind: NoteKind, message: string, line?: number, column?: number): void;
  /** Every in-scope source file, those that do not parse included (absolute paths). */
  sourcePaths?: readonly string[];
  /** Leaves a file out, with the reason in the summary. */
  skip(file: string, reason: string): void;
  /**
   * The in-scope source files that parse, with their current text in this run, for transforms
   * that move code between files. Edits go through `write` / `remove`.
   */
  parsedSources?(): readonly ts.SourceFile[];
  /** The type checker over `parsedSources()`, created on first use. */
  sourceChecker?(): ts.TypeChecker;
  /** Which framework export an expression refers to (over `parsedSources()`). */
  sourceResolver?: QpqResolver;
}

/** A transform: its description and what it does to source files and to the project. */
export interface Transform extends TransformInfo {
  /** Framework exports this transform rewrites calls of; files mentioning none are not parsed for it. */
  targets?: readonly string[];
  /** A cheap test on a file's text: false when the file certainly has nothing for this transform. */
  mightChange?(text: string): boolean;
  /** Edits to one source file (offsets into `context.text`). */
  transformSource?(context: SourceContext): Edit[];
  /** Changes beyond source files (package.json, tsconfig, new files), after every source file. */
  transformProject?(context: ProjectContext): void;
}
