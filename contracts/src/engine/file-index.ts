import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';
import { kindFlagTable } from './kind-flags';
import { hasAsyncModifier } from './syntax';
import { GAP } from './text-gates';

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
  /**
   * Whether a value name means the same thing everywhere in the file: nothing below the module's
   * top level binds it (no parameter, local, block-scoped or nested declaration of that name), and
   * the file has no namespace or enum body, whose scope other files' declarations can extend.
   */
  meansOneThing(name: string): boolean;
}

const indexCache = new WeakMap<ts.SourceFile, FileIndex>();
const generatorSigns = new WeakMap<ts.SourceFile, boolean>();

/**
 * Whether the file may hold a generator function, told without a walk: TypeScript's parser marks
 * every node whose subtree holds a generator (its transform flags, the file's node included). An
 * async generator is marked only with the flag of its language level, which object spread and
 * `for await` set too: the text is asked then whether an `async` is followed by a `*`. True
 * whenever the host's TypeScript does not mark generators so (tried once per module).
 */
export function fileMayHoldGenerators(tsm: TypeScriptModule, sourceFile: ts.SourceFile): boolean {
  let may = generatorSigns.get(sourceFile);
  if (may === undefined) {
    const marks = generatorMarksOf(tsm);
    const flags = (sourceFile as { transformFlags?: number }).transformFlags;
    may =
      !marks ||
      flags === undefined ||
      (flags & marks.generator) !== 0 ||
      ((flags & marks.asyncGenerator) !== 0 && ASYNC_STAR.test(sourceFile.text));
    generatorSigns.set(sourceFile, may);
  }
  return may;
}

// `async`, maybe `function`, then `*`: every async generator's text.
const ASYNC_STAR = new RegExp(String.raw`\basync\b${GAP}*(?:function\b${GAP}*)?\*`);

interface GeneratorMarks {
  generator: number;
  asyncGenerator: number;
}
const generatorMarks = new WeakMap<TypeScriptModule, GeneratorMarks | null>();

/** The host's transform flags for generators, if its parser sets them as this module expects. */
function generatorMarksOf(tsm: TypeScriptModule): GeneratorMarks | undefined {
  let marks = generatorMarks.get(tsm);
  if (marks === undefined) {
    const flags = (tsm as unknown as { TransformFlags?: Record<string, number> }).TransformFlags;
    const generator = flags?.ContainsGenerator;
    const asyncGenerator = flags?.ContainsES2018;
    const flagsOf = (text: string) =>
      (tsm.createSourceFile('probe.ts', text, tsm.ScriptTarget.Latest) as { transformFlags?: number }).transformFlags ?? 0;
    const works =
      typeof generator === 'number' &&
      typeof asyncGenerator === 'number' &&
      (flagsOf('function* g() {}') & generator) !== 0 &&
      (flagsOf('class C { async *m() {} }') & asyncGenerator) !== 0 &&
      (flagsOf('function f() {}') & (generator | asyncGenerator)) === 0;
    marks = works ? { generator, asyncGenerator } : null;
    generatorMarks.set(tsm, marks);
  }
  return marks ?? undefined;
}

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
  'DeleteExpression',
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

/** Declarations that bind a value name (`innerBindingNames`); a catch variable is a VariableDeclaration. */
const BINDING_KINDS = [
  'BindingElement',
  'ClassDeclaration',
  'ClassExpression',
  'EnumDeclaration',
  'EnumMember',
  'FunctionDeclaration',
  'FunctionExpression',
  'ImportEqualsDeclaration',
  'ModuleDeclaration',
  'Parameter',
  'VariableDeclaration',
] as const satisfies ReadonlyArray<keyof typeof ts.SyntaxKind>;

/** Bodies that run on their own, outside any enclosing generator: each starts a function scope. */
const SCOPE_KINDS = [
  'ArrowFunction',
  'ClassStaticBlockDeclaration',
  'Constructor',
  'FunctionDeclaration',
  'FunctionExpression',
  'GetAccessor',
  'MethodDeclaration',
  'PropertyDeclaration',
  'SetAccessor',
] as const satisfies ReadonlyArray<keyof typeof ts.SyntaxKind>;

