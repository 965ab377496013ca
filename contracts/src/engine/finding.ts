import type * as ts from 'typescript';
import type { ContractFinding, Fix } from '../types';

/** A finding that spans `node` (from its first token, without leading trivia). */
export function findingAt(
  contractId: string,
  sourceFile: ts.SourceFile,
  node: ts.Node,
  messageId: string,
  data: Record<string, string> = {},
  fix?: Fix,
  suggestions?: Fix[],
): ContractFinding {
  return { contractId, messageId, data, start: node.getStart(sourceFile), end: node.getEnd(), fix, suggestions };
}
