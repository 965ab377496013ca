import { ts } from 'ts-morph';

/** What an annotated declaration is: an exported story (and the name it is exported under), or why not. */
export type HostVerdict = { story: true; exportName: string } | { story: false; message: string };

const GENERATOR_TYPES = new Set(['Generator', 'AskResponse']);

/** The declaration a JSDoc comment starting at `pos` is attached to, if any. */
export function jsDocHosts(sourceFile: ts.SourceFile): Map<number, ts.Node> {
  const hosts = new Map<number, ts.Node>();
  const visit = (node: ts.Node) => {
    // `jsDoc` is where the parser keeps a node's doc comments; it is not in the public typings.
    for (const doc of (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) if (!hosts.has(doc.pos)) hosts.set(doc.pos, node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return hosts;
}

/**
 * An exported story, syntactically: an exported `function*`, or an exported variable initialised
 * with a `function*` expression. Anything else exported is a story when its type's call signatures
 * return a Generator (`AskResponse`): an arrow returning a story call, a wrapped story.
 */
export function judgeHost(host: ts.Node | undefined, sourceFile: ts.SourceFile, checker: () => ts.TypeChecker): HostVerdict {
  if (!host) return { story: false, message: 'a @qpq annotation belongs on an exported story, and this comment is on no declaration' };
  let name: ts.Identifier | undefined;
  let exported: boolean;
  let isDefault = false;
  let generator: boolean;
  let isAsync = false;
  if (ts.isFunctionDeclaration(host)) {
    name = host.name;
    exported = hasModifier(host, ts.SyntaxKind.ExportKeyword);
    isDefault = hasModifier(host, ts.SyntaxKind.DefaultKeyword);
    generator = host.asteriskToken !== undefined;
    isAsync = hasModifier(host, ts.SyntaxKind.AsyncKeyword);
  } else if (ts.isVariableStatement(host)) {
    const declarations = host.declarationList.declarations;
    if (declarations.length !== 1)
      return {
        story: false,
        message: `a @qpq annotation belongs on one story, and this statement declares ${declarations.length} variables`,
      };
    const declaration = declarations[0];
    if (!ts.isIdentifier(declaration.name))
      return { story: false, message: 'a @qpq annotation belongs on an exported story, not on a destructuring declaration' };
    name = declaration.name;
    exported = hasModifier(host, ts.SyntaxKind.ExportKeyword);
    const initializer = declaration.initializer && unwrap(declaration.initializer);
    generator = initializer !== undefined && ts.isFunctionExpression(initializer) && initializer.asteriskToken !== undefined;
    isAsync =
      initializer !== undefined &&
      (ts.isFunctionExpression(initializer) || ts.isArrowFunction(initializer)) &&
      hasModifier(initializer, ts.SyntaxKind.AsyncKeyword);
  } else {
    return { story: false, message: `a @qpq annotation belongs on an exported story, not on ${describeNode(host)}` };
  }
  if (!name)
    return { story: false, message: 'a @qpq annotation belongs on a named story: a default export cannot be named by a runtime reference' };
  if (isDefault)
    return { story: false, message: `\`${name.text}\` is a default export: a runtime reference names an export, so export it by name` };

  const local = localExportNames(sourceFile).get(name.text) ?? [];
  const exportName = exported ? name.text : local.find((n) => n !== 'default');
  if (exportName === undefined) {
    const hint = local.includes('default') ? 'it is exported only as default; export it by name' : 'export it';
    return { story: false, message: `\`${name.text}\` is not exported: a runtime reference names a module export (${hint})` };
  }
  // The runtime drives a story with next() and never awaits it: an async generator would hand it promises.
  if (isAsync)
    return {
      story: false,
      message: `\`${name.text}\` is async: a story is a plain \`function*\` that the runtime drives step by step (its actions do the waiting)`,
    };
  if (!generator && !returnsGenerator(name, checker)) {
    return {
      story: false,
      message: `\`${name.text}\` is not a story: a @qpq annotation belongs on a generator function (or a const holding one) that the runtime can drive`,
    };
  }
  return { story: true, exportName };
}

function returnsGenerator(name: ts.Identifier, checker: () => ts.TypeChecker): boolean {
  const c = checker();
  const signatures = c.getTypeAtLocation(name).getCallSignatures();
  return signatures.length > 0 && signatures.every((s) => isGeneratorType(c.getReturnTypeOfSignature(s)));
}

function isGeneratorType(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.every(isGeneratorType);
  // By name: without the default library (as the codemod's project is set up) the Generator type itself does not resolve.
  return GENERATOR_TYPES.has(type.aliasSymbol?.name ?? '') || GENERATOR_TYPES.has(type.getSymbol()?.name ?? '');
}

/** Local name -> the names `export { a as b }` statements (without `from`) export it under, in order. */
function localExportNames(sourceFile: ts.SourceFile): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const add = (local: string, exported: string) => names.set(local, [...(names.get(local) ?? []), exported]);
  for (const statement of sourceFile.statements) {
    if (
      ts.isExportDeclaration(statement) &&
      !statement.moduleSpecifier &&
      !statement.isTypeOnly &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements) {
        if (element.isTypeOnly) continue;
        add((element.propertyName ?? element.name).text, element.name.text);
      }
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals && ts.isIdentifier(statement.expression)) {
      add(statement.expression.text, 'default');
    }
  }
  return names;
}

function unwrap(expression: ts.Expression): ts.Expression {
  let node = expression;
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node))
    node = node.expression;
  return node;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

const NODE_NAMES: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.ClassDeclaration]: 'a class',
  [ts.SyntaxKind.InterfaceDeclaration]: 'an interface',
  [ts.SyntaxKind.TypeAliasDeclaration]: 'a type',
  [ts.SyntaxKind.EnumDeclaration]: 'an enum',
  [ts.SyntaxKind.ModuleDeclaration]: 'a namespace',
  [ts.SyntaxKind.ExportDeclaration]: 'a re-export (annotate the story where it is defined)',
  [ts.SyntaxKind.ExportAssignment]: 'a default export (export the story by name)',
  [ts.SyntaxKind.ImportDeclaration]: 'an import',
  [ts.SyntaxKind.MethodDeclaration]: 'a method (a runtime reference names a module export)',
  [ts.SyntaxKind.PropertyAssignment]: 'an object property (a runtime reference names a module export)',
  [ts.SyntaxKind.PropertyDeclaration]: 'a class property',
  [ts.SyntaxKind.ExpressionStatement]: 'an expression statement',
};

function describeNode(node: ts.Node): string {
  return NODE_NAMES[node.kind] ?? 'this kind of statement';
}
