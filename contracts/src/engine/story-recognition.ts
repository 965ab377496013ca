import type * as ts from 'typescript';
import type { TypeScriptModule } from '../types';
import type { StoryCallNode } from './file-index';

/** Words in a declared return type that may name a story: such declarations get the type query. */
const MAY_NAME_A_STORY = /Generator|Iter|AskResponse|Story|Requester|any|unknown|\b[A-Z]\b|typeof|ReturnType/;

/** The framework's naming convention for stories and action requesters. */
export const ASK_NAME = /^ask[A-Z0-9_]/;

/**
 * What a value is, for delegation: a story (a generator whose yields are actions, or that yields
 * nothing), something else iterable, or unknown (any, unresolved, or an exotic iterable).
 */
export type StoryVerdict = 'story' | 'not-story' | 'unknown';

/**
 * Answers "is this a story?" once per node. Structural, so it recognises the real
 * `quidproquo-core` types and the reference runtime's alike.
 */
export class StoryRecognizer {
  private readonly verdicts = new Map<ts.Node, StoryVerdict>();

  constructor(
    private readonly tsm: TypeScriptModule,
    readonly checker: ts.TypeChecker | undefined,
  ) {}

  get typeAware(): boolean {
    return this.checker !== undefined;
  }

  /** The callee as written: `askDateNow`, `todoLogic.askCreate`. */
  calleeOf(call: StoryCallNode): ts.Expression {
    return this.tsm.isTaggedTemplateExpression(call) ? call.tag : call.expression;
  }

  hasStoryName(call: StoryCallNode): boolean {
    const callee = this.calleeOf(call);
    if (this.tsm.isIdentifier(callee)) return ASK_NAME.test(callee.text);
    if (this.tsm.isPropertyAccessExpression(callee)) return ASK_NAME.test(callee.name.text);
    return false;
  }

  /** By type when a checker knows it, by the `ask*` name otherwise. */
  isStoryCall(call: StoryCallNode): boolean {
    if (this.checker && this.declaredNotStory(call)) return false;
    const verdict = this.checker ? this.verdictOf(call) : 'unknown';
    return verdict === 'unknown' ? this.hasStoryName(call) : verdict === 'story';
  }

