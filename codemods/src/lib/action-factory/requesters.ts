import * as path from 'node:path';
import { ts } from 'ts-morph';

import { qpqPackageOf } from '../packages';
import { type QpqResolver, skipOuter } from '../symbols';
import { relativeSpecifier } from './text-ops';

/** A hand-written requester the migration can rebuild with the factory. */
export interface Requester {
  file: ts.SourceFile;
  fn: ts.FunctionDeclaration;
  name: string;
  /** `plain`: the factory alone; `story`: a factory base plus a story keeping the logic. */
  kind: 'plain' | 'story';
  /** The factory requester processors and error types refer to. */
  base: string;
  newFile: string;
  yieldNode: ts.YieldExpression;
  actionType: ts.Expression;
  payload: ts.Expression | undefined;
  /** The return type (text), with the requester type's parameters filled in. */
  returnType: string;
  /** Where `returnType`'s names resolve. */
  returnTypeNodes: Array<{ node: ts.Node; file: ts.SourceFile }>;
  /** The factory's return type: `returnType`, or the widest honest type for a generic requester. */
  widest: string;
  /** The old return type annotation names the requester type (replaced by AskResponse in a story). */
  action?: ts.Declaration;
  requesterAlias?: ts.TypeAliasDeclaration;
  processorAliases: ts.TypeAliasDeclaration[];
  errorEnum?: { statement: ts.VariableStatement; declaration: ts.VariableDeclaration; list: ts.ArrayLiteralExpression };
  /** The framework module spelling the project uses. */
  frameworkModule: string;
}

export interface Rejected {
  file: ts.SourceFile;
  node: ts.Node;
  reason: string;
}

const CORE = new Set(['quidproquo-core', 'quidproquo']);

export function isFramework(resolver: QpqResolver, node: ts.Node, name: string): boolean {
  const target = ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) ? resolver.resolve(node as ts.Expression) : undefined;
  if (target) return CORE.has(target.pkg) && target.name === name;
  if (ts.isQualifiedName(node)) {
    const pkg = ts.isIdentifier(node.left) ? resolver.namespacePackage(node.left) : undefined;
    return pkg !== undefined && CORE.has(pkg) && node.right.text === name;
  }
  return false;
}

/** The declaration a name stands for, through imports and re-exports. */
export function declarationOf(checker: ts.TypeChecker, node: ts.Node): ts.Declaration | undefined {
  let symbol =
    ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node
      ? checker.getShorthandAssignmentValueSymbol(node.parent)
      : checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations?.[0];
}

function typeName(node: ts.TypeReferenceNode): ts.Node {
  return node.typeName;
}

