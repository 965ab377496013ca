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
  /** All nodes of one of the indexed kinds (`INDEXED_KINDS`), in source order, with their enclosing function. */
  nodes<T extends ts.Node = ts.Node>(kind: ts.SyntaxKind): readonly ScopedNode<T>[];
  /** Calls and tagged templates whose nearest enclosing function is a generator. */
  callsInGenerators: readonly ScopedNode<StoryCallNode>[];
  /** `yield` and `yield*` expressions (always inside a generator). */
  yields: readonly ScopedNode<ts.YieldExpression>[];
  /** `x.key = value`: a value assigned to a property (other binary expressions are not kept). */
  propertyAssignments: readonly ScopedNode<ts.BinaryExpression>[];
  /** `process.env`-like reads: property accesses named `env` (other property accesses are not kept). */
  envReads: readonly ScopedNode<ts.PropertyAccessExpression>[];
}

const indexCache = new WeakMap<ts.SourceFile, FileIndex>();

/**
 * The node kinds contracts ask the index for. Keeping the list short keeps the walk cheap: only
 * these are recorded, and subtrees that cannot hold any of them (types, imports) are skipped. A
 * contract that needs another kind adds it here; asking for one not listed is a programming error.
 * Binary expressions and property accesses, which are most of a file, are kept only in the two
 * shapes contracts ask for (`propertyAssignments`, `envReads`).
 */
const INDEXED_KINDS = [
  'AwaitExpression',
  'CallExpression',
  'ConditionalExpression',
  'DeleteExpression',
  'ModuleBlock',
  'NewExpression',
  'ObjectLiteralExpression',
  'PropertyAssignment',
  'ReturnStatement',
  'SpreadElement',
  'TaggedTemplateExpression',
  'TryStatement',
  'YieldExpression',
] as const satisfies ReadonlyArray<keyof typeof ts.SyntaxKind>;

/** Declarations and syntax with no runtime code inside: nothing a contract asks for is there. */
const SKIPPED_KINDS = [
  'ImportDeclaration',
  'ImportEqualsDeclaration',
  'InterfaceDeclaration',
  'TypeAliasDeclaration',
] as const satisfies ReadonlyArray<keyof typeof ts.SyntaxKind>;

interface KindTables {
  indexed: Set<number>;
  skipped: Set<number>;
  /** Kinds from here on are nodes; below are tokens, identifiers and literals. */
  firstNode: number;
}

const kindTables = new WeakMap<TypeScriptModule, KindTables>();

/** The tables in the host's numbering: `SyntaxKind` numbers differ between TypeScript versions. */
function kindTablesOf(tsm: TypeScriptModule): KindTables {
  let tables = kindTables.get(tsm);
  if (!tables) {
    const SK = tsm.SyntaxKind;
    tables = {
      indexed: new Set(INDEXED_KINDS.map((name) => SK[name])),
      skipped: new Set(SKIPPED_KINDS.map((name) => SK[name])),
      firstNode: SK.FirstNode,
    };
    kindTables.set(tsm, tables);
  }
  return tables;
}

export function getFileIndex(tsm: TypeScriptModule, sourceFile: ts.SourceFile): FileIndex {
  let index = indexCache.get(sourceFile);
  if (!index) {
    index = buildFileIndex(tsm, sourceFile);
    indexCache.set(sourceFile, index);
  }
  return index;
}

function buildFileIndex(tsm: TypeScriptModule, sourceFile: ts.SourceFile): FileIndex {
  const SK = tsm.SyntaxKind;
  const { indexed, skipped, firstNode } = kindTablesOf(tsm);
  const byKind = new Map<ts.SyntaxKind, ScopedNode<ts.Node>[]>();
  for (const kind of indexed) byKind.set(kind, []);
  const functions: FunctionScope[] = [];
  const propertyAssignments: ScopedNode<ts.BinaryExpression>[] = [];
  const envReads: ScopedNode<ts.PropertyAccessExpression>[] = [];

  // Iterative walk (deeply nested code must not overflow the stack), on two parallel stacks so
  // that no object is made per visited node; tokens and identifiers are never pushed.
  const nodes: ts.Node[] = [sourceFile];
  const scopes: Array<FunctionScope | undefined> = [undefined];
  let childScope: FunctionScope | undefined;
  const push = (child: ts.Node): void => {
    if (child.kind < firstNode) return;
    nodes.push(child);
    scopes.push(childScope);
  };
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const outer = scopes.pop();
    const kind = node.kind;
    byKind.get(kind)?.push({ node, scope: outer });
    if (kind === SK.BinaryExpression) {
      const binary = node as ts.BinaryExpression;
      if (binary.operatorToken.kind === SK.EqualsToken && binary.left.kind === SK.PropertyAccessExpression)
        propertyAssignments.push({ node: binary, scope: outer });
    } else if (kind === SK.PropertyAccessExpression && (node as ts.PropertyAccessExpression).name.text === 'env') {
      envReads.push({ node: node as ts.PropertyAccessExpression, scope: outer });
    }
    if (skipped.has(kind) || (kind >= SK.FirstTypeNode && kind <= SK.LastTypeNode)) continue;

    childScope = outer;
    switch (kind) {
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
        childScope = { node, isGenerator: asterisk !== undefined, isAsync: hasAsyncModifier(tsm, node) };
        functions.push(childScope);
        break;
      }
    }
    const mark = nodes.length;
    tsm.forEachChild(node, push);
    // Children were pushed in source order; reversed, they are popped (and recorded) in it.
    for (let i = mark, j = nodes.length - 1; i < j; i++, j--) {
      [nodes[i], nodes[j]] = [nodes[j], nodes[i]];
      [scopes[i], scopes[j]] = [scopes[j], scopes[i]];
    }
  }

  const nodesOf = <T extends ts.Node>(kind: ts.SyntaxKind) => {
    const list = byKind.get(kind);
    if (!list) throw new Error(`the file index does not record ${SK[kind]}: add it to INDEXED_KINDS in engine/file-index.ts`);
    return list as readonly ScopedNode<ts.Node>[] as readonly ScopedNode<T>[];
  };
  const inGenerator = (entry: ScopedNode<ts.Node>) => entry.scope?.isGenerator === true;
  const callsInGenerators = [...nodesOf(SK.CallExpression), ...nodesOf(SK.TaggedTemplateExpression)]
    .filter(inGenerator)
    .sort((a, b) => a.node.pos - b.node.pos) as ScopedNode<StoryCallNode>[];
  return {
    sourceFile,
    functions,
    generators: functions.filter((f) => f.isGenerator),
    nodes: nodesOf,
    callsInGenerators,
    yields: nodesOf<ts.YieldExpression>(SK.YieldExpression),
    propertyAssignments,
    envReads,
  };
}

function hasAsyncModifier(tsm: TypeScriptModule, node: ts.Node): boolean {
  const modifiers = tsm.canHaveModifiers(node) ? tsm.getModifiers(node) : undefined;
  return modifiers?.some((m) => m.kind === tsm.SyntaxKind.AsyncKeyword) ?? false;
}
