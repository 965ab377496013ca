import type * as ts from 'typescript';

import type { TypeScriptModule } from '../types';
import { calleeName } from './callee-symbol';
import { getFileIndex } from './file-index';
import { GAP } from './text-gates';

/** Which argument of each config setting is a runtime reference; `object` means the values of an object argument. */
const RUNTIME_ARGUMENTS: Record<string, { index: number; object?: boolean }> = {
  defineRoute: { index: 2 },
  defineRecurringSchedule: { index: 1 },
  defineDeployEvent: { index: 1 },
  defineQueue: { index: 1, object: true },
};

/**
 * Settings whose runtime reference names something other than a story: a processor resolver, an
 * object of functions, a plain function.
 */
const NOT_A_STORY: ReadonlySet<string> = new Set(['defineActionProcessors', 'defineDynamicFunctions', 'defineInlineFunction']);

/** A config setting's name: `defineRoute`, `defineQueue`, a project's own `defineX`. */
const SETTING_NAME = /^define[A-Z]/;
/** A call of a setting as the text writes it: `defineRoute(`, `qpq.defineQueue<…>(`, `defineSeed?.(`. */
const SETTING_CALL_IN_TEXT = new RegExp(String.raw`define[A-Z][\w$\\\u00a0-\uffff]*${GAP}*(?:\(|<|\?\.)`);

/** `'/controllers/todo::listTodos'`: a module path, then `::` and an export name. */
const RUNTIME_STRING = /^[^:]*\/[^:]*::[\w$]+$/;

/** The extensions TypeScript resolves, in its order, then directory index files. */
export const MODULE_SUFFIXES = [
  '.ts',
  '.tsx',
  '.d.ts',
  '.mts',
  '.cts',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
  '/index.ts',
  '/index.tsx',
  '/index.js',
];

export interface RuntimeReference {
  /** The string literal, or the object literal of `{ basePath, relativePath, functionName }`. */
  node: ts.StringLiteralLike | ts.ObjectLiteralExpression;
  setting: string;
  /** Undefined when a part is not static. */
  modulePath?: string;
  exportName?: string;
  /** The string has no `::`. */
  missingSeparator: boolean;
  /** The setting runs the export as a story; `defineActionProcessors` names a processor resolver instead. */
  namesAStory: boolean;
  configRoot: string;
}

/**
 * The runtime references of a config file, with the config root they resolve against: the one
 * model every contract reads. A known setting's runtime argument is a reference whatever it holds
 * (a string without `::` is a mistake to report); in any other `define*` call, a string of a module
 * path, `::` and an export name, or a `{ basePath, relativePath, functionName }` object among its arguments (also inside array and
 * object arguments: queue processors, seeds) is one.
 */
export function runtimeReferencesIn(tsm: TypeScriptModule, sourceFile: ts.SourceFile): readonly RuntimeReference[] {
  // Text gate before the file's index: only a call named like a setting holds references (a bare
  // 'define' would let in every file that mentions `undefined`, a name alone every file that
  // imports or declares one).
  if (!SETTING_CALL_IN_TEXT.test(sourceFile.text)) return [];
  let references = referencesCache.get(sourceFile);
  if (!references) {
    references = readReferences(tsm, sourceFile);
    referencesCache.set(sourceFile, references);
  }
  return references;
}

/**
 * Whether the file may hold a reference that names a module and an export: a string with `::`,
 * or the object form, which spells out `functionName`. The references of a whole program are
 * read from the few files that pass, not from every file with a `define*` call.
 */
export function mayNameModuleExport(sourceFile: ts.SourceFile): boolean {
  const text = sourceFile.text;
  return text.includes('::') || text.includes('functionName');
}

// Asked by several rules on a config file and, for the whole program, by the route bindings.
const referencesCache = new WeakMap<ts.SourceFile, readonly RuntimeReference[]>();

function readReferences(tsm: TypeScriptModule, sourceFile: ts.SourceFile): RuntimeReference[] {
  const fileDir = directoryOf(sourceFile.fileName);
  let configRoot = fileDir;
  const calls: ts.CallExpression[] = [];
  for (const { node } of getFileIndex(tsm, sourceFile).nodes<ts.CallExpression>(tsm.SyntaxKind.CallExpression)) {
    const name = calleeName(tsm, node.expression);
    if (name === 'defineApplicationModule' && node.arguments[3]) configRoot = staticPath(tsm, node.arguments[3], fileDir) ?? fileDir;
    if (name && SETTING_NAME.test(name)) calls.push(node);
  }

  const references: RuntimeReference[] = [];
  for (const call of calls) {
    const setting = calleeName(tsm, call.expression)!;
    const known = RUNTIME_ARGUMENTS[setting];
    call.arguments.forEach((argument, index) => {
      const isRuntimeArgument = known !== undefined && known.index === index;
      for (const value of candidateValues(tsm, argument, isRuntimeArgument && known.object === true)) {
        const looksLikeOne =
          (tsm.isStringLiteralLike(value) && RUNTIME_STRING.test(value.text)) ||
          (tsm.isObjectLiteralExpression(value) && isObjectReference(tsm, value));
        if (!isRuntimeArgument && !looksLikeOne) continue;
        const reference = readReference(tsm, value, setting, configRoot, fileDir);
        if (reference) references.push(reference);
      }
    });
  }
  return references;
}

/** The argument itself, the values of an object argument and the elements of an array argument. */
function candidateValues(tsm: TypeScriptModule, argument: ts.Expression, objectValuesOnly: boolean): ts.Expression[] {
  if (tsm.isObjectLiteralExpression(argument) && (objectValuesOnly || !isObjectReference(tsm, argument))) {
    return argument.properties.flatMap((p) => (tsm.isPropertyAssignment(p) ? [p.initializer] : []));
  }
  if (tsm.isArrayLiteralExpression(argument)) return argument.elements.filter((e) => !tsm.isSpreadElement(e));
  return [argument];
}