  /**
   * A cheap look before the type query: the callee's declarations alone can show it never returns
   * a story (every one is a plain function or method whose declared return type names no
   * generator, like `toFixed(): string` or `map<U>(): U[]`). Resolving a symbol costs far less
   * than resolving a call.
   */
  private declaredNotStory(call: StoryCallNode): boolean {
    const tsm = this.tsm;
    const checker = this.checker!;
    const callee = this.calleeOf(call);
    let symbol = checker.getSymbolAtLocation(tsm.isPropertyAccessExpression(callee) ? callee.name : callee);
    if (symbol && symbol.flags & tsm.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declarations = symbol?.declarations;
    if (!declarations || declarations.length === 0) return false;
    return declarations.every(
      (d) =>
        // The default library (`Number`, `Array.prototype.map`, ...) has no stories.
        d.getSourceFile().hasNoDefaultLib ||
        (tsm.isFunctionDeclaration(d) || tsm.isMethodDeclaration(d) || tsm.isMethodSignature(d) || tsm.isFunctionExpression(d) || tsm.isArrowFunction(d)) &&
        d.type !== undefined &&
        (this.iteratesPlainValues(d.type) || ((d as ts.FunctionLikeDeclarationBase).asteriskToken === undefined && !MAY_NAME_A_STORY.test(d.type.getText()))),
    );
  }

  /** `Generator<number, ...>`, `Iterable<string>`: a declared iterator of plain values is no story. */
  private iteratesPlainValues(type: ts.TypeNode): boolean {
    const tsm = this.tsm;
    if (!tsm.isTypeReferenceNode(type) || !tsm.isIdentifier(type.typeName) || !/^(Async)?(Generator|Iterator|IterableIterator|Iterable)$/.test(type.typeName.text)) {
      return false;
    }
    const yielded = type.typeArguments?.[0];
    const SK = tsm.SyntaxKind;
    // Keyword types of values that are never actions (the host's numbering: it differs by version).
    const plain = [SK.NumberKeyword, SK.StringKeyword, SK.BooleanKeyword, SK.BigIntKeyword, SK.SymbolKeyword, SK.UndefinedKeyword, SK.VoidKeyword];
    return yielded !== undefined && (tsm.isLiteralTypeNode(yielded) || plain.includes(yielded.kind));
  }

  /**
   * A cheap look before the type query for `yield x`: a variable initialised with something that
   * is not a call (a literal, arithmetic, an object) cannot hold a story.
   */
  plainValueVariable(expression: ts.Expression): boolean {
    const tsm = this.tsm;
    if (!this.checker || !tsm.isIdentifier(expression)) return false;
    const declaration = this.checker.getSymbolAtLocation(expression)?.valueDeclaration;
    if (!declaration || !tsm.isVariableDeclaration(declaration) || !declaration.initializer) return false;
    const value = declaration.initializer;
    return !(tsm.isCallExpression(value) || tsm.isTaggedTemplateExpression(value) || tsm.isAwaitExpression(value) || tsm.isYieldExpression(value) || tsm.isIdentifier(value) || tsm.isPropertyAccessExpression(value) || tsm.isElementAccessExpression(value) || tsm.isConditionalExpression(value) || tsm.isParenthesizedExpression(value) || tsm.isAsExpression(value));
  }

  /** Type verdict for any expression; `unknown` without a checker. */
  verdictOf(expression: ts.Expression): StoryVerdict {
    if (!this.checker) return 'unknown';
    let verdict = this.verdicts.get(expression);
    if (verdict === undefined) {
      verdict = this.verdictOfType(this.checker.getTypeAtLocation(expression));
      this.verdicts.set(expression, verdict);
    }
    return verdict;
  }

  /** Whether a generator function is a story: its yields are actions. Unknown without a checker. */
  verdictOfFunction(fn: ts.SignatureDeclaration): StoryVerdict {
    if (!this.checker) return 'unknown';
    let verdict = this.verdicts.get(fn);
    if (verdict === undefined) {
      const signature = this.checker.getSignatureFromDeclaration(fn);
      const returned = signature && this.checker.getReturnTypeOfSignature(signature);
      // A generator whose type is not even an iterator means missing lib types: no verdict.
      verdict = returned && returned.getProperty('next') ? this.verdictOfType(returned) : 'unknown';
      this.verdicts.set(fn, verdict);
    }
    return verdict;
  }

  /** Whether calling a value of this type starts a story (any of its call signatures does). */
  verdictOfCallable(type: ts.Type): StoryVerdict {
    const signatures = type.getCallSignatures();
    if (signatures.length === 0) return type.flags & (this.tsm.TypeFlags.Any | this.tsm.TypeFlags.Unknown) ? 'unknown' : 'not-story';
    const verdicts = signatures.map((s) => this.verdictOfType(s.getReturnType()));
    if (verdicts.includes('story')) return 'story';
    return verdicts.every((v) => v === 'not-story') ? 'not-story' : 'unknown';
  }

  private verdictOfType(type: ts.Type): StoryVerdict {
    const { TypeFlags } = this.tsm;
    if (type.flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.Never)) return 'unknown';
    if (type.flags & TypeFlags.StringLike) return 'not-story';
    if (type.isUnion()) {
      const parts = type.types
        .filter((t) => !(t.flags & (TypeFlags.Undefined | TypeFlags.Null)))
        .map((t) => this.verdictOfType(t));
      if (parts.length === 0 || parts.includes('unknown')) return 'unknown';
      return parts.every((p) => p === 'story') ? 'story' : 'not-story';
    }
    const checker = this.checker!;
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      // `yield* [a, b]` yields each element: fine when the elements are actions.
      const element = checker.getIndexTypeOfType(type, this.tsm.IndexKind.Number);
      return element ? this.yieldedVerdict(element) : 'unknown';
    }
    const yielded = this.yieldTypeOf(type);
    if (yielded === null) return type.getProperty('next') || type.getProperty('__@iterator') ? 'unknown' : 'not-story';
    return this.yieldedVerdict(yielded);
  }

  /** Whether a yielded type is an action: has a string `type`; yielding nothing is fine too. */
  private yieldedVerdict(yielded: ts.Type): StoryVerdict {
    const { TypeFlags } = this.tsm;
    if (yielded.flags & TypeFlags.Never) return 'story';
    if (yielded.flags & (TypeFlags.Any | TypeFlags.Unknown)) return 'unknown';
    const parts = yielded.isUnion() ? yielded.types : [yielded];
    for (const part of parts) {
      const typeProperty = part.getProperty('type');
      if (!typeProperty) return 'not-story';
      const propertyType = this.checker!.getTypeOfSymbol(typeProperty);
      if (!this.isStringLike(propertyType)) return 'not-story';
    }
    return 'story';
  }

  private isStringLike(type: ts.Type): boolean {
    const { TypeFlags } = this.tsm;
    if (type.flags & (TypeFlags.StringLike | TypeFlags.Any)) return true;
    return type.isUnion() && type.types.every((t) => (t.flags & TypeFlags.StringLike) !== 0);
  }

  /**
   * The yield type of a generator or iterator type, or null when the type is not one. The fast
   * path reads `Generator<Y, R, N>`'s type argument; other iterators are read through `next()`.
   */
  private yieldTypeOf(type: ts.Type): ts.Type | null {
    const checker = this.checker!;
    const { ObjectFlags } = this.tsm;
    const symbolName = type.getSymbol()?.getName();
    if (
      (symbolName === 'Generator' || symbolName === 'AsyncGenerator') &&
      (type as ts.ObjectType).objectFlags & ObjectFlags.Reference
    ) {
      const args = checker.getTypeArguments(type as ts.TypeReference);
      if (args.length > 0) return args[0];
    }
    const next = type.getProperty('next');
    if (!next) return null;
    const nextType = checker.getTypeOfSymbol(next);
    const signature = nextType.getCallSignatures()[0];
    if (!signature) return null;
    const result = signature.getReturnType();
    const results = result.isUnion() ? result.types : [result];
    const yielded: ts.Type[] = [];
    for (const candidate of results) {
      const done = candidate.getProperty('done');
      const value = candidate.getProperty('value');
      if (!value) continue;
      const doneType = done ? checker.getTypeOfSymbol(done) : undefined;
      const isReturnResult = doneType !== undefined && checker.typeToString(doneType) === 'true';
      if (!isReturnResult) yielded.push(checker.getTypeOfSymbol(value));
    }
    if (yielded.length === 0) return null;
    return yielded.length === 1 ? yielded[0] : null;
  }
}

const UNTYPED = {};
const recognizerCache = new WeakMap<ts.SourceFile, WeakMap<object, StoryRecognizer>>();

/** One recognizer per file and checker, so its memo is shared by every contract on that file. */
export function getStoryRecognizer(
  tsm: TypeScriptModule,
  sourceFile: ts.SourceFile,
  checker: ts.TypeChecker | undefined,
): StoryRecognizer {
  let byChecker = recognizerCache.get(sourceFile);
  if (!byChecker) {
    byChecker = new WeakMap();
    recognizerCache.set(sourceFile, byChecker);
  }
  const key = checker ?? UNTYPED;
  let recognizer = byChecker.get(key);
  if (!recognizer) {
    recognizer = new StoryRecognizer(tsm, checker);
    byChecker.set(key, recognizer);
  }
  return recognizer;
}
