import * as path from 'node:path';
import { ts } from 'ts-morph';

import type { ProjectContext } from '../../transform';
import { applyEdits, type Edit, indentationAt, lineStart } from '../edits';
import { attachedCommentsStart, importBlock, quoteOf } from '../imports';
import type { QpqResolver } from '../symbols';
import { skipOuter } from '../symbols';
import { withEol } from '../text-file';
import { declarationOf, findRequesters, frameworkImportFor, isFramework, type Requester, substitute } from './requesters';
import {
  addExportStar,
  type ImportAddition,
  isEmptyModule,
  parse,
  reindent,
  relativeSpecifier,
  resolveRelative,
  statementRange,
  updateImports,
} from './text-ops';

/** What one file gets: edits to its current text, then import changes. */
interface FilePlan {
  edits: Edit[];
  unused: Set<string>;
  moved: Set<string>;
  additions: ImportAddition[];
  exportStars: string[];
  /** Statements removed: a file left with imports only is deleted. */
  removedSomething: boolean;
}

interface Removal {
  requester: Requester;
  role: 'action' | 'requesterType' | 'processorType' | 'errorEnum' | 'requester';
}

/** The parsed project the migration reads: every source file, by resolved path. */
interface ProjectSources {
  all: readonly ts.SourceFile[];
  byPath: ReadonlyMap<string, ts.SourceFile>;
  fileSet: ReadonlySet<string>;
  checker: ts.TypeChecker;
  resolver: QpqResolver;
}

/** The declarations that go with the requesters, and the statements that hold them. */
interface RemovedDeclarations {
  removals: Map<ts.Node, Removal>;
  statements: Set<ts.Node>;
  insideRemoved: (node: ts.Node) => boolean;
  /** What each new module imports for the code it takes over. */
  newFileNeeds: Map<Requester, Map<ts.Declaration, ImportNeed>>;
}

/** New text per file; null: the file is deleted. */
type Results = Map<string, string | null>;

export function migrateToActionFactory(context: ProjectContext): void {
  if (!context.parsedSources || !context.sourceChecker || !context.sourceResolver) return;
  const all = context.parsedSources();
  const byPath = new Map(all.map((f) => [path.resolve(f.fileName), f]));
  const project: ProjectSources = {
    all,
    byPath,
    fileSet: new Set(byPath.keys()),
    checker: context.sourceChecker(),
    resolver: context.sourceResolver,
  };
  const requesters = requestersToRebuild(project, context);
  if (requesters.length === 0) return;

  const removed = declarationsToRemove(requesters, project);
  const plans = new Map<string, FilePlan>();
  const plan = (file: string) => planOf(plans, file);
  planStatementRemovals(removed.statements, plan);
  const newTexts = new Map(requesters.map((r) => [r.newFile, newModule(r, removed.newFileNeeds.get(r)!)]));
  const requesterFiles = requestersByFile(requesters);
  for (const sf of all) {
    rewriteReferences(sf, plan(sf.fileName), {
      removals: removed.removals,
      insideRemoved: removed.insideRemoved,
      checker: project.checker,
      fileSet: project.fileSet,
      requesterFiles,
      context,
    });
  }
  for (const sf of all)
    rewriteResolvers(sf, plan(sf.fileName), requesters, project.checker, project.resolver, (node, message) =>
      context.note(sf.fileName, 'info', message, line(sf, node)),
    );

  const results = applyPlans(plans, project);
  dropReexportsOfDeleted(results, newTexts, project);
  for (const [file, text] of newTexts) results.set(file, text);
  const renamedTests = renameTestsOfDeletedFiles(results, requesterFiles, project, context);
  for (const requester of requesters) {
    const what = requester.kind === 'story' ? `${requester.base} (factory) and the story ${requester.name}` : requester.name;
    context.note(
      requester.newFile,
      'change',
      `${what} built with createActionRequester, from ${path.basename(requester.file.fileName)}:${line(requester.file, requester.fn)}`,
    );
  }
  writeResults(results, newTexts, originsOfNewFiles(requesters, renamedTests), project, context);
}

