import * as path from 'node:path';
import { ts } from 'ts-morph';

import { applyEdits, type Edit } from '../lib/edits';
import { getProperty, objectValue, parseJson, propertyName, renameKey, replaceString } from '../lib/json';
import { scopedName } from '../lib/packages';
import type { ProjectContext, Transform } from '../transform';

/** Test-runner calls whose first argument is a module name. */
const MODULE_NAME_CALLS = new Set([
  'mock',
  'doMock',
  'unmock',
  'doUnmock',
  'dontMock',
  'setMock',
  'requireActual',
  'requireMock',
  'createMockFromModule',
  'genMockFromModule',
  'importActual',
  'importMock',
]);
const TEST_RUNNER_OBJECTS = new Set(['vi', 'jest', 'vitest']);

const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies', 'peerDependenciesMeta'];

export const scopedPackages: Transform = {
  name: 'scoped-packages',
  description:
    'Renames `quidproquo` / `quidproquo-*` to `@quidproquo/*` in imports, exports, `import()`, `require`, `vi.mock` / `jest.mock`, package.json dependencies (keeping their version ranges) and tsconfig `paths`.',
  frameworkChange: 'planned: the packages move into the `@quidproquo/*` scope, not released yet',
  migration: false,

  mightChange: (text) => text.includes('quidproquo'),

  transformSource({ sourceFile }) {
    const edits: Edit[] = [];
    const rename = (literal: ts.Node | undefined) => {
      if (!literal || !(ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal))) return;
      const renamed = scopedName(literal.text);
      if (renamed === undefined) return;
      // Inside the quotes only: the quote style stays.
      edits.push({ start: literal.getStart(sourceFile) + 1, end: literal.end - 1, newText: renamed });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) rename(node.moduleSpecifier);
      else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
        rename(node.moduleReference.expression);
      else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) rename(node.name);
      else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) rename(node.argument.literal);
      else if (ts.isCallExpression(node) && takesModuleName(node)) rename(node.arguments[0]);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return edits;
  },

  transformProject(context) {
    for (const file of context.jsonFiles) {
      const text = context.read(file);
      if (text === undefined || !text.includes('quidproquo')) continue;
      const document = parseJson(file, text);
      if (document.error || !document.root) {
        context.skip(file, `does not parse as JSON (${document.error})`);
        continue;
      }
      const edits =
        path.basename(file) === 'package.json'
          ? renamePackageJson(context, file, document.sourceFile, document.root)
          : renameTsconfig(context, file, document.sourceFile, document.root);
      if (edits.length > 0) context.write(file, applyEdits(text, edits, context.eolOf(file), file));
    }
  },
};

/** `import('x')`, `require('x')`, `require.resolve('x')`, `vi.mock('x')`, `jest.requireActual('x')`... */
function takesModuleName(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (call.arguments.length === 0) return false;
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return true;
  if (ts.isIdentifier(callee)) return callee.text === 'require';
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
  const object = callee.expression.text;
  const method = callee.name.text;
  if (object === 'require') return method === 'resolve';
  return TEST_RUNNER_OBJECTS.has(object) && MODULE_NAME_CALLS.has(method);
}

function renamePackageJson(context: ProjectContext, file: string, sourceFile: ts.JsonSourceFile, root: ts.ObjectLiteralExpression): Edit[] {
  const edits: Edit[] = [];
  for (const section of DEPENDENCY_SECTIONS) {
    const dependencies = objectValue(getProperty(root, section));
    if (!dependencies) continue;
    for (const property of dependencies.properties) {
      const name = propertyName(property);
      const renamed = name === undefined ? undefined : scopedName(name);
      if (!renamed || !ts.isPropertyAssignment(property)) continue;
      const line = sourceFile.getLineAndCharacterOfPosition(property.getStart(sourceFile)).line + 1;
      const twin = getProperty(dependencies, renamed);
      if (twin) {
        if (twin.initializer.getText(sourceFile) !== property.initializer.getText(sourceFile)) {
          context.note(
            file,
            'skip',
            `${section}: both ${name} and ${renamed} are listed, with different ranges; remove ${name} by hand`,
            line,
          );
        }
        continue;
      }
      edits.push(renameKey(sourceFile, property, renamed));
      const range = ts.isStringLiteral(property.initializer) ? ` ${property.initializer.text}` : '';
      context.note(file, 'change', `${section}: ${name} -> ${renamed}${range}`, line);
    }
  }
  for (const section of ['bundleDependencies', 'bundledDependencies']) {
    const list = getProperty(root, section)?.initializer;
    if (!list || !ts.isArrayLiteralExpression(list)) continue;
    for (const element of list.elements) {
      const renamed = ts.isStringLiteral(element) ? scopedName(element.text) : undefined;
      if (renamed) edits.push(replaceString(sourceFile, element as ts.StringLiteral, renamed));
    }
  }
  return edits;
}

function renameTsconfig(context: ProjectContext, file: string, sourceFile: ts.JsonSourceFile, root: ts.ObjectLiteralExpression): Edit[] {
  const edits: Edit[] = [];
  const line = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
  const renameString = (node: ts.Expression, what: string) => {
    const renamed = ts.isStringLiteral(node) ? scopedName(node.text) : undefined;
    if (!renamed) return;
    edits.push(replaceString(sourceFile, node as ts.StringLiteral, renamed));
    context.note(file, 'change', `${what}: ${(node as ts.StringLiteral).text} -> ${renamed}`, line(node));
  };
  const extendsValue = getProperty(root, 'extends')?.initializer;
  if (extendsValue) {
    if (ts.isArrayLiteralExpression(extendsValue)) extendsValue.elements.forEach((e) => renameString(e, 'extends'));
    else renameString(extendsValue, 'extends');
  }
  const compilerOptions = objectValue(getProperty(root, 'compilerOptions'));
  const paths = objectValue(compilerOptions && getProperty(compilerOptions, 'paths'));
  if (paths) {
    for (const property of paths.properties) {
      const name = propertyName(property);
      const renamed = name === undefined ? undefined : scopedName(name);
      if (!renamed || !ts.isPropertyAssignment(property)) continue;
      const twin = getProperty(paths, renamed);
      if (twin) {
        // Both names mapped (bundle-runtime maps both): nothing to rename; a conflict is reported.
        if (twin.initializer.getText(sourceFile) !== property.initializer.getText(sourceFile)) {
          context.note(
            file,
            'skip',
            `paths: both ${name} and ${renamed} are mapped, to different targets; remove ${name} by hand`,
            line(property),
          );
        }
        continue;
      }
      edits.push(renameKey(sourceFile, property, renamed));
      context.note(file, 'change', `paths: ${name} -> ${renamed}`, line(property));
    }
  }
  const types = compilerOptions && getProperty(compilerOptions, 'types')?.initializer;
  if (types && ts.isArrayLiteralExpression(types)) types.elements.forEach((e) => renameString(e, 'types'));
  return edits;
}
