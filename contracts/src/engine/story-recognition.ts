import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';
import { getActionTypeModel } from './action-type';
import { calleeExpressionOf, calleeName, calleeSymbolOf } from './callee-symbol';
import type { StoryCallNode } from './file-index';
import { generatorResultType } from './generator-type';
import { importedName, NOT_READ } from './imported-symbol';
import { isTransparentWrapper } from './syntax';

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
    private readonly program?: ts.Program,
  ) {}

  get typeAware(): boolean {
    return this.checker !== undefined;
  }

  /** The callee as written: `askDateNow`, `todoLogic.askCreate`. */
  calleeOf(call: StoryCallNode): ts.Expression {
    return calleeExpressionOf(this.tsm, call);
  }

  hasStoryName(call: StoryCallNode): boolean {
    const name = calleeName(this.tsm, this.calleeOf(call));
    return name !== undefined && ASK_NAME.test(name);
  }

  /** By type when a checker knows it, by the `ask*` name otherwise. */
  isStoryCall(call: StoryCallNode): boolean {
    if (this.checker && this.declaredNotStory(call)) return false;
    let verdict: StoryVerdict = 'unknown';
    if (this.checker) {
      verdict = this.verdictOfCallee(call);
      if (verdict === 'unknown') verdict = this.verdictOf(call);
    }
    return verdict === 'unknown' ? this.hasStoryName(call) : verdict === 'story';
  }

  /**
   * The verdict on what is called, shared by every call of it in the program: when each of the
   * callee's signatures, as declared, returns a story (`AskResponse<T>` for any `T`), or none
   * does, the call site need not be resolved. A requester called a thousand times is judged once.
   */
  private verdictOfCallee(call: StoryCallNode): StoryVerdict {
    const symbol = this.calleeSymbol(call);
    if (!symbol) return 'unknown';
    const cache = programCaches(this.checker!).calleeVerdicts;
    let verdict = cache.get(symbol);
    if (verdict === undefined) {
      const signatures = this.checker!.getTypeOfSymbol(symbol).getCallSignatures();
      const verdicts = signatures.map((s) => this.verdictOfType(s.getReturnType(), false));
      verdict = verdicts.length > 0 && verdicts.every((v) => v === verdicts[0]) ? verdicts[0] : 'unknown';
      cache.set(symbol, verdict);
    }
    return verdict;
  }

  /**
   * What delegating to a call gives back, as its callee declares it: `never` when control does
   * not come back (every signature returns a story whose result type is `never`, like the
   * framework's `askThrowErrorBase`), `open` when the call site decides (`any`, or a type
   * parameter of the signature, like the generic `askThrowError<T>`), the declared result type
   * when there is one, and undefined when the callee is not a story or cannot be read. Judged once
   * per callee for the whole program.
   */
  declaredResultOf(call: StoryCallNode): ts.Type | 'never' | 'open' | undefined {
    const checker = this.checker;
    if (!checker) return undefined;
    const symbol = this.calleeSymbol(call);
    if (!symbol) return undefined;
    const cache = programCaches(checker).declaredResults;
    if (cache.has(symbol)) return cache.get(symbol);
    let result: ts.Type | 'never' | 'open' | undefined;
    const signatures = checker.getTypeOfSymbol(symbol).getCallSignatures();
    const results = signatures.map((s) => this.storyResultOfSignature(s));
    if (results.length > 0 && results.every((r) => r === 'never')) result = 'never';
    else if (results.length > 0 && results.every((r) => r === 'open')) result = 'open';
    else if (results.length === 1) result = results[0];
    cache.set(symbol, result);
    return result;
  }

  private storyResultOfSignature(signature: ts.Signature): ts.Type | 'never' | 'open' | undefined {
    const { TypeFlags } = this.tsm;
    const returned = signature.getReturnType();
    if (this.verdictOfType(returned, false) !== 'story') return undefined;
    const result = this.generatorReturnType(returned) ?? this.iteratorReturnType(returned);
    if (!result) return undefined;
    if (result.flags & TypeFlags.Never) return 'never';
    if (result.flags & TypeFlags.Any) return 'open';
    if (result.flags & TypeFlags.TypeParameter && signature.typeParameters?.some((p) => p === result)) return 'open';
    return result;
  }

  /** The result type of an iterator that is not a `Generator` reference, read through `next()`. */
  private iteratorReturnType(type: ts.Type): ts.Type | undefined {
    const checker = this.checker!;
    const next = type.getProperty('next');
    const signature = next && checker.getTypeOfSymbol(next).getCallSignatures()[0];
    if (!signature) return undefined;
    const results = signature.getReturnType();
    for (const candidate of results.isUnion() ? results.types : [results]) {
      const done = candidate.getProperty('done');
      const value = candidate.getProperty('value');
      if (done && value && checker.typeToString(checker.getTypeOfSymbol(done)) === 'true') return checker.getTypeOfSymbol(value);
    }
    return undefined;
  }

  /** The result type a generator function declares (`T` of `AskResponse<T>`); undefined when it declares none. */
  declaredResultOfFunction(fn: ts.SignatureDeclaration): ts.Type | undefined {
    const checker = this.checker;
    if (!checker || !fn.type) return undefined;
    return this.generatorReturnType(checker.getTypeFromTypeNode(fn.type));
  }

  /** What the call's callee names, aliases followed; shared with every contract (see callee-symbol.ts). */
  calleeSymbol(call: StoryCallNode): ts.Symbol | undefined {
    return this.checker && calleeSymbolOf(this.tsm, this.checker, this.calleeOf(call));
  }

  /**
   * A cheap look before the type query: the callee's declarations alone can show it never returns
   * a story (every one is a plain function or method whose declared return type names no
   * generator, like `toFixed(): string` or `map<U>(): U[]`). Resolving a symbol costs far less
   * than resolving a call. Judged once per callee for the whole program, like `verdictOfCallee`.
   */
  private declaredNotStory(call: StoryCallNode): boolean {
    const symbol = this.calleeSymbol(call);
    if (!symbol) return false;
    const cache = programCaches(this.checker!).declaredNotStory;
    let verdict = cache.get(symbol);
    if (verdict === undefined) {
      verdict = this.declarationsNotStory(symbol.declarations);
      cache.set(symbol, verdict);
    }
    return verdict;
  }

  private declarationsNotStory(declarations: readonly ts.Declaration[] | undefined): boolean {
    const tsm = this.tsm;
    if (!declarations || declarations.length === 0) return false;
    return declarations.every((d) => {
      const file = d.getSourceFile();
      // The default library (`Number`, `Array.prototype.map`, ...) has no stories.
      if (file.hasNoDefaultLib) return true;
      if (
        !(
          tsm.isFunctionDeclaration(d) ||
          tsm.isMethodDeclaration(d) ||
          tsm.isMethodSignature(d) ||
          tsm.isFunctionExpression(d) ||
          tsm.isArrowFunction(d)
        ) ||
        d.type === undefined
      )
        return false;
      if (this.iteratesPlainValues(d.type)) return true;
      // The type's text with its leading trivia (no rescan to find where it starts): a word in a
      // comment there only sends the call on to the type query.
      return (
        (d as ts.FunctionLikeDeclarationBase).asteriskToken === undefined && !MAY_NAME_A_STORY.test(file.text.slice(d.type.pos, d.type.end))
      );
    });
  }

  /** `Generator<number, ...>`, `Iterable<string>`: a declared iterator of plain values is no story. */
  private iteratesPlainValues(type: ts.TypeNode): boolean {
    const tsm = this.tsm;
    if (
      !tsm.isTypeReferenceNode(type) ||
      !tsm.isIdentifier(type.typeName) ||
      !/^(Async)?(Generator|Iterator|IterableIterator|Iterable)$/.test(type.typeName.text)
    ) {
      return false;
    }
    const yielded = type.typeArguments?.[0];
    const SK = tsm.SyntaxKind;
    // Keyword types of values that are never actions (the host's numbering: it differs by version).
    const plain = [
      SK.NumberKeyword,
      SK.StringKeyword,
      SK.BooleanKeyword,
      SK.BigIntKeyword,
      SK.SymbolKeyword,
      SK.UndefinedKeyword,
      SK.VoidKeyword,
    ];
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
    return !(
      tsm.isCallExpression(value) ||
      tsm.isTaggedTemplateExpression(value) ||
      tsm.isAwaitExpression(value) ||
      tsm.isYieldExpression(value) ||
      tsm.isIdentifier(value) ||
      tsm.isPropertyAccessExpression(value) ||
      tsm.isElementAccessExpression(value) ||
      tsm.isConditionalExpression(value) ||
      tsm.isParenthesizedExpression(value) ||
      tsm.isAsExpression(value)
    );
  }

  /** Type verdict for a call or any other value: is it a story? Arrays are not. */
  verdictOf(expression: ts.Expression): StoryVerdict {
    if (!this.checker) return 'unknown';
    let verdict = this.verdicts.get(expression);
    if (verdict === undefined) {
      const type = this.checker.getTypeAtLocation(expression);
      verdict = this.verdictOfType(type, false);
      // A call of a generator function whose result is not even an iterator means the program
      // lacks the default library's iterator types: no verdict, the name decides.
      if (verdict === 'not-story' && !type.getProperty('next') && this.callsGeneratorFunction(expression)) verdict = 'unknown';
      this.verdicts.set(expression, verdict);
    }
    return verdict;
  }

  private callsGeneratorFunction(expression: ts.Expression): boolean {
    const tsm = this.tsm;
    if (!tsm.isCallExpression(expression) && !tsm.isTaggedTemplateExpression(expression)) return false;
    const declaration = this.checker!.getResolvedSignature(expression)?.getDeclaration();
    return declaration !== undefined && (declaration as ts.FunctionLikeDeclarationBase).asteriskToken !== undefined;
  }

  /** Type verdict for the operand of `yield*`: a list of actions is fine there too. */
  verdictOfDelegated(expression: ts.Expression): StoryVerdict {
    if (!this.checker) return 'unknown';
    return this.verdictOfType(this.checker.getTypeAtLocation(expression), true);
  }

  /** Whether a generator function is a story: its yields are actions. Unknown without a checker. */
  verdictOfFunction(fn: ts.SignatureDeclaration): StoryVerdict {
    if (!this.checker) return 'unknown';
    let verdict = this.verdicts.get(fn);
    if (verdict === undefined && fn.type) verdict = this.verdictOfAnnotation(fn.type);
    if (verdict === undefined) {
      const signature = this.checker.getSignatureFromDeclaration(fn);
      const returned = signature && this.checker.getReturnTypeOfSignature(signature);
      // A generator whose type is not even an iterator means missing lib types: no verdict.
      verdict = returned && returned.getProperty('next') ? this.verdictOfType(returned, false) : 'unknown';
      this.verdicts.set(fn, verdict);
    }
    return verdict;
  }

  /**
   * A declared return type written as an imported generic alias whose yields do not depend on its
   * arguments, like the framework's `AskResponse<T> = Generator<Action<any>, T, any>`: judged once
   * per alias for the whole program instead of resolving every annotation (each `AskResponse<…>`
   * is its own instantiation to resolve). Undefined when the annotation is not of that shape. A
   * local type or type parameter that shadows an imported alias's name is not looked for.
   */
  private verdictOfAnnotation(type: ts.TypeNode): StoryVerdict | undefined {
    const tsm = this.tsm;
    const checker = this.checker!;
    if (!tsm.isTypeReferenceNode(type) || !tsm.isIdentifier(type.typeName)) return undefined;
    const alias = importedName(tsm, checker, type.getSourceFile(), type.typeName.text, 'type');
    if (alias === NOT_READ || !alias || !(alias.flags & tsm.SymbolFlags.TypeAlias)) return undefined;
    const cache = programCaches(checker).aliasVerdicts;
    let verdict = cache.get(alias);
    if (verdict === undefined) {
      verdict = this.verdictOfAlias(alias) ?? null;
      cache.set(alias, verdict);
    }
    return verdict ?? undefined;
  }

  private verdictOfAlias(alias: ts.Symbol): StoryVerdict | undefined {
    const tsm = this.tsm;
    const declaration = alias.declarations?.length === 1 ? alias.declarations[0] : undefined;
    if (!declaration || !tsm.isTypeAliasDeclaration(declaration) || !tsm.isTypeReferenceNode(declaration.type)) return undefined;
    const yielded = declaration.type.typeArguments?.[0];
    const parameters = new Set(declaration.typeParameters?.map((p) => p.name.text));
    if (!yielded || mentionsName(tsm, yielded, parameters)) return undefined;
    const declared = this.checker!.getDeclaredTypeOfSymbol(alias);
    // A `Generator` reference, whose first argument is what it yields; without the default
    // library's iterator types there is no verdict here either.
    if (this.generatorReturnType(declared) === undefined || !declared.getProperty('next')) return undefined;
    return this.verdictOfType(declared, false);
  }

  /** Whether calling a value of this type starts a story (any of its call signatures does). */
  verdictOfCallable(type: ts.Type): StoryVerdict {
    const signatures = type.getCallSignatures();
    if (signatures.length === 0) return type.flags & (this.tsm.TypeFlags.Any | this.tsm.TypeFlags.Unknown) ? 'unknown' : 'not-story';
    const verdicts = signatures.map((s) => this.verdictOfType(s.getReturnType(), false));
    if (verdicts.includes('story')) return 'story';
    return verdicts.every((v) => v === 'not-story') ? 'not-story' : 'unknown';
  }

  /**
   * Whether a story passed as an argument (directly, or inside array and object literals and
   * conditional branches) goes where the callee takes a story: the parameter as declared, a type
   * parameter judged by its constraint, is an iterator of actions or of anything. The declared
   * parameter is read, not the instantiated one, because an unconstrained type parameter would
   * otherwise be inferred from the story itself. `any` when the parameter accepts anything
   * (`any`, `unknown`, an unconstrained type parameter); `unknown` when the checker cannot tell.
   */
  acceptsStoryAsArgument(expression: ts.Expression): 'yes' | 'no' | 'any' | 'unknown' {
    const checker = this.checker;
    const tsm = this.tsm;
    if (!checker) return 'unknown';
    const path: Array<string | number> = [];
    let current: ts.Node = expression;
    for (;;) {
      const parent: ts.Node = current.parent;
      if (isTransparentWrapper(tsm, parent) || (tsm.isConditionalExpression(parent) && parent.condition !== current)) {
        current = parent;
      } else if (tsm.isArrayLiteralExpression(parent) || tsm.isSpreadElement(parent)) {
        if (tsm.isArrayLiteralExpression(parent))
          path.unshift(tsm.isSpreadElement(current) ? -1 : parent.elements.indexOf(current as ts.Expression));
        current = parent;
      } else if (tsm.isPropertyAssignment(parent) && parent.initializer === current && tsm.isObjectLiteralExpression(parent.parent)) {
        const name = parent.name;
        if (!tsm.isIdentifier(name) && !tsm.isStringLiteral(name)) return 'unknown';
        path.unshift(name.text);
        current = parent.parent;
      } else {
        break;
      }
    }
    const call = current.parent;
    if (!(tsm.isCallExpression(call) || tsm.isNewExpression(call)) || !call.arguments) return 'unknown';
    const index = call.arguments.indexOf(current as ts.Expression);
    if (index < 0) return 'unknown';
    // The declared parameter does not depend on the call: judged once per declaration and place.
    const key = `${index}:${path.join('.')}`;
    const overloads = this.overloadsCalled(call);
    if (overloads) {
      // Where every declaration of the callee says the same (`JSON.stringify(value: any, …)`), the
      // call need not be resolved to know which one it picks: resolving it infers its arguments.
      const verdicts = overloads.map((declaration) => this.parameterVerdict(declaration, index, path, key));
      if (verdicts.every((v) => v === verdicts[0])) return verdicts[0];
    }
    const declaration = checker.getResolvedSignature(call)?.getDeclaration();
    return declaration ? this.parameterVerdict(declaration, index, path, key) : 'unknown';
  }

  /** Every declaration of what a call names, when each is a signature; undefined otherwise. */
  private overloadsCalled(call: ts.CallExpression | ts.NewExpression): readonly ts.SignatureDeclaration[] | undefined {
    const tsm = this.tsm;
    if (!tsm.isCallExpression(call)) return undefined;
    const declarations = this.calleeSymbol(call)?.declarations;
    return declarations && declarations.length > 0 && declarations.every((d) => tsm.isFunctionLike(d))
      ? (declarations as ts.SignatureDeclaration[])
      : undefined;
  }

  private parameterVerdict(
    declaration: ts.SignatureDeclaration,
    index: number,
    path: Array<string | number>,
    key: string,
  ): 'yes' | 'no' | 'any' | 'unknown' {
    if (!declaration.parameters) return 'unknown';
    const cache = programCaches(this.checker!).parameterVerdicts;
    let byPlace = cache.get(declaration);
    if (!byPlace) cache.set(declaration, (byPlace = new Map()));
    let verdict = byPlace.get(key);
    if (verdict === undefined) {
      verdict = this.parameterAcceptsStory(declaration, index, path);
      byPlace.set(key, verdict);
    }
    return verdict;
  }

  private parameterAcceptsStory(
    declaration: ts.SignatureDeclaration,
    index: number,
    path: Array<string | number>,
  ): 'yes' | 'no' | 'any' | 'unknown' {
    const checker = this.checker!;
    const parameters = declaration.parameters;
    const parameter = parameters[Math.min(index, parameters.length - 1)];
    if (!parameter) return 'no';
    const isRest = parameter.dotDotDotToken !== undefined;
    if (index >= parameters.length && !isRest) return 'no';
    let type: ts.Type | undefined = checker.getTypeAtLocation(parameter);
    if (isRest) type = this.elementType(type, index - (parameters.length - 1));
    for (const step of path) type = type && (typeof step === 'number' ? this.elementType(type, step) : this.propertyType(type, step));
    return type ? this.typeAcceptsStory(type) : 'unknown';
  }

  /**
   * Whether a story stored with a collection's method (`list.push(story)`) fits the collection:
   * its element type, known from the receiver, takes a story. An evolving `[]` takes anything and
   * so is taken to hold stories; `unknown` or a bare type parameter as element type does not.
   */
  collectionAcceptsStory(expression: ts.Expression): 'yes' | 'no' | 'unknown' {
    const checker = this.checker;
    if (!checker) return 'unknown';
    const expected = checker.getContextualType(expression);
    if (!expected) return 'unknown';
    // A declared `unknown[]` or `T[]` collects values; only an `any` (an evolving `[]`) is open.
    if (expected.flags & this.tsm.TypeFlags.Unknown) return 'no';
    if (expected.flags & this.tsm.TypeFlags.TypeParameter && !checker.getBaseConstraintOfType(expected)) return 'no';
    const verdict = this.typeAcceptsStory(expected);
    return verdict === 'no' ? 'no' : verdict === 'unknown' ? 'unknown' : 'yes';
  }

  /**
   * Whether a story returned from `fn` is what `fn` declares to return (for a generator, its
   * return value). Only an explicit annotation counts: an inferred one comes from the story.
   */
  returnAcceptsStory(fn: ts.Node): 'yes' | 'no' | 'any' | 'unknown' {
    const checker = this.checker;
    const tsm = this.tsm;
    if (!checker || !tsm.isFunctionLike(fn) || !fn.type) return 'unknown';
    let declared = checker.getTypeFromTypeNode(fn.type);
    if ((fn as ts.FunctionLikeDeclarationBase).asteriskToken) {
      const returned = this.generatorReturnType(declared);
      if (!returned) return 'unknown';
      declared = returned;
    }
    return this.typeAcceptsStory(declared);
  }

  /** `R` of a `Generator<Y, R, N>` (what delegating to it evaluates to); undefined for another type. */
  generatorReturnType(type: ts.Type): ts.Type | undefined {
    return generatorResultType(this.tsm, this.checker!, type);
  }

  /** The type of element `index` (-1: any element) of an array or tuple type. */
  private elementType(type: ts.Type, index: number): ts.Type | undefined {
    const checker = this.checker!;
    const resolved = type.flags & this.tsm.TypeFlags.Instantiable ? (checker.getBaseConstraintOfType(type) ?? type) : type;
    if (checker.isTupleType(resolved)) {
      const elements = checker.getTypeArguments(resolved as ts.TypeReference);
      const flags = (resolved as ts.TupleTypeReference).target.elementFlags;
      const { ElementFlags } = this.tsm;
      if (index >= 0 && index < elements.length && !(flags[index] & ElementFlags.Variable)) return elements[index];
      // Past the fixed elements: the rest element's type, or the elements of a spread type (`[...T]`).
      const spread = flags.findIndex((f) => f & ElementFlags.Variable);
      if (spread >= 0) return flags[spread] & ElementFlags.Variadic ? this.elementType(elements[spread], -1) : elements[spread];
    }
    return checker.getIndexTypeOfType(resolved, this.tsm.IndexKind.Number);
  }

  private propertyType(type: ts.Type, name: string): ts.Type | undefined {
    const checker = this.checker!;
    const resolved = type.flags & this.tsm.TypeFlags.Instantiable ? (checker.getBaseConstraintOfType(type) ?? type) : type;
    const property = resolved.getProperty(name);
    return property ? checker.getTypeOfSymbol(property) : undefined;
  }

  /** The same question for a type the caller already has (a function's declared return value). */
  typeAcceptsStory(expected: ts.Type): 'yes' | 'no' | 'any' | 'unknown' {
    const { TypeFlags } = this.tsm;
    const checker = this.checker!;
    if (expected.flags & TypeFlags.Any) return isUnresolved(expected) ? 'unknown' : 'any';
    if (expected.flags & TypeFlags.Unknown) return 'any';
    if (expected.flags & TypeFlags.Instantiable) {
      const constraint = checker.getBaseConstraintOfType(expected);
      return constraint && constraint !== expected ? this.typeAcceptsStory(constraint) : 'any';
    }
    const parts = expected.isUnion() ? expected.types : [expected];
    const verdicts = parts.map((t) =>
      t.flags & TypeFlags.Any && isUnresolved(t)
        ? 'unknown'
        : t.flags & (TypeFlags.Any | TypeFlags.Unknown)
          ? 'any'
          : this.iteratorYield(t),
    );
    if (verdicts.some((v) => v === 'story')) return 'yes';
    return verdicts.includes('unknown') ? 'unknown' : verdicts.includes('any') ? 'any' : 'no';
  }

  /** `story` for an iterator of actions or of anything, `any` for `any`, else `not-story`. */
  private iteratorYield(type: ts.Type): 'story' | 'any' | 'not-story' {
    const yielded = this.yieldTypeOf(type);
    if (yielded === null) return 'not-story';
    if (yielded.flags & (this.tsm.TypeFlags.Any | this.tsm.TypeFlags.Unknown)) return 'story';
    return this.yieldedVerdict(yielded) === 'not-story' ? 'not-story' : 'story';
  }

  private verdictOfType(type: ts.Type, arraysYieldElements: boolean): StoryVerdict {
    const { TypeFlags } = this.tsm;
    if (type.flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.Never)) return 'unknown';
    if (type.flags & TypeFlags.StringLike) return 'not-story';
    if (type.flags & TypeFlags.Instantiable) {
      // A type parameter is judged by its constraint.
      const constraint = this.checker!.getBaseConstraintOfType(type);
      return constraint && constraint !== type ? this.verdictOfType(constraint, arraysYieldElements) : 'unknown';
    }
    if (type.isUnion()) {
      const parts = type.types
        .filter((t) => !(t.flags & (TypeFlags.Undefined | TypeFlags.Null)))
        .map((t) => this.verdictOfType(t, arraysYieldElements));
      if (parts.length === 0 || parts.includes('unknown')) return 'unknown';
      return parts.every((p) => p === 'story') ? 'story' : 'not-story';
    }
    if (type.isIntersection()) {
      // `T & object` after narrowing: a story when one of its parts is.
      const parts = type.types.map((t) => this.verdictOfType(t, arraysYieldElements));
      return parts.includes('story') ? 'story' : parts.includes('unknown') ? 'unknown' : 'not-story';
    }
    const checker = this.checker!;
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      if (!arraysYieldElements) return 'not-story';
      // `yield* [a, b]` yields each element: fine when the elements are actions.
      const element = checker.getIndexTypeOfType(type, this.tsm.IndexKind.Number);
      return element ? this.yieldedVerdict(element) : 'unknown';
    }
    const yielded = this.yieldTypeOf(type);
    if (yielded === null) return type.getProperty('next') || type.getProperty('__@iterator') ? 'unknown' : 'not-story';
    return this.yieldedVerdict(yielded);
  }

  /** Whether a yielded type is an action (see ActionTypeModel); yielding nothing is fine too. */
  private yieldedVerdict(yielded: ts.Type): StoryVerdict {
    const verdict = getActionTypeModel(this.tsm, this.checker!, this.program).isAction(yielded);
    return verdict === 'yes' ? 'story' : verdict === 'no' ? 'not-story' : 'unknown';
  }

  /**
   * The yield type of a generator or iterator type, or null when the type is not one. The fast
   * path reads `Generator<Y, R, N>`'s type argument; other iterators are read through `next()`,
   * whose result an async iterator wraps in a promise.
   */
  yieldTypeOf(type: ts.Type): ts.Type | null {
    const checker = this.checker!;
    const { ObjectFlags } = this.tsm;
    const symbolName = type.getSymbol()?.getName();
    if ((symbolName === 'Generator' || symbolName === 'AsyncGenerator') && (type as ts.ObjectType).objectFlags & ObjectFlags.Reference) {
      const args = checker.getTypeArguments(type as ts.TypeReference);
      if (args.length > 0) return args[0];
    }
    const next = type.getProperty('next');
    if (!next) return null;
    const nextType = checker.getTypeOfSymbol(next);
    const signature = nextType.getCallSignatures()[0];
    if (!signature) return null;
    let result = signature.getReturnType();
    if (result.getProperty('then')) result = checker.getAwaitedType(result) ?? result;
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
  program?: ts.Program,
): StoryRecognizer {
  let byChecker = recognizerCache.get(sourceFile);
  if (!byChecker) {
    byChecker = new WeakMap();
    recognizerCache.set(sourceFile, byChecker);
  }
  const key = checker ?? UNTYPED;
  let recognizer = byChecker.get(key);
  if (!recognizer) {
    recognizer = new StoryRecognizer(tsm, checker, program);
    byChecker.set(key, recognizer);
  }
  return recognizer;
}

