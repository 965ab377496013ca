import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { declaredExportNames, scannedExportNames } from '../src/engine/scanned-exports';

const REPO_ROOT = path.join(__dirname, '..', '..');

/** What a module exports, read from the full syntax tree: the reference the scanner must agree with. */
function parsedExportNames(text: string): string[] | undefined {
  const file = ts.createSourceFile('module.ts', text, ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  const bound = (name: ts.BindingName): string[] =>
    ts.isIdentifier(name) ? [name.text] : name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bound(e.name)));
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause) return undefined;
      if (ts.isNamespaceExport(statement.exportClause)) names.push(statement.exportClause.name.text);
      else for (const e of statement.exportClause.elements) names.push(e.name.text);
      continue;
    }
    if (ts.isExportAssignment(statement)) {
      names.push('default');
      continue;
    }
    const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
    if (!modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) names.push('default');
    else if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) names.push(...bound(d.name));
    else if (
      'name' in statement &&
      statement.name &&
      (ts.isIdentifier(statement.name as ts.Node) || ts.isStringLiteral(statement.name as ts.Node))
    ) {
      names.push((statement.name as ts.Identifier).text);
    }
  }
  return names;
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(m|c)?tsx?$/.test(e.name) && !e.parentPath.includes('node_modules') && !e.parentPath.includes('/dist'))
    .map((e) => path.join(e.parentPath, e.name));
}

const TRICKY: Record<string, string> = {
  declarations: [
    'export function* askA() {}',
    'export async function askB() {}',
    'export declare const c: number;',
    'export abstract class D {}',
    'export interface E {}',
    'export type F = { a: 1 };',
    'export const enum G { x }',
    'export enum H { y }',
    'export namespace I {}',
  ].join('\n'),
  'variables with types and initializers': [
    'export const a: Map<string, number> = new Map(), b = 2;',
    'export let c = (x: number, y: number) => x + y, d = [1, 2];',
    'export const { e, f: g, ...h } = source, [i, , j] = list;',
    'export var k = `a ${ { l: 1 }.l } b`',
    'export const m = 1',
    'export const n = /a{2}\\}/.test(x) ? { o: 1 } : {}',
  ].join('\n'),
  lists: [
    "export { a, b as c, type d, default as e } from './m';",
    "export type { f } from './n';",
    "export * as g from './o';",
    'export { "string name" as h };',
    'export default function () {}',
  ].join('\n'),
  'nested and commented': [
    'function inner() { const export_ = 1; return { export: 2 }; }',
    '// export const notThis = 1;',
    '/* export const norThis = 2; */',
    "const s = 'export const notAString = 3';",
    'export const real = inner();',
  ].join('\n'),
};

describe('export names read with the scanner', () => {
  for (const [name, text] of Object.entries(TRICKY)) {
    it(name, () => {
      expect(scannedExportNames(ts, text)).toEqual(parsedExportNames(text));
    });
  }

  it('gives no answer where it cannot read for sure', () => {
    expect(scannedExportNames(ts, "export * from './all';")).toBeUndefined();
    expect(scannedExportNames(ts, 'export const a = { b: 1 ;')).toBeUndefined();
    // Type arguments of a call, or two comparisons and a second declarator: only a parse can tell.
    expect(scannedExportNames(ts, 'export const reducer: R<A, B> = build<\n  Events,\n  State\n>(fold);')).toBeUndefined();
  });

  it('agrees with the parser on every module of the repository it reads, or gives no answer', () => {
    const files = [
      'fixtures',
      'runtime/src',
      'contracts/src',
      'codemods/src',
      'eslint-plugin/src',
      'ts-plugin/src',
      'codemods/test/__testfixtures__',
    ].flatMap((dir) => sourceFiles(path.join(REPO_ROOT, dir)));
    expect(files.length).toBeGreaterThan(200);
    let answered = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const scanned = scannedExportNames(ts, text);
      if (scanned === undefined) continue;
      answered++;
      expect({ file, names: scanned }).toEqual({ file, names: parsedExportNames(text) });
    }
    expect(answered).toBeGreaterThan(files.length * 0.9);
  });
});

describe('export names declared at the start of a line', () => {
  it('finds declarations of functions, generators, variables and classes, and nothing a parse does not export', () => {
    // Without its namespace, which would leave the whole text to the scanner.
    expect([...declaredExportNames(TRICKY.declarations.replace('export namespace I {}', ''))]).toEqual(['askA', 'askB', 'D']);
    expect([...declaredExportNames(TRICKY['variables with types and initializers'])]).toEqual(['a', 'c', 'k', 'm', 'n']);
    expect([...declaredExportNames(TRICKY.lists)]).toEqual([]);
    expect([...declaredExportNames(TRICKY['nested and commented'])]).toEqual(['real']);
    expect([...declaredExportNames('export function*askC() {}\nexport function *askD() {}\nexport default function askE() {}')]).toEqual([
      'askC',
      'askD',
    ]);
  });

  it("finds none in a text with a namespace or global block, whose exports are not the module's", () => {
    expect([...declaredExportNames('export namespace Inner {\nexport function* askHidden() {}\n}\nexport const shown = 1;')]).toEqual([]);
    expect([...declaredExportNames('declare global {\nexport const hidden: number;\n}\nexport const shown = 1;')]).toEqual([]);
    expect([...declaredExportNames('export const shown = 1;\nexport const globalThisName = 2;')]).toEqual(['shown', 'globalThisName']);
  });

  it('names only exports a parse finds, on every module of the repository, and most of those it finds', () => {
    const files = ['fixtures', 'runtime/src', 'contracts/src', 'codemods/src', 'codemods/test/__testfixtures__'].flatMap((dir) =>
      sourceFiles(path.join(REPO_ROOT, dir)),
    );
    let declared = 0;
    let parsed = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const names = parsedExportNames(text);
      if (names === undefined) continue;
      const quick = [...declaredExportNames(text)];
      expect({ file, extra: quick.filter((name) => !names.includes(name)) }).toEqual({ file, extra: [] });
      declared += quick.length;
      parsed += names.length;
    }
    expect(declared).toBeGreaterThan(parsed * 0.5);
  });
});