/** The requesters the factory can rebuild; the others are reported, left alone. */
function requestersToRebuild(project: ProjectSources, context: ProjectContext): Requester[] {
  const files = project.all.filter((f) => /\bfunction\s*\*/.test(f.text) || /Action|ErrorTypeEnum|createErrorEnumForAction/.test(f.text));
  const { requesters, rejected } = findRequesters(files, project.checker, project.resolver, project.fileSet);
  for (const r of rejected) context.note(r.file.fileName, 'skip', r.reason, line(r.file, r.node));
  return requesters;
}

function planOf(plans: Map<string, FilePlan>, file: string): FilePlan {
  const key = path.resolve(file);
  let p = plans.get(key);
  if (!p) plans.set(key, (p = { edits: [], unused: new Set(), moved: new Set(), additions: [], exportStars: [], removedSomething: false }));
  return p;
}

/** The requesters, their actions, requester and processor types and error enums; helper types only they use go too. */
function declarationsToRemove(requesters: readonly Requester[], project: ProjectSources): RemovedDeclarations {
  const removals = new Map<ts.Node, Removal>();
  for (const requester of requesters) {
    removals.set(requester.fn, { requester, role: 'requester' });
    if (requester.action) removals.set(requester.action, { requester, role: 'action' });
    if (requester.requesterAlias && requesters.filter((r) => r.requesterAlias === requester.requesterAlias).length === 1)
      removals.set(requester.requesterAlias, { requester, role: 'requesterType' });
    for (const alias of requester.processorAliases) removals.set(alias, { requester, role: 'processorType' });
    if (requester.errorEnum) removals.set(requester.errorEnum.declaration, { requester, role: 'errorEnum' });
  }
  const statements = new Set<ts.Node>();
  for (const [node] of removals) statements.add(ts.isVariableDeclaration(node) ? node.parent.parent : node);
  const ranges = new Map<string, Array<{ pos: number; end: number }>>();
  const addRange = (statement: ts.Node) => {
    const file = path.resolve(statement.getSourceFile().fileName);
    ranges.set(file, [...(ranges.get(file) ?? []), { pos: statement.pos, end: statement.end }]);
  };
  for (const statement of statements) addRange(statement);
  const insideRemoved = (node: ts.Node) =>
    (ranges.get(path.resolve(node.getSourceFile().fileName)) ?? []).some((r) => node.pos >= r.pos && node.end <= r.end);

  const newFileNeeds = new Map(requesters.map((r) => [r, neededImports(r, project.checker, insideRemoved)]));
  const neededByNewFiles = new Set<ts.Node>([...newFileNeeds.values()].flatMap((m) => [...m.keys()]));
  const referencedElsewhere = referenceIndex(project.all, project.checker, insideRemoved);
  for (const statement of [...statements]) {
    for (const helper of helpersOf(statement, project.checker)) {
      if (statements.has(helper) || neededByNewFiles.has(helper) || referencedElsewhere.has(helper)) continue;
      statements.add(helper);
      addRange(helper);
    }
  }
  return { removals, statements, insideRemoved, newFileNeeds };
}

function planStatementRemovals(statements: ReadonlySet<ts.Node>, plan: (file: string) => FilePlan): void {
  for (const statement of statements) {
    const sf = statement.getSourceFile();
    const p = plan(sf.fileName);
    const range = statementRange(sf, statement);
    p.edits.push({ start: range.start, end: range.end, newText: '' });
    p.removedSomething = true;
    for (const name of identifiersIn(statement)) p.unused.add(name);
  }
}

function requestersByFile(requesters: readonly Requester[]): Map<string, Requester[]> {
  const byFile = new Map<string, Requester[]>();
  for (const r of requesters) byFile.set(path.resolve(r.file.fileName), [...(byFile.get(path.resolve(r.file.fileName)) ?? []), r]);
  return byFile;
}

/** Each planned file's edits, then its import changes; a file left with imports only is deleted. */
function applyPlans(plans: ReadonlyMap<string, FilePlan>, project: ProjectSources): Results {
  const results: Results = new Map();
  for (const [file, p] of plans) {
    const sf = project.byPath.get(file);
    if (!sf) continue;
    if (p.edits.length === 0 && p.additions.length === 0 && p.moved.size === 0 && p.exportStars.length === 0) continue;
    let text = applyEdits(sf.text, p.edits, '\n', file);
    text = updateImports(file, text, { unusedCandidates: p.unused, moved: p.moved, additions: p.additions });
    for (const star of p.exportStars) text = applyEdits(text, addExportStar(parse(file, text), star), '\n', file);
    if (p.removedSomething && isEmptyModule(parse(file, text))) results.set(file, null);
    else results.set(file, tidyBlankLines(sf.text, text));
  }
  return results;
}

