import type * as ts from 'typescript';

/**
 * A fold over a program's files of a fact read from each file, made once per program. An editor
 * makes a program on every keystroke that keeps the SourceFile of every file the edit did not
 * touch: where each file that changed has the same fact as the file it replaces (most often none),
 * the last program's fold is the answer, and the pass over every file (a thousand lookups, in
 * code that never gets hot) is spared. `factOf` must be cheap for a file it has seen (cache it
 * per file); the fold must depend on the files' facts and their order alone.
 */
export class ProgramFold<Fact, Result> {
  private readonly byProgram = new WeakMap<ts.Program, Result>();
  // The last program's files are held weakly: a closed project's files go with it.
  private last: { files: WeakRef<readonly ts.SourceFile[]>; result: Result } | undefined;

  constructor(
    private readonly factOf: (file: ts.SourceFile) => Fact,
    private readonly sameFact: (a: Fact, b: Fact) => boolean,
    private readonly fold: (files: readonly ts.SourceFile[]) => Result,
  ) {}

  of(program: ts.Program): Result {
    const known = this.byProgram.get(program);
    if (known !== undefined) return known;
    const files = program.getSourceFiles();
    const lastFiles = this.last?.files.deref();
    const result = lastFiles && this.sameFacts(lastFiles, files) ? this.last!.result : this.fold(files);
    this.byProgram.set(program, result);
    this.last = { files: new WeakRef(files), result };
    return result;
  }

  private sameFacts(before: readonly ts.SourceFile[], after: readonly ts.SourceFile[]): boolean {
    if (before.length !== after.length) return false;
    for (let i = 0; i < after.length; i++) {
      if (after[i] !== before[i] && !this.sameFact(this.factOf(before[i]), this.factOf(after[i]))) return false;
    }
    return true;
  }
}
