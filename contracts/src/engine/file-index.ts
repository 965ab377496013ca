import type * as ts from 'typescript';
import type { TypeScriptModule } from '../types';

/** A function body: the unit in which `yield`, `yield*` and `await` have meaning. */
export interface FunctionScope {
  node: ts.Node;
  isGenerator: boolean;
  isAsync: boolean;
}

export interface ScopedNode<T extends ts.Node> {
  node: T;
  /** The nearest enclosing function; undefined at module level. */
  scope: FunctionScope | undefined;
}

export type StoryCallNode = ts.CallExpression | ts.TaggedTemplateExpression;

/**
 * Every node of the file by kind, with its enclosing function, collected in one walk. Contracts
 * read this instead of walking the tree themselves, so adding a contract does not add a walk.
 */
export interface FileIndex {
  sourceFile: ts.SourceFile;
  /** Every function-like scope, in source order. */
  functions: readonly FunctionScope[];
  generators: readonly FunctionScope[];
  /** All nodes of one kind (not identifiers, tokens, literals or types), in source order, with their enclosing function. */
  nodes<T extends ts.Node = ts.Node>(kind: ts.SyntaxKind): readonly ScopedNode<T>[];
  /** Calls and tagged templates whose nearest enclosing function is a generator. */
  callsInGenerators: readonly ScopedNode<StoryCallNode>[];
  /** `yield` and `yield*` expressions (always inside a generator). */
  yields: readonly ScopedNode<ts.YieldExpression>[];
}

const indexCache = new WeakMap<ts.SourceFile, FileIndex>();

export function getFileIndex(tsm: TypeScriptModule, sourceFile: ts.SourceFile): FileIndex {
  let index = indexCache.get(sourceFile);
  if (!index) {
    index = buildFileIndex(tsm, sourceFile);
    indexCache.set(sourceFile, index);
  }
  return index;
}

const NONE: readonly ScopedNode<any>[] = [];

function buildFileIndex(tsm: TypeScriptModule, sourceFile: ts.SourceFile): FileIndex {
  const SK = tsm.SyntaxKind;
  const byKind = new Map<ts.SyntaxKind, ScopedNode<ts.Node>[]>();
  const functions: FunctionScope[] = [];

  // Iterative walk: deeply nested code must not overflow the stack.
  const stack: Array<{ node: ts.Node; scope: FunctionScope | undefined }> = [{ node: sourceFile, scope: undefined }];
  while (stack.length > 0) {
    const { node, scope: outer } = stack.pop()!;
    // Identifiers, tokens, literals and type syntax are most of a file and no contract asks for
    // them by kind: leaving them out keeps the index small.
    if (!isUnindexed(tsm, node.kind)) {
      let list = byKind.get(node.kind);
      if (!list) byKind.set(node.kind, (list = []));
      list.push({ node, scope: outer });
    }

    let scope = outer;
    switch (node.kind) {
      case SK.FunctionDeclaration:
      case SK.FunctionExpression:
      case SK.MethodDeclaration:
      case SK.ArrowFunction:
      case SK.GetAccessor:
      case SK.SetAccessor:
      case SK.Constructor:
      case SK.ClassStaticBlockDeclaration:
      case SK.PropertyDeclaration: {
        // Each of these bodies runs on its own, outside any enclosing generator.
        const asterisk = (node as ts.FunctionLikeDeclarationBase).asteriskToken;
        scope = { node, isGenerator: asterisk !== undefined, isAsync: hasAsyncModifier(tsm, node) };
        functions.push(scope);
        break;
      }
    }
    const children: ts.Node[] = [];
    tsm.forEachChild(node, (child) => {
      children.push(child);
    });
    // Reverse so nodes are visited, and so recorded, in source order.
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], scope });
  }

  const nodes = <T extends ts.Node>(kind: ts.SyntaxKind) => (byKind.get(kind) ?? NONE) as readonly ScopedNode<T>[];
  const inGenerator = (entry: ScopedNode<ts.Node>) => entry.scope?.isGenerator === true;
  const callsInGenerators = [...nodes(SK.CallExpression), ...nodes(SK.TaggedTemplateExpression)]
    .filter(inGenerator)
    .sort((a, b) => a.node.pos - b.node.pos) as ScopedNode<StoryCallNode>[];
  return {
    sourceFile,
    functions,
    generators: functions.filter((f) => f.isGenerator),
    nodes,
    callsInGenerators,
    yields: nodes<ts.YieldExpression>(SK.YieldExpression),
  };
}

function isUnindexed(tsm: TypeScriptModule, kind: ts.SyntaxKind): boolean {
  const SK = tsm.SyntaxKind;
  return (
    kind === SK.Identifier ||
    kind <= SK.LastToken ||
    (kind >= SK.FirstTypeNode && kind <= SK.LastTypeNode) ||
    kind === SK.StringLiteral ||
    kind === SK.NumericLiteral
  );
}

function hasAsyncModifier(tsm: TypeScriptModule, node: ts.Node): boolean {
  const modifiers = tsm.canHaveModifiers(node) ? tsm.getModifiers(node) : undefined;
  return modifiers?.some((m) => m.kind === tsm.SyntaxKind.AsyncKeyword) ?? false;
}