/** Barrels re-exporting (`export * from`) a module that is deleted and not replaced lose that line. */
function dropReexportsOfDeleted(results: Results, newTexts: ReadonlyMap<string, string>, project: ProjectSources): void {
  const deleted = new Set([...results].filter(([, t]) => t === null).map(([f]) => f));
  for (const sf of project.all) {
    const file = path.resolve(sf.fileName);
    if (deleted.has(file)) continue;
    const text = results.get(file) ?? sf.text;
    const current = parse(file, text);
    const edits: Edit[] = [];
    for (const statement of current.statements) {
      if (
        !ts.isExportDeclaration(statement) ||
        statement.exportClause ||
        !statement.moduleSpecifier ||
        !ts.isStringLiteral(statement.moduleSpecifier)
      )
        continue;
      const target = resolveRelative(file, statement.moduleSpecifier.text, project.fileSet);
      if (target && deleted.has(target) && !newTexts.has(target)) {
        const range = statementRange(current, statement);
        edits.push({ start: range.start, end: range.end, newText: '' });
      }
    }
    if (edits.length > 0) results.set(file, applyEdits(text, edits, '\n', file));
  }
}

/** A test named after a requester file that is gone takes the new module's name (new path -> old path). */
function renameTestsOfDeletedFiles(
  results: Results,
  requesterFiles: ReadonlyMap<string, Requester[]>,
  project: ProjectSources,
  context: ProjectContext,
): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const [file, list] of requesterFiles) {
    if (results.get(file) !== null) continue;
    const test = file.replace(/(\.[cm]?tsx?)$/, '.test$1');
    if (!project.fileSet.has(test)) continue;
    // A test of several requesters has no one new name: its imports are updated, its name is left to the user.
    if (list.length !== 1) {
      context.note(
        test,
        'info',
        `named after ${path.basename(file)}, which became ${list.map((r) => `${r.name}${path.extname(file)}`).join(', ')}: rename or split it by hand`,
      );
      continue;
    }
    const requester = list[0];
    const target = path.join(path.dirname(test), `${requester.name}.test${path.extname(test)}`);
    if (project.fileSet.has(target)) {
      context.note(test, 'info', `not renamed: ${path.basename(target)} already exists`);
      continue;
    }
    const oldTitle = path.basename(file).replace(/\.[cm]?tsx?$/, '');
    const text = (results.get(test) ?? project.byPath.get(test)!.text).replace(
      new RegExp(`(describe\\(\\s*)(['"\`])${oldTitle}\\2`, 'g'),
      `$1$2${requester.name}$2`,
    );
    results.set(test, null);
    results.set(target, text);
    renamed.set(path.resolve(target), test);
    context.note(target, 'change', `renamed from ${path.basename(test)}`);
  }
  return renamed;
}

/** The file a new file takes its line ends from: a new module its requester's, a renamed test the old test's. */
function originsOfNewFiles(requesters: readonly Requester[], renamedTests: ReadonlyMap<string, string>): Map<string, string> {
  const origins = new Map<string, string>(requesters.map((r) => [path.resolve(r.newFile), r.file.fileName]));
  for (const [target, test] of renamedTests) origins.set(target, test);
  return origins;
}

/** Edits and new modules are built with \n; each file keeps its own line ends. */
function writeResults(
  results: Results,
  newTexts: ReadonlyMap<string, string>,
  origins: ReadonlyMap<string, string>,
  project: ProjectSources,
  context: ProjectContext,
): void {
  const eolOf = (file: string) => context.eolOf(project.fileSet.has(path.resolve(file)) ? file : (origins.get(path.resolve(file)) ?? file));
  for (const [file, text] of results) {
    if (text === null) {
      if (!newTexts.has(file)) context.remove(file);
    } else context.write(file, withEol(text, eolOf(file)));
  }
}