/**
 * An `any` the checker made up because a name did not resolve (a missing package's types), not
 * one the code declares: it says nothing about what the code accepts.
 */
function isUnresolved(type: ts.Type): boolean {
  const name = (type as { intrinsicName?: string }).intrinsicName;
  return name !== undefined && name !== 'any';
}

/** Whether a type node mentions one of `names` anywhere inside it. */
function mentionsName(tsm: TypeScriptModule, type: ts.Node, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  const visit = (node: ts.Node): boolean => (tsm.isIdentifier(node) && names.has(node.text)) || tsm.forEachChild(node, visit) === true;
  return visit(type);
}

interface ProgramCaches {
  /** Callee symbol -> whether calling it starts a story, as declared. */
  calleeVerdicts: Map<ts.Symbol, StoryVerdict>;
  /** Callee symbol -> whether its declarations alone show it returns no story. */
  declaredNotStory: Map<ts.Symbol, boolean>;
  /** Called declaration -> argument place -> whether a story is taken there. */
  parameterVerdicts: Map<ts.Node, Map<string, 'yes' | 'no' | 'any' | 'unknown'>>;
  /** Callee symbol -> what delegating to it gives back, as declared. */
  declaredResults: Map<ts.Symbol, ts.Type | 'never' | 'open' | undefined>;
  /** Generic alias -> the verdict of every annotation written with it; null when not judged by alias. */
  aliasVerdicts: Map<ts.Symbol, StoryVerdict | null>;
}

const cachesByChecker = new WeakMap<ts.TypeChecker, ProgramCaches>();

/** Verdicts about declarations hold for the whole program version, whichever file asks. */
function programCaches(checker: ts.TypeChecker): ProgramCaches {
  let caches = cachesByChecker.get(checker);
  if (!caches)
    cachesByChecker.set(
      checker,
      (caches = {
        calleeVerdicts: new Map(),
        declaredNotStory: new Map(),
        parameterVerdicts: new Map(),
        declaredResults: new Map(),
        aliasVerdicts: new Map(),
      }),
    );
  return caches;
}
