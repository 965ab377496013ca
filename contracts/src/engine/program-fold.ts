import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';

/**
 * A fold over a program's files of a fact read from each file, made once per program. An editor
 * makes a program on every keystroke that keeps the SourceFile of every file the edit did not
 * touch: where each file that changed has the same fact as the file it replaces (most often none),
 * the last program's fold is the answer, and the pass over every file (a thousand lookups, in
 * code that never gets hot) is spared. `factOf` must be cheap for a file it has seen (cache it
 * per file); the fold must depend on the files' facts and their order alone. The last program is
 * kept per TypeScript module, so programs of two TypeScript versions in one process never meet.
 */
export class ProgramFold<Fact, Result> {
  private readonly byProgram = new WeakMap<ts.Program, Result>();
  // The last program's files are held weakly: a closed project's files go with it.
  private readonly lastByHost = new WeakMap<TypeScriptModule, { files: WeakRef<readonly ts.SourceFile[]>; result: Result }>();

  constructor(
    private readonly factOf: (tsm: TypeScriptModule, file: ts.SourceFile) => Fact,
    private readonly sameFact: (a: Fact, b: Fact) => boolean,
    private readonly fold: (tsm: TypeScriptModule, files: readonly ts.SourceFile[]) => Result,
  ) {}

  of(tsm: TypeScriptModule, program: ts.Program): Result {
    const known = this.byProgram.get(program);
    if (known !== undefined) return known;
    const files = program.getSourceFiles();
    const last = this.lastByHost.get(tsm);
    const lastFiles = last?.files.deref();
    const result = last && lastFiles && this.sameFacts(tsm, lastFiles, files) ? last.result : this.fold(tsm, files);
    this.byProgram.set(program, result);
    this.lastByHost.set(tsm, { files: new WeakRef(files), result });
    return result;
  }

  private sameFacts(tsm: TypeScriptModule, before: readonly ts.SourceFile[], after: readonly ts.SourceFile[]): boolean {
    if (before.length !== after.length) return false;
    for (let i = 0; i < after.length; i++) {
      if (after[i] !== before[i] && !this.sameFact(this.factOf(tsm, before[i]), this.factOf(tsm, after[i]))) return false;
    }
    return true;
  }
}