/** Finds the hand-written requesters of the project; the ones it cannot rebuild, with why. */
export function findRequesters(
  files: readonly ts.SourceFile[],
  checker: ts.TypeChecker,
  resolver: QpqResolver,
  projectFiles: ReadonlySet<string>,
): { requesters: Requester[]; rejected: Rejected[] } {
  const requesters: Requester[] = [];
  const rejected: Rejected[] = [];
  const processorAliases: ts.TypeAliasDeclaration[] = [];
  const errorEnums: Array<Requester['errorEnum'] & object> = [];
  for (const file of files) {
    for (const statement of file.statements) {
      if (
        ts.isTypeAliasDeclaration(statement) &&
        ts.isTypeReferenceNode(statement.type) &&
        isFramework(resolver, typeName(statement.type), 'ActionProcessor')
      ) {
        processorAliases.push(statement);
      }
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          const init = declaration.initializer && skipOuter(declaration.initializer);
          if (!init || !ts.isCallExpression(init) || !isFramework(resolver, init.expression, 'createErrorEnumForAction')) continue;
          const list = init.arguments[1] && skipOuter(init.arguments[1]);
          if (
            statement.declarationList.declarations.length === 1 &&
            ts.isIdentifier(declaration.name) &&
            list &&
            ts.isArrayLiteralExpression(list)
          ) {
            errorEnums.push({ statement, declaration, list });
          }
        }
      }
    }
  }

  for (const file of files) {
    if (/\.d\.ts$/.test(file.fileName)) continue;
    for (const statement of file.statements) {
      if (!ts.isFunctionDeclaration(statement) || !statement.asteriskToken || !statement.name || !statement.body || !statement.type)
        continue;
      if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      const shape = requesterType(statement.type, checker, resolver);
      if (!shape) continue;
      const name = statement.name.text;
      if (statement.modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) {
        rejected.push({
          file,
          node: statement,
          reason: `${name}: a default export; export it by name (the factory requester is a named const)`,
        });
        continue;
      }
      // Overload signatures would be left without their implementation.
      if (
        file.statements.some((other) => other !== statement && ts.isFunctionDeclaration(other) && !other.body && other.name?.text === name)
      ) {
        rejected.push({ file, node: statement, reason: `${name}: has overload signatures; one getPayload cannot carry them` });
        continue;
      }
      const result = classify(file, statement, shape, checker, projectFiles);
      if (result.kind === 'rejected') rejected.push({ file, node: result.node ?? statement, reason: result.reason });
      else if (result.kind === 'requester') requesters.push(result.requester);
    }
  }

  // One requester per action declaration: two requesters of one action cannot both own it.
  for (const requester of [...requesters]) {
    const sharing = requester.action ? requesters.filter((r) => r.action === requester.action) : [requester];
    if (sharing.length > 1) {
      requesters.splice(requesters.indexOf(requester), 1);
      rejected.push({
        file: requester.file,
        node: requester.fn,
        reason: `shares its action type ${requester.action && nameOf(requester.action)} with ${sharing
          .filter((r) => r !== requester)
          .map((r) => r.name)
          .join(', ')}`,
      });
    }
  }
  for (const requester of requesters) {
    if (requester.action) {
      requester.processorAliases = processorAliases.filter((alias) => {
        const first = (alias.type as ts.TypeReferenceNode).typeArguments?.[0];
        return first !== undefined && ts.isTypeReferenceNode(first) && declarationOf(checker, first.typeName) === requester.action;
      });
    }
    const matching = errorEnums.filter((e) =>
      sameValue(checker, (skipOuter(e.declaration.initializer!) as ts.CallExpression).arguments[0], requester.actionType),
    );
    if (matching.length === 1) requester.errorEnum = matching[0];
  }
  // A new module must not land on an existing file other than the requester's own.
  const existing = new Set(files.map((f) => path.resolve(f.fileName)));
  return {
    requesters: requesters.filter((r) => {
      const taken =
        (existing.has(r.newFile) && r.newFile !== path.resolve(r.file.fileName)) ||
        requesters.some((o) => o !== r && o.newFile === r.newFile);
      if (taken) rejected.push({ file: r.file, node: r.fn, reason: `${path.basename(r.newFile)} already exists` });
      return !taken;
    }),
    rejected,
  };
}

function nameOf(declaration: ts.Declaration): string {
  const name = (declaration as ts.NamedDeclaration).name;
  return name && ts.isIdentifier(name) ? name.text : '?';
}

function sameValue(checker: ts.TypeChecker, a: ts.Expression | undefined, b: ts.Expression): boolean {
  if (!a) return false;
  const left = skipOuter(a);
  const right = skipOuter(b);
  const symbolA = symbolOf(checker, left);
  const symbolB = symbolOf(checker, right);
  if (symbolA && symbolB) return symbolA === symbolB;
  return left.getText() === right.getText();
}

function symbolOf(checker: ts.TypeChecker, node: ts.Expression): ts.Symbol | undefined {
  const symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node) ? node.name : node);
  return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

interface RequesterShape {
  /** The `XAction` argument of the requester type. */
  actionNode: ts.TypeNode | undefined;
  returnNode: ts.TypeNode | undefined;
  /** Type parameter name -> the text the requester type fills it with. */
  substitutions: Map<string, string>;
  alias?: ts.TypeAliasDeclaration;
  frameworkModule: string;
}

/** `XActionRequester`, `ActionRequester<XAction, R>` or `Generator<XAction, R, N>`: what it says about the action and the result. */
function requesterType(type: ts.TypeNode, checker: ts.TypeChecker, resolver: QpqResolver): RequesterShape | undefined {
  if (!ts.isTypeReferenceNode(type)) return undefined;
  if (isFramework(resolver, type.typeName, 'ActionRequester')) {
    return {
      actionNode: type.typeArguments?.[0],
      returnNode: type.typeArguments?.[1],
      substitutions: new Map(),
      frameworkModule: moduleSpelling(type.typeName, checker),
    };
  }
  if (ts.isIdentifier(type.typeName) && type.typeName.text === 'Generator' && !declarationOf(checker, type.typeName)) {
    if (!type.typeArguments?.[0]) return undefined;
    return {
      actionNode: type.typeArguments[0],
      returnNode: type.typeArguments[1],
      substitutions: new Map(),
      frameworkModule: 'quidproquo-core',
    };
  }
  const declaration = declarationOf(checker, type.typeName);
  if (!declaration || !ts.isTypeAliasDeclaration(declaration) || !ts.isTypeReferenceNode(declaration.type)) return undefined;
  if (!isFramework(resolver, declaration.type.typeName, 'ActionRequester')) return undefined;
  const substitutions = new Map<string, string>();
  (declaration.typeParameters ?? []).forEach((parameter, i) => {
    const argument = type.typeArguments?.[i] ?? parameter.default;
    substitutions.set(parameter.name.text, argument ? argument.getText() : 'unknown');
  });
  return {
    actionNode: declaration.type.typeArguments?.[0],
    returnNode: declaration.type.typeArguments?.[1],
    substitutions,
    alias: declaration,
    frameworkModule: moduleSpelling(declaration.type.typeName, checker),
  };
}

