import { ts } from 'ts-morph';

import { skipOuter } from './symbols';

/** Is this expression a string? Syntax first, then the checker when the syntax cannot tell. */
export function isStringLike(expression: ts.Expression, checker?: () => ts.TypeChecker, depth = 0): boolean | undefined {
  const node = skipOuter(expression);
  if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) return true;
  if (
    ts.isObjectLiteralExpression(node) ||
    ts.isArrayLiteralExpression(node) ||
    ts.isNumericLiteral(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node)
  )
    return false;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return isStringLike(node.left, checker, depth + 1) === true || isStringLike(node.right, checker, depth + 1) === true ? true : undefined;
  }
  if (ts.isCallExpression(node)) {
    // path.join(...), path.resolve(...), join(...), resolve(...), `${...}`.concat(...)
    const callee = node.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    if (/^(join|resolve|relative|normalize|dirname|basename|posix|format|toString|concat)$/.test(name)) return true;
  }
  if (ts.isIdentifier(node) && (node.text === '__dirname' || node.text === '__filename')) return true;
  if (checker && depth < 4) {
    const type = checker().getTypeAtLocation(node);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return undefined;
    if (type.flags & ts.TypeFlags.StringLike) return true;
    if (type.isUnion() && type.types.every((t) => t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.Undefined))) return true;
    if (type.flags & ts.TypeFlags.Object) return false;
  }
  return undefined;
}

const AWS_REGION = /^(?:[a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d)$/;

/** Does this argument look like an AWS region (`'ap-southeast-2'`, `deployRegion`, `process.env.AWS_REGION`)? */
export function looksLikeRegion(expression: ts.Expression): boolean {
  const node = skipOuter(expression);
  if (ts.isStringLiteralLike(node)) return AWS_REGION.test(node.text);
  const name = lastName(node);
  return name !== undefined && /region/i.test(name);
}

/** Does this argument look like a build path (`'../dist'`, `path.join(__dirname, 'build')`, `buildPath`)? */
export function looksLikePath(expression: ts.Expression, sourceFile: ts.SourceFile): boolean {
  const node = skipOuter(expression);
  const text = node.getText(sourceFile);
  if (/TODO\(qpq-codemod\)/.test(sourceFile.text.slice(expression.pos, expression.end))) return true;
  if (ts.isStringLiteralLike(node)) return /[/\\.]/.test(node.text) || node.text === '';
  if (/__dirname|process\.cwd\(\)/.test(text)) return true;
  if (ts.isCallExpression(node)) return /(^|\.)(join|resolve|relative|normalize)$/.test(node.expression.getText(sourceFile));
  const name = lastName(node);
  return name !== undefined && /path|dir|build|root|dist|out/i.test(name) && !/region/i.test(name);
}

/** `a.b.c` -> 'c', `x` -> 'x', `process.env['X']` -> 'X'. */
function lastName(node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return undefined;
}

export function isUndefinedLiteral(expression: ts.Expression): boolean {
  const node = skipOuter(expression);
  return (ts.isIdentifier(node) && node.text === 'undefined') || (ts.isVoidExpression(node) && ts.isNumericLiteral(node.expression));
}

/** Calls anywhere in a file whose callee is spelled with one of `names` (the resolver decides what they are). */
export function callsNamed(sourceFile: ts.SourceFile, names: ReadonlySet<string>): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)
            ? callee.argumentExpression.text
            : undefined;
      if (name !== undefined && names.has(name)) calls.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return calls;
}

/** A short label for reports: `defineQueue('orders')`. */
export function callLabel(call: ts.CallExpression, name: string, sourceFile: ts.SourceFile): string {
  const first = call.arguments[0];
  const shown =
    first && ts.isStringLiteralLike(first)
      ? first.getText(sourceFile)
      : first && first.getText(sourceFile).length <= 30
        ? first.getText(sourceFile)
        : first
          ? '…'
          : '';
  return `${name}(${shown}${call.arguments.length > 1 ? ', …' : ''})`;
}

/**
 * The local names under which `targets` may be called in a file: the names themselves, aliases
 * from `import { x as y }` and `const { x: y } = require()`, and `const y = x` copies.
 */
export function localNamesFor(sourceFile: ts.SourceFile, targets: ReadonlySet<string>): Set<string> {
  const names = new Set(targets);
  const visit = (node: ts.Node): void => {
    if (ts.isImportSpecifier(node) && targets.has((node.propertyName ?? node.name).text)) names.add(node.name.text);
    else if (
      ts.isBindingElement(node) &&
      node.propertyName &&
      ts.isIdentifier(node.propertyName) &&
      targets.has(node.propertyName.text) &&
      ts.isIdentifier(node.name)
    ) {
      names.add(node.name.text);
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const init = skipOuter(node.initializer);
      const copied = ts.isIdentifier(init) ? init.text : ts.isPropertyAccessExpression(init) ? init.name.text : undefined;
      if (copied !== undefined && names.has(copied)) names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return names;
}

/** Names a module re-exports a target under (`export { defineQueue as makeQueue } from 'quidproquo-core'`). */
export function reexportAliases(sourceFile: ts.SourceFile, targets: ReadonlySet<string>): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) {
      const original = (element.propertyName ?? element.name).text;
      if (element.propertyName && targets.has(original)) aliases.set(element.name.text, original);
    }
  }
  return aliases;
}