/** `{ basePath, relativePath, functionName }`: the object form of a runtime reference. */
function isObjectReference(tsm: TypeScriptModule, literal: ts.ObjectLiteralExpression): boolean {
  const names = literal.properties.map((p) => (p.name && tsm.isIdentifier(p.name) ? p.name.text : ''));
  return names.includes('relativePath') && names.includes('functionName');
}

function readReference(
  tsm: TypeScriptModule,
  value: ts.Expression,
  setting: string,
  configRoot: string,
  fileDir: string,
): RuntimeReference | undefined {
  if (tsm.isStringLiteralLike(value)) {
    const separator = value.text.indexOf('::');
    if (separator < 0) return { node: value, setting, missingSeparator: true, namesAStory: !NOT_A_STORY.has(setting), configRoot };
    return {
      node: value,
      setting,
      modulePath: joinPath(configRoot, value.text.slice(0, separator)),
      exportName: value.text.slice(separator + 2),
      missingSeparator: false,
      namesAStory: !NOT_A_STORY.has(setting),
      configRoot,
    };
  }
  if (tsm.isObjectLiteralExpression(value)) {
    const part = (name: string) => {
      const p = value.properties.find(
        (q): q is ts.PropertyAssignment => tsm.isPropertyAssignment(q) && tsm.isIdentifier(q.name) && q.name.text === name,
      );
      return p?.initializer;
    };
    const basePath = part('basePath');
    const relativePath = part('relativePath');
    const functionName = part('functionName');
    if (!basePath || !relativePath || !functionName) return undefined;
    const base = staticPath(tsm, basePath, fileDir);
    const relative = tsm.isStringLiteralLike(relativePath) ? relativePath.text : undefined;
    const name = tsm.isStringLiteralLike(functionName) ? functionName.text : undefined;
    return {
      node: value,
      setting,
      modulePath: base !== undefined && relative !== undefined ? joinPath(base, relative) : undefined,
      exportName: name,
      missingSeparator: false,
      namesAStory: !NOT_A_STORY.has(setting),
      configRoot,
    };
  }
  return undefined;
}

/** `__dirname`, a string, or `path.join(__dirname, '...')` / `path.resolve(...)`; undefined when not static. */
function staticPath(tsm: TypeScriptModule, expression: ts.Expression, fileDir: string): string | undefined {
  if (tsm.isIdentifier(expression) && expression.text === '__dirname') return fileDir;
  if (tsm.isStringLiteralLike(expression)) return joinPath(fileDir, expression.text);
  if (
    tsm.isCallExpression(expression) &&
    tsm.isPropertyAccessExpression(expression.expression) &&
    /^(join|resolve)$/.test(expression.expression.name.text)
  ) {
    let result: string | undefined;
    for (const argument of expression.arguments) {
      const part =
        result === undefined
          ? staticPath(tsm, argument, fileDir)
          : tsm.isStringLiteralLike(argument)
            ? joinPath(result, argument.text)
            : undefined;
      if (part === undefined) return undefined;
      result = part;
    }
    return result;
  }
  return undefined;
}

/** The file a module path names, trying TypeScript's extensions; `exists` decides. */
export function resolveModuleFile(modulePath: string, exists: (file: string) => boolean): string | undefined {
  if (/\.[mc]?[jt]sx?$/.test(modulePath) && exists(modulePath)) return modulePath;
  for (const suffix of MODULE_SUFFIXES) if (exists(modulePath + suffix)) return modulePath + suffix;
  return undefined;
}

/** The runtime reference whose string contains `position`, if any. */
export function runtimeReferenceAt(tsm: TypeScriptModule, sourceFile: ts.SourceFile, position: number): RuntimeReference | undefined {
  return runtimeReferencesIn(tsm, sourceFile).find(
    (r) => tsm.isStringLiteralLike(r.node) && r.node.getStart(sourceFile) < position && position < r.node.getEnd(),
  );
}

/** Export names a module declares, read from its syntax; undefined when `export *` hides some. */
export function syntacticExports(tsm: TypeScriptModule, file: ts.SourceFile): Map<string, ts.Node> | undefined {
  const declared = new Map<string, ts.Node>();
  for (const statement of file.statements) {
    const exported = tsm.canHaveModifiers(statement) && tsm.getModifiers(statement)?.some((m) => m.kind === tsm.SyntaxKind.ExportKeyword);
    if (tsm.isExportDeclaration(statement)) {
      if (!statement.exportClause) return undefined;
      if (tsm.isNamedExports(statement.exportClause)) for (const e of statement.exportClause.elements) declared.set(e.name.text, e);
      else declared.set(statement.exportClause.name.text, statement.exportClause);
    } else if (exported && (tsm.isFunctionDeclaration(statement) || tsm.isClassDeclaration(statement)) && statement.name) {
      declared.set(statement.name.text, statement);
    } else if (exported && tsm.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (tsm.isIdentifier(d.name)) declared.set(d.name.text, d);
    } else if (tsm.isExportAssignment(statement)) {
      declared.set('default', statement);
    }
  }
  return declared;
}

export function directoryOf(fileName: string): string {
  return fileName.slice(0, fileName.lastIndexOf('/'));
}

/** Joins with `/` and folds `.` and `..`; a leading `/` in `relative` means "from `root`", as qpq reads it. */
export function joinPath(root: string, relative: string): string {
  const parts = root.split('/');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