/**
 * Where the framework's names come from for this requester: the package as the file spells it
 * (`quidproquo-core`, `@quidproquo/core`), or, when the file imports the framework's types from a
 * module of the project (the framework's own sources, a barrel), that module's absolute path
 * (each file that needs the names imports them from it by a path of its own).
 */
function moduleSpelling(name: ts.Node, checker: ts.TypeChecker): string {
  const identifier = ts.isQualifiedName(name) ? name.left : name;
  for (const declaration of checker.getSymbolAtLocation(identifier)?.declarations ?? []) {
    let node: ts.Node = declaration;
    while (node && !ts.isImportDeclaration(node)) node = node.parent;
    if (!node || !ts.isStringLiteral(node.moduleSpecifier)) continue;
    const text = node.moduleSpecifier.text;
    if (qpqPackageOf(text)) return text.startsWith('@quidproquo/') ? '@quidproquo/core' : 'quidproquo-core';
    if (text.startsWith('.')) {
      const module = checker.getSymbolAtLocation(node.moduleSpecifier)?.declarations?.find(ts.isSourceFile);
      if (module) return path.resolve(module.fileName);
    }
  }
  // Not imported (a global, say): the old spelling.
  return 'quidproquo-core';
}

/** The module `file` imports the framework's names from: the package, or a path to the project module that provides them. */
export function frameworkImportFor(frameworkModule: string, file: string): string {
  return path.isAbsolute(frameworkModule) ? relativeSpecifier(path.resolve(file), frameworkModule) : frameworkModule;
}