// What the walk does with a node of each kind, one byte per kind: a table read instead of set and
// map lookups on every node.
const RECORD = 1;
const SKIP_CHILDREN = 2;
const BINDS = 4;
const STARTS_SCOPE = 8;

const walkFlags = kindFlagTable((mark, SK) => {
  const kinds = (names: readonly (keyof typeof ts.SyntaxKind)[]) => names.map((name) => SK[name]);
  mark(kinds(INDEXED_KINDS), RECORD);
  mark(kinds(SKIPPED_KINDS), SKIP_CHILDREN);
  const typeNodes: ts.SyntaxKind[] = [];
  for (let kind = SK.FirstTypeNode; kind <= SK.LastTypeNode; kind++) typeNodes.push(kind);
  mark(typeNodes, SKIP_CHILDREN);
  mark(kinds(BINDING_KINDS), BINDS);
  mark(kinds(SCOPE_KINDS), STARTS_SCOPE);
});

/** The file's index, walked when a contract first reads it (see `ContractContext.index`). */
export function getFileIndex(tsm: TypeScriptModule, sourceFile: ts.SourceFile): FileIndex {
  let index = indexCache.get(sourceFile);
  if (!index) {
    index = new FileIndexOnDemand(tsm, sourceFile);
    indexCache.set(sourceFile, index);
  }
  return index;
}

class FileIndexOnDemand implements FileIndex {
  private walked: FileIndex | undefined;

  constructor(
    private readonly tsm: TypeScriptModule,
    readonly sourceFile: ts.SourceFile,
  ) {}

  private get all(): FileIndex {
    return (this.walked ??= buildFileIndex(this.tsm, this.sourceFile));
  }

  get functions() {
    return this.all.functions;
  }
  get generators() {
    return this.all.generators;
  }
  nodes<T extends ts.Node = ts.Node>(kind: ts.SyntaxKind): readonly ScopedNode<T>[] {
    return this.all.nodes<T>(kind);
  }
  get callsInGenerators() {
    return this.all.callsInGenerators;
  }
  get yields() {
    return this.all.yields;
  }
  get propertyAssignments() {
    return this.all.propertyAssignments;
  }
  get envReads() {
    return this.all.envReads;
  }
  meansOneThing(name: string): boolean {
    return this.all.meansOneThing(name);
  }
}

