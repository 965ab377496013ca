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
 * Everything the contracts look at, collected in one walk of the file. Contracts read this
 * instead of walking the tree themselves, so adding a contract does not add a walk.
 */
export interface FileIndex {
  sourceFile: ts.SourceFile;
  generators: FunctionScope[];
  /** Calls and tagged templates whose nearest enclosing function is a generator. */
  callsInGenerators: ScopedNode<StoryCallNode>[];
  /** `yield` and `yield*` expressions (always inside a generator). */
  yields: ScopedNode<ts.YieldExpression>[];
  /** `await` expressions inside async generators. */
  awaitsInGenerators: ScopedNode<ts.AwaitExpression>[];
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

function buildFileIndex(tsm: TypeScriptModule, sourceFile: ts.SourceFile): FileIndex {
  const index: FileIndex = {
    sourceFile,
    generators: [],
    callsInGenerators: [],
    yields: [],
    awaitsInGenerators: [],
  };
  const SK = tsm.SyntaxKind;

  // Iterative walk: deeply nested generated code must not overflow the stack.
  const stack: Array<{ node: ts.Node; scope: FunctionScope | undefined }> = [{ node: sourceFile, scope: undefined }];
  while (stack.length > 0) {
    const { node, scope: outer } = stack.pop()!;
    let scope = outer;
    switch (node.kind) {
      case SK.FunctionDeclaration:
      case SK.FunctionExpression:
      case SK.MethodDeclaration: {
        const fn = node as ts.FunctionLikeDeclarationBase;
        scope = { node, isGenerator: fn.asteriskToken !== undefined, isAsync: hasAsyncModifier(tsm, fn) };
        if (scope.isGenerator) index.generators.push(scope);
        break;
      }
      case SK.ArrowFunction:
      case SK.GetAccessor:
      case SK.SetAccessor:
      case SK.Constructor:
      case SK.ClassStaticBlockDeclaration:
      case SK.PropertyDeclaration:
        // Their bodies run outside any enclosing generator.
        scope = { node, isGenerator: false, isAsync: hasAsyncModifier(tsm, node) };
        break;
      case SK.CallExpression:
      case SK.TaggedTemplateExpression:
        if (outer?.isGenerator) index.callsInGenerators.push({ node: node as StoryCallNode, scope: outer });
        break;
      case SK.YieldExpression:
        index.yields.push({ node: node as ts.YieldExpression, scope: outer });
        break;
      case SK.AwaitExpression:
        if (outer?.isGenerator) index.awaitsInGenerators.push({ node: node as ts.AwaitExpression, scope: outer });
        break;
    }
    const children: ts.Node[] = [];
    tsm.forEachChild(node, (child) => {
      children.push(child);
    });
    // Reverse so nodes are visited, and so recorded, in source order.
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], scope });
  }
  return index;
}

function hasAsyncModifier(tsm: TypeScriptModule, node: ts.Node): boolean {
  const modifiers = tsm.canHaveModifiers(node) ? tsm.getModifiers(node) : undefined;
  return modifiers?.some((m) => m.kind === tsm.SyntaxKind.AsyncKeyword) ?? false;
}