/** Removed statements and imports must not leave runs of blank lines the file did not have. */
function tidyBlankLines(before: string, after: string): string {
  let text = after;
  if (!/\n[ \t]*\r?\n[ \t]*\r?\n/.test(before)) text = text.replace(/(\r?\n)(?:[ \t]*\r?\n){2,}/g, '$1$1');
  if (!/^[ \t]*\r?\n/.test(before)) text = text.replace(/^(?:[ \t]*\r?\n)+/, '');
  if (!/\n[ \t]*\r?\n$/.test(before)) text = text.replace(/(\r?\n)(?:[ \t]*\r?\n)+$/, '$1');
  return text;
}

function line(sf: ts.SourceFile, node: ts.Node): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

function identifiersIn(node: ts.Node): string[] {
  const names: string[] = [];
  const visit = (child: ts.Node) => {
    if (ts.isIdentifier(child)) names.push(child.text);
    ts.forEachChild(child, visit);
  };
  visit(node);
  return names;
}

/** Top-level type declarations of the same file a removed declaration refers to. */
function helpersOf(statement: ts.Node, checker: ts.TypeChecker): ts.Node[] {
  const found: ts.Node[] = [];
  const visit = (child: ts.Node) => {
    if (ts.isTypeReferenceNode(child) || ts.isExpressionWithTypeArguments(child)) {
      const name = ts.isTypeReferenceNode(child) ? child.typeName : child.expression;
      const declaration = declarationOf(checker, name);
      if (
        declaration &&
        declaration.getSourceFile() === statement.getSourceFile() &&
        declaration.parent === statement.getSourceFile() &&
        (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration))
      ) {
        found.push(declaration);
      }
    }
    ts.forEachChild(child, visit);
  };
  visit(statement);
  return found;
}

/** Declarations referenced from code that stays (any file), through imports and re-exports. */
function referenceIndex(files: readonly ts.SourceFile[], checker: ts.TypeChecker, insideRemoved: (node: ts.Node) => boolean): Set<ts.Node> {
  const referenced = new Set<ts.Node>();
  for (const sf of files) {
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node) && /^[A-Z]/.test(node.text)) {
        const declaration = declarationOf(checker, node);
        if (
          declaration &&
          !(declaration.pos <= node.pos && node.end <= declaration.end && declaration.getSourceFile() === sf) &&
          !insideRemoved(node)
        )
          referenced.add(declaration);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return referenced;
}

interface ImportNeed {
  module: string;
  specifier: string;
}

/** What the new module must import for the code it takes over. */
function neededImports(
  requester: Requester,
  checker: ts.TypeChecker,
  insideRemoved: (node: ts.Node) => boolean,
): Map<ts.Declaration, ImportNeed> {
  const needs = new Map<ts.Declaration, ImportNeed>();
  const target = requester.newFile;
  const collect = (root: ts.Node, skip?: ts.Node) => {
    const visit = (node: ts.Node) => {
      if (node === skip) return;
      if (ts.isIdentifier(node) && !isMemberName(node)) {
        const symbol =
          ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node
            ? checker.getShorthandAssignmentValueSymbol(node.parent)
            : checker.getSymbolAtLocation(node);
        const declaration = symbol?.declarations?.[0];
        if (
          declaration &&
          !(declaration.getSourceFile() === requester.file && declaration.pos >= requester.fn.pos && declaration.end <= requester.fn.end)
        ) {
          const need = importFor(declaration, target, insideRemoved);
          if (need) needs.set(declaration, need);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(root);
  };
  collect(requester.actionType);
  if (requester.payload) collect(requester.payload);
  for (const parameter of requester.fn.parameters) collect(parameter);
  for (const { node } of requester.returnTypeNodes) collect(node);
  if (requester.errorEnum) collect(requester.errorEnum.list);
  if (requester.kind === 'story') {
    for (const parameter of requester.fn.typeParameters ?? []) collect(parameter);
    collect(requester.fn.body!, requester.yieldNode);
  }
  return needs;
}

function isMemberName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isQualifiedName(parent) && parent.right === node)
  );
}

