import * as ts from 'typescript';

import { type Contract, type Finding, runContract, type RunTarget } from '../src';

/** A finding as the tests compare it: `messageId line:column`, both from 1. */
export function findingText(sourceFile: ts.SourceFile, finding: Finding): string {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(finding.start);
  return `${finding.messageId} ${line + 1}:${character + 1}`;
}

/** A contract's findings on a target; a contract that throws fails the test instead of finding nothing. */
export function findingsOf(contract: Contract, target: RunTarget, options?: Record<string, unknown>): readonly Finding[] {
  return runContract(contract, target, options, (_, error) => {
    throw error;
  });
}

/** A contract's findings on a text parsed alone (no type information), each as `findingText`. */
export function untypedFindings(contract: Contract, text: string, fileName = 'file.ts', options?: Record<string, unknown>): string[] {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  return findingsOf(contract, { ts, sourceFile, checker: undefined }, options).map((finding) => findingText(sourceFile, finding));
}
