import type * as ts from 'typescript';

/**
 * Files a checker has already checked, as their host says (`RunTarget.fileChecked`): the editor
 * runs TypeScript's semantic diagnostics of a file before the rules. The checker keeps what it
 * resolved while checking, so asking it about the file's expressions is then a cached answer,
 * cheaper than the routes the engine takes to spare an unchecked file a check (see
 * callee-symbol.ts). Only a hint: either route gives the same answer.
 */
const checkedFiles = new WeakMap<ts.TypeChecker, WeakSet<ts.SourceFile>>();

export function noteFileChecked(checker: ts.TypeChecker, sourceFile: ts.SourceFile): void {
  let files = checkedFiles.get(checker);
  if (!files) checkedFiles.set(checker, (files = new WeakSet()));
  files.add(sourceFile);
}

export function isFileChecked(checker: ts.TypeChecker, sourceFile: ts.SourceFile): boolean {
  return checkedFiles.get(checker)?.has(sourceFile) === true;
}