function buildFileIndex(tsm: TypeScriptModule, sourceFile: ts.SourceFile): FileIndex {
  const SK = tsm.SyntaxKind;
  const flags = walkFlags(tsm);
  // Kinds from here on are nodes; below are tokens, identifiers and literals.
  const firstNode = SK.FirstNode;
  const byKind: Array<ScopedNode<ts.Node>[] | undefined> = [];
  for (const name of INDEXED_KINDS) byKind[SK[name]] = [];
  const functions: FunctionScope[] = [];
  const propertyAssignments: ScopedNode<ts.BinaryExpression>[] = [];
  const envReads: ScopedNode<ts.PropertyAccessExpression>[] = [];
  // Declarations below the top level are only named when a typed rule first asks (`meansOneThing`).
  // One inside a function is below it for certain; one outside any is looked at then.
  const bindingsInFunctions: ts.NamedDeclaration[] = [];
  const bindingsOutsideFunctions: ts.NamedDeclaration[] = [];
  let scopesExtendedElsewhere = false;

  // Iterative walk (deeply nested code must not overflow the stack), on two parallel stacks so
  // that no object is made per visited node; tokens and identifiers are never pushed.
  const nodes: ts.Node[] = [sourceFile];
  const scopes: Array<FunctionScope | undefined> = [undefined];
  let childScope: FunctionScope | undefined;
  // Read once: a lookup on the TypeScript module per visited node adds up over a project.
  const forEachChild = tsm.forEachChild;
  const BINARY = SK.BinaryExpression;
  const PROPERTY_ACCESS = SK.PropertyAccessExpression;
  const EQUALS = SK.EqualsToken;
  const push = (child: ts.Node): void => {
    if (child.kind < firstNode) return;
    nodes.push(child);
    scopes.push(childScope);
  };
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const outer = scopes.pop();
    const kind = node.kind;
    const what = flags[kind];
    if (what & RECORD) byKind[kind]!.push({ node, scope: outer });
    if (kind === BINARY) {
      const binary = node as ts.BinaryExpression;
      if (binary.operatorToken.kind === EQUALS && binary.left.kind === PROPERTY_ACCESS)
        propertyAssignments.push({ node: binary, scope: outer });
    } else if (kind === PROPERTY_ACCESS && (node as ts.PropertyAccessExpression).name.text === 'env') {
      envReads.push({ node: node as ts.PropertyAccessExpression, scope: outer });
    }
    if (what & BINDS) {
      (outer ? bindingsInFunctions : bindingsOutsideFunctions).push(node as ts.NamedDeclaration);
      if (kind === SK.ModuleDeclaration || kind === SK.EnumDeclaration) scopesExtendedElsewhere = true;
    }
    if (what & SKIP_CHILDREN) continue;

    childScope = outer;
    if (what & STARTS_SCOPE) {
      const asterisk = (node as ts.FunctionLikeDeclarationBase).asteriskToken;
      childScope = { node, isGenerator: asterisk !== undefined, isAsync: hasAsyncModifier(tsm, node) };
      functions.push(childScope);
    }
    const mark = nodes.length;
    forEachChild(node, push);
    // Children were pushed in source order; reversed, they are popped (and recorded) in it.
    for (let i = mark, j = nodes.length - 1; i < j; i++, j--) {
      const swappedNode = nodes[i];
      nodes[i] = nodes[j];
      nodes[j] = swappedNode;
      const swappedScope = scopes[i];
      scopes[i] = scopes[j];
      scopes[j] = swappedScope;
    }
  }

  let innerBindingNames: Set<string> | undefined;
  const nodesOf = <T extends ts.Node>(kind: ts.SyntaxKind) => {
    const list = byKind[kind];
    if (!list) throw new Error(`the file index does not record ${SK[kind]}: add it to INDEXED_KINDS in engine/file-index.ts`);
    return list as readonly ScopedNode<ts.Node>[] as readonly ScopedNode<T>[];
  };
  const inGenerator = (entry: ScopedNode<ts.Node>) => entry.scope?.isGenerator === true;
  // Each list is in source order already; only tagged templates (rare) need merging in.
  const taggedTemplates = nodesOf(SK.TaggedTemplateExpression);
  let callsInGenerators = nodesOf(SK.CallExpression).filter(inGenerator) as ScopedNode<StoryCallNode>[];
  if (taggedTemplates.length > 0)
    callsInGenerators = [...callsInGenerators, ...taggedTemplates.filter(inGenerator)].sort(
      (a, b) => a.node.pos - b.node.pos,
    ) as ScopedNode<StoryCallNode>[];
  return {
    sourceFile,
    functions,
    generators: functions.filter((f) => f.isGenerator),
    nodes: nodesOf,
    callsInGenerators,
    yields: nodesOf<ts.YieldExpression>(SK.YieldExpression),
    propertyAssignments,
    envReads,
    meansOneThing(name) {
      if (scopesExtendedElsewhere) return false;
      if (!innerBindingNames) {
        innerBindingNames = new Set();
        const IDENTIFIER = SK.Identifier;
        for (const declaration of bindingsInFunctions) {
          const bound = declaration.name;
          if (bound && bound.kind === IDENTIFIER) innerBindingNames.add((bound as ts.Identifier).text);
        }
        for (const declaration of bindingsOutsideFunctions) {
          const bound = declaration.name;
          if (bound && bound.kind === IDENTIFIER && !isModuleLevel(tsm, declaration)) innerBindingNames.add((bound as ts.Identifier).text);
        }
      }
      return !innerBindingNames.has(name);
    },
  };
}

/** A declaration that is one of the module's own statements (or a name destructured by one). */
function isModuleLevel(tsm: TypeScriptModule, declaration: ts.Node): boolean {
  let node = declaration;
  while (tsm.isBindingElement(node)) node = node.parent.parent;
  if (tsm.isVariableDeclaration(node)) {
    const statement = node.parent.parent;
    return tsm.isVariableStatement(statement) && tsm.isSourceFile(statement.parent);
  }
  return (
    (tsm.isFunctionDeclaration(node) || tsm.isClassDeclaration(node) || tsm.isEnumDeclaration(node) || tsm.isModuleDeclaration(node)) &&
    tsm.isSourceFile(node.parent)
  );
}