/** Replaces names in a type's text (`T` -> `string`). */
export function substitute(node: ts.Node, sourceFile: ts.SourceFile, substitutions: ReadonlyMap<string, string>): string {
  const start = node.getStart(sourceFile);
  let text = node.getText(sourceFile);
  const hits: Array<{ at: number; length: number; value: string }> = [];
  const visit = (child: ts.Node) => {
    if (
      ts.isTypeReferenceNode(child) &&
      ts.isIdentifier(child.typeName) &&
      !child.typeArguments &&
      substitutions.has(child.typeName.text)
    ) {
      hits.push({
        at: child.getStart(sourceFile) - start,
        length: child.getWidth(sourceFile),
        value: substitutions.get(child.typeName.text)!,
      });
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  for (const hit of hits.sort((a, b) => b.at - a.at)) text = text.slice(0, hit.at) + hit.value + text.slice(hit.at + hit.length);
  return text;
}

/** What a generator function with a requester's return type turned out to be. */
type Classified =
  | { kind: 'requester'; requester: Requester }
  /** A requester the factory cannot rebuild, with why (reported, left as it is). */
  | { kind: 'rejected'; reason: string; node?: ts.Node }
  /** Not a requester at all: a story delegating to others. */
  | { kind: 'not-a-requester' };

const rejectedFor = (reason: string, node?: ts.Node): Classified => ({ kind: 'rejected', reason, node });

function classify(
  file: ts.SourceFile,
  fn: ts.FunctionDeclaration,
  shape: RequesterShape,
  checker: ts.TypeChecker,
  projectFiles: ReadonlySet<string>,
): Classified {
  const name = fn.name!.text;
  const yields = ownYields(fn);
  if (yields.length === 0) return { kind: 'not-a-requester' };
  if (yields.length !== 1) return rejectedFor(`${name}: yields ${yields.length} actions; not a single-action requester`);
  const yieldNode = yields[0];
  const action = yieldedAction(file, name, yieldNode);
  if ('reason' in action) return rejectedFor(action.reason, action.node);
  const cast = castOfResult(yieldNode);
  if (cast)
    return rejectedFor(
      `${name}: a hand-written cast of the action's result (${cast.getText(file).replace(/\s+/g, ' ')}); the factory's return type cannot say what it narrows`,
      cast,
    );
  const payload = sentPayload(fn, action.payload);
  if (!payload && fn.parameters.length > 0) return rejectedFor(`${name}: takes parameters but sends no payload`, fn);

  const { kind, returnsNothing } = requesterKind(fn, yieldNode);
  if (kind === 'story') {
    const problem = storyPayloadProblem(file, fn, payload, checker);
    if (problem) return rejectedFor(problem.reason, problem.node);
  }
  const types = returnTypes(file, fn, shape, kind, returnsNothing);
  const base = kind === 'story' ? `${name}Base` : name;
  const requester: Requester = {
    file,
    fn,
    name,
    kind,
    base,
    newFile: path.join(path.dirname(path.resolve(file.fileName)), `${name}${path.extname(file.fileName) || '.ts'}`),
    yieldNode,
    actionType: action.actionType,
    payload,
    ...types,
    action: projectActionDeclaration(shape, checker, projectFiles),
    requesterAlias: shape.alias,
    processorAliases: [],
    frameworkModule: shape.frameworkModule,
  };
  return { kind: 'requester', requester };
}

/** The `yield` expressions of the function itself (not of nested functions; not `yield*`). */
function ownYields(fn: ts.FunctionDeclaration): ts.YieldExpression[] {
  const yields: ts.YieldExpression[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && node !== fn) return;
    if (ts.isYieldExpression(node) && !node.asteriskToken) yields.push(node);
    ts.forEachChild(node, visit);
  };
  visit(fn.body!);
  return yields;
}

/** The `type` and `payload` of the yielded action literal, or why it is not one the factory can build. */
function yieldedAction(
  file: ts.SourceFile,
  name: string,
  yieldNode: ts.YieldExpression,
): { actionType: ts.Expression; payload: ts.Expression | undefined } | { reason: string; node: ts.Node } {
  const literal = yieldNode.expression && skipOuter(yieldNode.expression);
  if (!literal || !ts.isObjectLiteralExpression(literal))
    return { reason: `${name}: the yielded action is not an object literal`, node: yieldNode };
  let actionType: ts.Expression | undefined;
  let payload: ts.Expression | undefined;
  for (const property of literal.properties) {
    const key = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
    const value = ts.isPropertyAssignment(property)
      ? property.initializer
      : ts.isShorthandPropertyAssignment(property)
        ? property.name
        : undefined;
    if (key === 'type' && value) actionType = value;
    else if (key === 'payload' && value) payload = value;
    else return { reason: `${name}: the action carries ${property.getText(file)} besides type and payload`, node: property };
  }
  if (!actionType) return { reason: `${name}: the yielded action has no type`, node: literal };
  return { actionType, payload };
}

/** A hand-written `as` / `<T>` / `satisfies` around the yield's result. */
function castOfResult(yieldNode: ts.YieldExpression): ts.Node | undefined {
  let outer: ts.Node = yieldNode.parent;
  while (ts.isParenthesizedExpression(outer)) outer = outer.parent;
  return ts.isAsExpression(outer) || ts.isTypeAssertionExpression(outer) || ts.isSatisfiesExpression(outer) ? outer : undefined;
}

/** The payload the factory builds: none for `payload: undefined`, or `{}` from a function without parameters. */
function sentPayload(fn: ts.FunctionDeclaration, payload: ts.Expression | undefined): ts.Expression | undefined {
  if (payload && ts.isIdentifier(payload) && payload.text === 'undefined') return undefined;
  const payloadIsEmpty = payload !== undefined && ts.isObjectLiteralExpression(payload) && payload.properties.length === 0;
  return payloadIsEmpty && fn.parameters.length === 0 ? undefined : payload;
}

/** `plain`: the body is the one yield (returned or not) and nothing is generic; anything else keeps a story. */
function requesterKind(fn: ts.FunctionDeclaration, yieldNode: ts.YieldExpression): { kind: Requester['kind']; returnsNothing: boolean } {
  const body = fn.body!.statements;
  const onlyStatement = body.length === 1 ? body[0] : undefined;
  const simple =
    onlyStatement !== undefined &&
    ((ts.isReturnStatement(onlyStatement) && onlyStatement.expression !== undefined && skipOuter(onlyStatement.expression) === yieldNode) ||
      (ts.isExpressionStatement(onlyStatement) && skipOuter(onlyStatement.expression) === yieldNode));
  const returnsNothing = onlyStatement !== undefined && ts.isExpressionStatement(onlyStatement);
  const generic = (fn.typeParameters?.length ?? 0) > 0;
  return { kind: simple && !generic ? 'plain' : 'story', returnsNothing };
}

/** A story passes its arguments on to the factory, which builds the payload from them: nothing local may go into it. */
function storyPayloadProblem(
  file: ts.SourceFile,
  fn: ts.FunctionDeclaration,
  payload: ts.Expression | undefined,
  checker: ts.TypeChecker,
): { reason: string; node: ts.Node | undefined } | undefined {
  const name = fn.name!.text;
  for (const parameter of fn.parameters) {
    if (!ts.isIdentifier(parameter.name))
      return { reason: `${name}: a destructured parameter cannot be passed on to the factory requester`, node: parameter };
  }
  const locals: string[] = [];
  const check = (node: ts.Node) => {
    if (
      ts.isIdentifier(node) &&
      !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) &&
      !(ts.isPropertyAssignment(node.parent) && node.parent.name === node)
    ) {
      const declaration = declarationOf(checker, node);
      if (
        declaration &&
        !ts.isParameter(declaration) &&
        declaration.getSourceFile() === file &&
        declaration.pos >= fn.body!.pos &&
        declaration.end <= fn.body!.end
      )
        locals.push(node.text);
    }
    ts.forEachChild(node, check);
  };
  if (payload) check(payload);
  if (locals.length > 0)
    return {
      reason: `${name}: the payload is built from local values (${[...new Set(locals)].join(', ')}), not from the parameters`,
      node: payload,
    };
  return undefined;
}