function importFor(declaration: ts.Declaration, target: string, insideRemoved: (node: ts.Node) => boolean): ImportNeed | undefined {
  const declFile = declaration.getSourceFile();
  if (ts.isImportSpecifier(declaration)) {
    const module = (declaration.parent.parent.parent.moduleSpecifier as ts.StringLiteral).text;
    const imported = (declaration.propertyName ?? declaration.name).text;
    const specifier = imported === declaration.name.text ? imported : `${imported} as ${declaration.name.text}`;
    return rebased(module, declFile.fileName, target, specifier);
  }
  if (ts.isNamespaceImport(declaration) || ts.isImportClause(declaration)) return undefined;
  if (declaration.parent !== declFile && !(ts.isVariableDeclaration(declaration) && declaration.parent.parent.parent === declFile))
    return undefined;
  // A top-level declaration of a project file: imported from there, unless it moves along.
  if (insideRemoved(declaration)) return undefined;
  const name = (declaration as ts.NamedDeclaration).name;
  if (!name || !ts.isIdentifier(name)) return undefined;
  if (path.resolve(declFile.fileName) === target) return undefined;
  return { module: relativeSpecifier(target, path.resolve(declFile.fileName)), specifier: name.text };
}

function rebased(module: string, fromFile: string, target: string, specifier: string): ImportNeed {
  if (!module.startsWith('.')) return { module, specifier };
  return { module: relativeSpecifier(target, path.resolve(path.dirname(fromFile), module)), specifier };
}

/** The text of `askX.ts`. */
function newModule(requester: Requester, needs: Map<ts.Declaration, ImportNeed>): string {
  const sf = requester.file;
  const text = sf.text;
  const quote = quoteOf(sf);
  const modules = new Map<string, Set<string>>();
  const add = (module: string, name: string) => modules.set(module, (modules.get(module) ?? new Set()).add(name));
  const names = frameworkImportFor(requester.frameworkModule, requester.newFile);
  add(names, 'createActionRequester');
  if (requester.kind === 'story') add(names, 'AskResponse');
  for (const need of needs.values()) add(need.module, need.specifier);
  const imports = importBlock(modules, quote);

  const fnStart = attachedCommentsStart(sf, requester.fn);
  const comments = text.slice(lineStart(text, fnStart), requester.fn.getStart(sf));
  const payloadIndent = requester.payload ? indentationAt(text, requester.payload.getStart(sf)) : '';
  const properties: string[] = [`actionType: ${requester.actionType.getText(sf)}`];
  if (requester.errorEnum && requester.errorEnum.list.elements.length > 0) {
    const listSf = requester.errorEnum.statement.getSourceFile();
    properties.push(
      `errorTypes: ${reindent(requester.errorEnum.list.getText(listSf), indentationAt(listSf.text, requester.errorEnum.list.getStart(listSf)), '  ')}`,
    );
  }
  if (requester.payload) {
    const parameters = text.slice(requester.fn.parameters.pos, requester.fn.parameters.end);
    const payloadText = reindent(requester.payload.getText(sf), payloadIndent, '  ');
    const payload =
      ts.isObjectLiteralExpression(skipOuter(requester.payload)) && !ts.isParenthesizedExpression(requester.payload)
        ? `(${payloadText})`
        : payloadText;
    properties.push(`getPayload: (${parameters}) => ${payload}`);
  }
  const definition = properties.length === 1 ? `{ ${properties[0]} }` : `{\n${properties.map((p) => `  ${p},\n`).join('')}}`;
  const factory = `export const ${requester.base} = createActionRequester<${requester.widest}>()(${definition});\n`;
  if (requester.kind === 'plain') return `${imports}\n\n${comments}${factory}`;

  // The story keeps the logic around the one action, now delegated to the base.
  const fn = requester.fn;
  const args = fn.parameters.map((p) => `${p.dotDotDotToken ? '...' : ''}${(p.name as ts.Identifier).text}`).join(', ');
  const cast = requester.widest !== requester.returnType && requester.returnType !== 'void' ? ` as ${requester.returnType}` : '';
  let outer: ts.Node = requester.yieldNode;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const bare = ts.isReturnStatement(outer.parent) || ts.isVariableDeclaration(outer.parent) || ts.isExpressionStatement(outer.parent);
  const delegated = cast
    ? bare
      ? `(yield* ${requester.base}(${args}))${cast}`
      : `((yield* ${requester.base}(${args}))${cast})`
    : `(yield* ${requester.base}(${args}))`;
  const start = fn.getStart(sf);
  const edits: Edit[] = [
    {
      start: outer.getStart(sf) - start,
      end: outer.end - start,
      newText: ts.isExpressionStatement(outer.parent) && !cast ? `yield* ${requester.base}(${args})` : delegated,
    },
    { start: fn.type!.getStart(sf) - start, end: fn.type!.end - start, newText: `AskResponse<${requester.returnType}>` },
  ];
  const story = applyEdits(text.slice(start, fn.end), edits);
  return `${imports}\n\n${factory}\n${comments}${story}\n`;
}