/** The requester's return type with the requester type's parameters filled in, where its names resolve, and the widest honest type of a generic one. */
function returnTypes(
  file: ts.SourceFile,
  fn: ts.FunctionDeclaration,
  shape: RequesterShape,
  kind: Requester['kind'],
  returnsNothing: boolean,
): Pick<Requester, 'returnType' | 'returnTypeNodes' | 'widest'> {
  const typeSource = shape.alias ? shape.alias.getSourceFile() : file;
  let returnType = 'void';
  const returnTypeNodes: Requester['returnTypeNodes'] = [];
  if (shape.returnNode && !returnsNothing) {
    returnType = substitute(shape.returnNode, typeSource, shape.substitutions);
    returnTypeNodes.push({ node: shape.returnNode, file: typeSource });
    if (shape.alias)
      for (const argument of (fn.type as ts.TypeReferenceNode).typeArguments ?? []) returnTypeNodes.push({ node: argument, file });
  } else if (!returnsNothing && kind === 'plain') {
    // `ActionRequester<XAction>`: nothing comes back.
    returnType = 'void';
  }
  let widest = returnType;
  if (fn.typeParameters && fn.typeParameters.length > 0) {
    const widen = new Map<string, string>();
    for (const parameter of fn.typeParameters)
      widen.set(parameter.name.text, parameter.constraint ? parameter.constraint.getText(file) : 'unknown');
    widest = substituteText(returnType, widen);
    if (widest !== returnType) {
      for (const parameter of fn.typeParameters) if (parameter.constraint) returnTypeNodes.push({ node: parameter.constraint, file });
    }
  }
  return { returnType, returnTypeNodes, widest };
}

/** The action type's declaration when the project declares it (it goes with its requester); one the framework declares stays. */
function projectActionDeclaration(
  shape: RequesterShape,
  checker: ts.TypeChecker,
  projectFiles: ReadonlySet<string>,
): ts.Declaration | undefined {
  if (!shape.actionNode || !ts.isTypeReferenceNode(shape.actionNode)) return undefined;
  const declaration = declarationOf(checker, shape.actionNode.typeName);
  if (
    !declaration ||
    !(ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration)) ||
    declaration.getSourceFile().fileName.includes('node_modules')
  )
    return undefined;
  return projectFiles.has(path.resolve(declaration.getSourceFile().fileName)) ? declaration : undefined;
}

/** Replaces whole-word type names in a type's text. */
function substituteText(text: string, substitutions: ReadonlyMap<string, string>): string {
  const sourceFile = ts.createSourceFile('type.ts', `type __T = ${text};`, ts.ScriptTarget.Latest, true);
  const alias = sourceFile.statements[0] as ts.TypeAliasDeclaration;
  return substitute(alias.type, sourceFile, substitutions);
}