interface ReferenceContext {
  removals: Map<ts.Node, Removal>;
  insideRemoved: (node: ts.Node) => boolean;
  checker: ts.TypeChecker;
  fileSet: ReadonlySet<string>;
  requesterFiles: Map<string, Requester[]>;
  context: ProjectContext;
}

/** One file whose references to removed declarations are being rewritten. */
interface FileRewrite {
  sf: ts.SourceFile;
  /** Resolved path of `sf`. */
  file: string;
  p: FilePlan;
  ctx: ReferenceContext;
}

/** Imports, re-exports and uses of removed declarations, in one file, point at what replaces them. */
function rewriteReferences(sf: ts.SourceFile, p: FilePlan, ctx: ReferenceContext): void {
  const rewrite: FileRewrite = { sf, file: path.resolve(sf.fileName), p, ctx };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) return rewriteImport(rewrite, node);
    if (ts.isExportDeclaration(node)) return rewriteExport(rewrite, node);
    if (ctx.insideRemoved(node)) return;
    if (ts.isIdentifier(node) && !isMemberName(node) && ctx.removals.size > 0) {
      const declaration = declarationOf(ctx.checker, node);
      const removal = declaration && ctx.removals.get(declaration);
      // A type reference is replaced whole: nothing inside it is visited again.
      if (removal && rewriteUse(rewrite, node, removal) === 'replaced-type') return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

/** One use of a removed declaration: its replacement, an import of it, or a note when nothing can stand in for it. */
function rewriteUse({ sf, file, p, ctx }: FileRewrite, node: ts.Identifier, removal: Removal): 'replaced-type' | 'done' {
  const r = removal.requester;
  const parent = node.parent;
  if (removal.role === 'requester') {
    // Code staying in the requester's own file now imports it.
    if (file === path.resolve(r.file.fileName)) p.additions.push({ module: relativeSpecifier(file, r.newFile), specifier: r.name });
  } else if (removal.role === 'errorEnum') {
    p.edits.push({ start: node.getStart(sf), end: node.end, newText: `${r.base}.errorType` });
    p.unused.add(node.text);
    p.additions.push(baseImport(file, r));
  } else if (ts.isTypeReferenceNode(parent) && parent.typeName === node) {
    p.edits.push({ start: parent.getStart(sf), end: parent.end, newText: replacementType(file, p, removal, parent) });
    p.unused.add(node.text);
    return 'replaced-type';
  } else {
    ctx.context.note(
      sf.fileName,
      'skip',
      `${node.text} used where a type reference cannot stand in for it (${parent.getText(sf).replace(/\s+/g, ' ').slice(0, 60)}); change it by hand`,
      line(sf, node),
    );
  }
  return 'done';
}

function baseImport(file: string, r: Requester): ImportAddition {
  return { module: relativeSpecifier(file, r.newFile), specifier: r.base };
}

/** `XAction` -> `ActionOf<typeof askX>`, a processor type -> `ProcessorFor<typeof askX>`, a requester type -> `AskResponse<R>`; with their imports. */
function replacementType(file: string, p: FilePlan, removal: Removal, reference: ts.TypeReferenceNode): string {
  const r = removal.requester;
  const frameworkNames = frameworkImportFor(r.frameworkModule, file);
  if (removal.role === 'action' || removal.role === 'processorType') {
    const wrapper = removal.role === 'action' ? 'ActionOf' : 'ProcessorFor';
    p.additions.push({ module: frameworkNames, specifier: wrapper }, baseImport(file, r));
    return `${wrapper}<typeof ${r.base}>`;
  }
  const alias = r.requesterAlias!;
  const sf = reference.getSourceFile();
  const substitutions = new Map<string, string>();
  (alias.typeParameters ?? []).forEach((tp, i) =>
    substitutions.set(tp.name.text, reference.typeArguments?.[i]?.getText(sf) ?? tp.default?.getText(alias.getSourceFile()) ?? 'unknown'),
  );
  const returned = (alias.type as ts.TypeReferenceNode).typeArguments?.[1];
  p.additions.push({ module: frameworkNames, specifier: 'AskResponse' });
  return `AskResponse<${returned ? substitute(returned, returned.getSourceFile(), substitutions) : 'void'}>`;
}

/** Named imports of removed declarations go; a requester imported from its old file comes from its new module. */
function rewriteImport({ file, p, ctx }: FileRewrite, declaration: ts.ImportDeclaration): void {
  const bindings = declaration.importClause?.namedBindings;
  if (!bindings || !ts.isNamedImports(bindings) || !ts.isStringLiteral(declaration.moduleSpecifier)) return;
  const source = resolveRelative(file, declaration.moduleSpecifier.text, ctx.fileSet);
  for (const element of bindings.elements) {
    const decl = declarationOf(ctx.checker, element.name);
    const removal = decl && ctx.removals.get(decl);
    if (!removal) continue;
    if (removal.role !== 'requester') {
      p.unused.add(element.name.text);
      continue;
    }
    // Imported straight from the requester's old file: from its new module now (a barrel keeps its own path).
    if (source !== path.resolve(removal.requester.file.fileName)) continue;
    const r = removal.requester;
    p.moved.add(element.name.text);
    const specifier = element.name.text === r.name ? r.name : `${r.name} as ${element.name.text}`;
    p.additions.push({ module: relativeSpecifier(file, r.newFile), specifier });
  }
}

/** Re-exports: `export *` of an old requester file adds its new modules; named re-exports drop removed names and follow moved ones. */
function rewriteExport(rewrite: FileRewrite, declaration: ts.ExportDeclaration): void {
  const { file, p, ctx } = rewrite;
  if (!declaration.moduleSpecifier || !ts.isStringLiteral(declaration.moduleSpecifier)) return;
  const source = resolveRelative(file, declaration.moduleSpecifier.text, ctx.fileSet);
  if (!declaration.exportClause) {
    const moved = source ? ctx.requesterFiles.get(source) : undefined;
    for (const r of moved ?? []) p.exportStars.push(relativeSpecifier(file, r.newFile));
    return;
  }
  if (ts.isNamedExports(declaration.exportClause)) rewriteNamedExport(rewrite, declaration, declaration.exportClause, source);
}

function rewriteNamedExport(
  { sf, file, p, ctx }: FileRewrite,
  declaration: ts.ExportDeclaration,
  clause: ts.NamedExports,
  source: string | undefined,
): void {
  const kept: string[] = [];
  const moved: Array<{ module: string; text: string }> = [];
  let changed = false;
  for (const element of clause.elements) {
    const decl = declarationOf(ctx.checker, element.propertyName ?? element.name);
    const removal = decl && ctx.removals.get(decl);
    if (!removal) {
      kept.push(element.getText(sf));
      continue;
    }
    changed = true;
    if (removal.role === 'requester' && source === path.resolve(removal.requester.file.fileName))
      moved.push({ module: relativeSpecifier(file, removal.requester.newFile), text: element.getText(sf) });
    else if (removal.role === 'requester') kept.push(element.getText(sf));
  }
  if (!changed) return;
  const quote = quoteOf(sf);
  const semi = sf.text[declaration.end - 1] === ';' ? ';' : '';
  const typeOnly = declaration.isTypeOnly ? 'type ' : '';
  const lines = [
    ...(kept.length > 0 ? [`export ${typeOnly}{ ${kept.join(', ')} } from ${declaration.moduleSpecifier!.getText(sf)}${semi}`] : []),
    ...moved.map((m) => `export { ${m.text} } from ${quote}${m.module}${quote}${semi}`),
  ];
  if (lines.length === 0) {
    const range = statementRange(sf, declaration);
    p.edits.push({ start: range.start, end: range.end, newText: '' });
  } else p.edits.push({ start: declaration.getStart(sf), end: declaration.end, newText: lines.join('\n') });
}

/** `async (qpqConfig) => ({ [XActionType.Y]: getProcessX(qpqConfig) })` -> `createActionProcessor(askX, getProcessX)`. */
function rewriteResolvers(
  sf: ts.SourceFile,
  p: FilePlan,
  requesters: readonly Requester[],
  checker: ts.TypeChecker,
  resolver: QpqResolver,
  note: (node: ts.Node, message: string) => void,
): void {
  const file = path.resolve(sf.fileName);
  const visit = (node: ts.Node): void => {
    const map = (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && resolverMap(node);
    if (map) {
      const served = map.properties.flatMap((property) => {
        if (!ts.isPropertyAssignment(property) || !ts.isComputedPropertyName(property.name)) return [];
        const key = property.name.expression;
        return requesters.filter((r) => sameValue(checker, key, r.actionType)).map((requester) => ({ property, requester }));
      });
      if (map.properties.length === 1 && served.length === 1) {
        rewriteOne(node as ts.ArrowFunction | ts.FunctionExpression, served[0].property, served[0].requester);
        return;
      }
      // createActionProcessor serves one action; a map of several still type-checks, so it stays, with a note.
      if (map.properties.length > 1 && served.length > 0) {
        note(
          node,
          `a resolver of several actions (${served.map((s) => s.requester.base).join(', ')}) stays as it is: createActionProcessor serves one action, so split it by hand if you want one per action`,
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  const rewriteOne = (fn: ts.ArrowFunction | ts.FunctionExpression, property: ts.PropertyAssignment, requester: Requester) => {
    let value = property.initializer;
    const awaited = ts.isAwaitExpression(value);
    if (awaited) value = (value as ts.AwaitExpression).expression;
    const parameterNames = fn.parameters.map((param) => (ts.isIdentifier(param.name) ? param.name.text : undefined));
    let processor: string;
    if (
      ts.isCallExpression(value) &&
      ts.isIdentifier(value.expression) &&
      value.arguments.length <= parameterNames.length &&
      value.arguments.every((a, i) => ts.isIdentifier(a) && a.text === parameterNames[i])
    ) {
      processor = value.expression.text;
    } else {
      const parameters = sf.text.slice(fn.parameters.pos, fn.parameters.end);
      processor = `${awaited ? 'async ' : ''}(${parameters}) => ${awaited ? 'await ' : ''}${value.getText(sf)}`;
    }
    p.edits.push({ start: fn.getStart(sf), end: fn.end, newText: `createActionProcessor(${requester.base}, ${processor})` });
    for (const name of identifiersIn(fn)) p.unused.add(name);
    // The annotation on the variable (or the curried function) is the factory's own type now.
    const holder = fn.parent;
    if (
      ts.isVariableDeclaration(holder) &&
      holder.type &&
      isFramework(resolver, (holder.type as ts.TypeReferenceNode).typeName ?? holder.type, 'ActionProcessorListResolver')
    ) {
      p.edits.push({ start: holder.name.end, end: holder.type.end, newText: '' });
      p.unused.add('ActionProcessorListResolver');
    } else if (
      ts.isArrowFunction(holder) &&
      holder.body === fn &&
      holder.type &&
      ts.isTypeReferenceNode(holder.type) &&
      isFramework(resolver, holder.type.typeName, 'ActionProcessorListResolver')
    ) {
      const close = sf.text.lastIndexOf(')', holder.type.pos);
      p.edits.push({ start: close + 1, end: holder.type.end, newText: '' });
      p.unused.add('ActionProcessorListResolver');
    }
    p.additions.push({ module: frameworkImportFor(requester.frameworkModule, file), specifier: 'createActionProcessor' });
    p.additions.push({ module: relativeSpecifier(file, requester.newFile), specifier: requester.base });
  };
  visit(sf);
}

/** The object literal a resolver returns (`async (qpqConfig) => ({ ... })`, or a body of one `return`). */
function resolverMap(fn: ts.ArrowFunction | ts.FunctionExpression): ts.ObjectLiteralExpression | undefined {
  let body: ts.Node | undefined = fn.body;
  if (body && ts.isBlock(body)) {
    const only = body.statements.length === 1 ? body.statements[0] : undefined;
    body = only && ts.isReturnStatement(only) ? only.expression : undefined;
  }
  const object = body && ts.isExpression(body as ts.Expression) ? skipOuter(body as ts.Expression) : undefined;
  return object && ts.isObjectLiteralExpression(object) ? object : undefined;
}

function sameValue(checker: ts.TypeChecker, a: ts.Expression, b: ts.Expression): boolean {
  const symbolOf = (e: ts.Expression) => {
    const node = skipOuter(e);
    const symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node) ? node.name : node);
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  };
  const left = symbolOf(a);
  const right = symbolOf(b);
  if (left && right) return left === right;
  return skipOuter(a).getText() === skipOuter(b).getText();
}
