import type * as ts from 'typescript';

import { propertyNameOf, skipTransparentWrappers } from '../../engine/syntax';
import type { TextEdit } from '../../types';
import type { SiteCollector } from '../collector';
import { appendElement, argumentBounds, removeElement } from '../list-edits';
import type { CallCondition, CallShapeEntry, ExportRef } from '../tables';

type Tsm = typeof ts;

/** Calls in the file whose callee is the export `ref`, however it is imported or read. */
export function callsTo(collector: SiteCollector, ref: ExportRef): ts.CallExpression[] {
  const { tsm, sourceFile: sf, resolver } = collector;
  const last = ref.name.split('.').pop()!;
  if (!sf.text.includes(last) && ![...resolver.imports.bindings.values()].some((b) => b.imported === ref.name.split('.')[0])) return [];
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (tsm.isCallExpression(node) && resolver.matches(skipTransparentWrappers(tsm, node.expression), ref)) calls.push(node);
    tsm.forEachChild(node, visit);
  };
  visit(sf);
  return calls;
}

/** Does a call meet an entry's condition? `undefined` when it cannot be told (spread arguments). */
export function meetsCondition(tsm: Tsm, call: ts.CallExpression, condition: CallCondition | undefined): boolean | undefined {
  if (call.arguments.some((a) => tsm.isSpreadElement(a)))
    return condition?.args === undefined && condition?.literal === undefined ? true : undefined;
  if (!condition) return true;
  const count = call.arguments.length;
  if (typeof condition.args === 'number' && count !== condition.args) return false;
  if (Array.isArray(condition.args) && (count < condition.args[0] || count > condition.args[1])) return false;
  if (condition.literal) {
    const argument = call.arguments[condition.literal.index];
    if (!argument) return false;
    const node = skipTransparentWrappers(tsm, argument);
    const value = condition.literal.value;
    if (value === null) return node.kind === tsm.SyntaxKind.NullKeyword;
    if (value === 'undefined') return tsm.isIdentifier(node) && node.text === 'undefined';
    return tsm.isStringLiteralLike(node) && node.text === value;
  }
  return true;
}

/** `call-shape`: the arguments, the callee, the options object or comparisons of the result change. */
export function callShapeSites(collector: SiteCollector, entry: CallShapeEntry): void {
  const { tsm, sourceFile: sf } = collector;
  for (const call of callsTo(collector, entry.function)) {
    const met = meetsCondition(tsm, call, entry.when);
    const where = { start: call.getStart(sf), end: call.end };
    if (met === false) continue;
    if (met === undefined) {
      collector.report({
        entry,
        ...where,
        message: entry.title,
        manual: 'its arguments are spread, so their positions cannot be told: change the call by hand',
      });
      continue;
    }
    const edits: TextEdit[] = [];
    let manual: string | undefined;

    if (entry.callee) {
      const replacement = calleeReplacement(collector, call, entry.function, entry.callee);
      if (replacement) edits.push(replacement);
      else manual = `\`${entry.callee.name}\` is already a name in this file: import it under another name`;
    }
    if (entry.args !== undefined && !manual) {
      const rendered = renderArguments(collector, call, entry.args);
      if (typeof rendered === 'string') {
        const { open, close } = argumentBounds(tsm, sf, call);
        edits.push({ start: open + 1, end: close, newText: rendered });
      } else manual = rendered.manual;
    }
    if (entry.options && !manual) {
      const result = optionEdits(collector, call, entry.options);
      if (result.manual) manual = result.manual;
      else edits.push(...result.edits);
      if (!result.manual && result.edits.length === 0 && !entry.callee && entry.args === undefined) continue;
    }
    if (entry.resultUndefinedBecomes !== undefined && !manual) {
      const comparisons = undefinedComparisons(tsm, sf, call);
      if (comparisons.length === 0 && !entry.callee && entry.args === undefined && !entry.options) continue;
      for (const node of comparisons) edits.push({ start: node.getStart(sf), end: node.end, newText: entry.resultUndefinedBecomes });
    }
    if (!manual && edits.length === 0) continue;
    for (const ref of entry.imports ?? [])
      if (!manual && collector.plan().use(ref) === undefined) manual = `\`${ref.name}\` is already a name in this file`;
    if (manual) {
      collector.abandon();
      collector.report({ entry, ...where, message: entry.title, manual: entry.instruction ? `${manual}; ${entry.instruction}` : manual });
    } else {
      collector.report({ entry, ...where, message: entry.title, edits, manual: undefined });
    }
  }
}

/** The callee written for `to`: the same namespace or object when `to` lives there, else an import. */
export function calleeReplacement(collector: SiteCollector, call: ts.CallExpression, from: ExportRef, to: ExportRef): TextEdit | undefined {
  const { tsm, sourceFile: sf, resolver } = collector;
  const callee = skipTransparentWrappers(tsm, call.expression);
  const resolved = resolver.resolve(callee);
  if (
    tsm.isPropertyAccessExpression(callee) &&
    resolved &&
    resolved.binding?.imported === undefined &&
    resolved.package === to.package &&
    !to.name.includes('.')
  ) {
    return { start: callee.name.getStart(sf), end: callee.name.end, newText: to.name };
  }
  const local = collector.plan().use(to);
  if (local === undefined) return undefined;
  if (tsm.isIdentifier(callee) && resolved?.binding) collector.rewrote(resolved.binding, callee);
  void from;
  return { start: callee.getStart(sf), end: callee.end, newText: local };
}

/**
 * The new argument list from a template: `$0` an old argument, `$2?` one that may be absent (its
 * element goes with it), `$0:key` an argument as an object key, `$this` the enclosing class
 * instance, `$binding` the name the result is stored under, as a string.
 */
export function renderArguments(collector: SiteCollector, call: ts.CallExpression, template: string): string | { manual: string } {
  const { tsm, sourceFile: sf } = collector;
  const args = call.arguments.map((a) => a.getText(sf));
  let text = template;
  // Optional arguments that are absent take their list element along.
  text = text.replace(
    /(,\s*)?([^,{}()[\]]*?)\$(\d+)\?(\s*,)?/g,
    (whole, before: string | undefined, _head: string, index: string, after: string | undefined) => {
      if (args[Number(index)] !== undefined) return whole.replace(`$${index}?`, `$${index}`);
      if (before) return after ? ',' : '';
      return '';
    },
  );
  if (/\$this\b/.test(text)) {
    if (!insideInstanceMember(tsm, call))
      return {
        manual: 'the call is not inside a method of a class, so there is no construct scope to pass as `this`: pass the scope by hand',
      };
    text = text.replace(/\$this\b/g, 'this');
  }
  if (/\$binding\b/.test(text)) {
    const name = storedUnder(tsm, call);
    if (!name)
      return { manual: 'the result is not stored under a name to take `uniqueName` from: give the definition a unique name by hand' };
    const quote = /(['"])/.exec(sf.text.slice(call.getStart(sf)))?.[1] === '"' ? '"' : "'";
    text = text.replace(/\$binding\b/g, `${quote}${name}${quote}`);
  }
  let missing: number | undefined;
  text = text.replace(/\$(\d+)(:key)?/g, (_, index: string, key: string | undefined) => {
    const argument = call.arguments[Number(index)];
    if (!argument) {
      missing = Number(index);
      return '';
    }
    if (!key) return argument.getText(sf);
    const node = skipTransparentWrappers(tsm, argument);
    if (tsm.isStringLiteralLike(node) && /^[A-Za-z_$][\w$]*$/.test(node.text)) return node.text;
    if (tsm.isStringLiteralLike(node) || tsm.isNumericLiteral(node)) return argument.getText(sf);
    return `[${argument.getText(sf)}]`;
  });
  if (missing !== undefined) return { manual: `argument ${missing + 1} is missing` };
  // `{ production: production }` -> `{ production }`
  return text.replace(/([{,]\s*)([A-Za-z_$][\w$]*): \2(?=\s*[,}])/g, '$1$2').trim();
}

function insideInstanceMember(tsm: Tsm, node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (tsm.isArrowFunction(current)) continue;
    if (
      tsm.isConstructorDeclaration(current) ||
      (tsm.isMethodDeclaration(current) && !current.modifiers?.some((m) => m.kind === tsm.SyntaxKind.StaticKeyword))
    ) {
      return tsm.isClassLike(current.parent);
    }
    if (tsm.isPropertyDeclaration(current) && !current.modifiers?.some((m) => m.kind === tsm.SyntaxKind.StaticKeyword))
      return tsm.isClassLike(current.parent);
    if (tsm.isFunctionLike(current) || tsm.isSourceFile(current)) return false;
  }
  return false;
}

function storedUnder(tsm: Tsm, call: ts.CallExpression): string | undefined {
  let node: ts.Node = call;
  while (tsm.isParenthesizedExpression(node.parent) || tsm.isAsExpression(node.parent) || tsm.isSatisfiesExpression(node.parent))
    node = node.parent;
  const parent = node.parent;
  if (tsm.isVariableDeclaration(parent) && tsm.isIdentifier(parent.name)) return parent.name.text;
  if (tsm.isPropertyAssignment(parent) && (tsm.isIdentifier(parent.name) || tsm.isStringLiteral(parent.name))) return parent.name.text;
  return undefined;
}

/** Changes inside the options object of a call. */
export function optionEdits(
  collector: SiteCollector,
  call: ts.CallExpression,
  options: NonNullable<CallShapeEntry['options']>,
): { edits: TextEdit[]; manual?: string } {
  const { tsm, sourceFile: sf } = collector;
  const argument = call.arguments[options.index];
  const edits: TextEdit[] = [];
  const additions = Object.entries(options.addIfMissing ?? {});
  if (
    argument === undefined ||
    (tsm.isIdentifier(skipTransparentWrappers(tsm, argument)) &&
      (skipTransparentWrappers(tsm, argument) as ts.Identifier).text === 'undefined')
  ) {
    if (additions.length === 0) return { edits };
    const object = `{ ${additions.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
    if (argument) return { edits: [{ start: argument.getStart(sf), end: argument.end, newText: object }] };
    const { open, close } = argumentBounds(tsm, sf, call);
    const fill = Array.from({ length: options.index - call.arguments.length }, () => 'undefined');
    return { edits: [appendElement(tsm, sf, call.arguments, open, close, [...fill, object].join(', '))] };
  }
  const node = skipTransparentWrappers(tsm, argument);
  if (!tsm.isObjectLiteralExpression(node)) {
    // Options built elsewhere: the old default goes first, so a value they carry still wins.
    // A key to remove or rename cannot be seen here; the compiler reports it where the object is written.
    if (additions.length > 0)
      return {
        edits: [
          {
            start: argument.getStart(sf),
            end: argument.end,
            newText: `{ ${additions.map(([k, v]) => `${k}: ${v}`).join(', ')}, ...${argument.getText(sf)} }`,
          },
        ],
      };
    return { edits };
  }
  const properties = node.properties;
  const hasSpread = properties.some((p) => tsm.isSpreadAssignment(p));
  const open = node.getStart(sf);
  // Every option goes and nothing comes: a trailing options argument goes with them.
  const removedAll = properties.length > 0 && properties.every((p) => options.remove?.includes(propertyNameOf(tsm, p) ?? '\u0000'));
  if (
    removedAll &&
    additions.length === 0 &&
    options.index === call.arguments.length - 1 &&
    options.index > 0 &&
    !/\/[/*]/.test(argument.getText(sf))
  ) {
    return { edits: [{ start: call.arguments[options.index - 1].end, end: argument.end, newText: '' }] };
  }
  properties.forEach((property, index) => {
    const name = propertyNameOf(tsm, property);
    if (name === undefined) return;
    if (options.remove?.includes(name)) edits.push(removeElement(tsm, sf, properties, index, open));
    const renamed = options.rename?.[name];
    if (renamed) {
      if (tsm.isShorthandPropertyAssignment(property))
        edits.push({ start: property.name.getStart(sf), end: property.name.end, newText: `${renamed}: ${name}` });
      else if (property.name) edits.push({ start: property.name.getStart(sf), end: property.name.end, newText: renamed });
    }
  });
  const missing = additions.filter(([key]) => !properties.some((p) => propertyNameOf(tsm, p) === key));
  if (missing.length > 0 && hasSpread) {
    // A spread may carry the key: the old default goes before it, so its value still wins.
    const first = properties[0];
    edits.push({ start: first.getStart(sf), end: first.getStart(sf), newText: `${missing.map(([k, v]) => `${k}: ${v}`).join(', ')}, ` });
  } else if (missing.length > 0) {
    edits.push(appendElement(tsm, sf, properties, open, node.end - 1, missing.map(([k, v]) => `${k}: ${v}`).join(', ')));
  }
  return { edits };
}

/** `undefined` compared strictly with the call's result, directly or through a `const` that holds it. */
function undefinedComparisons(tsm: Tsm, sf: ts.SourceFile, call: ts.CallExpression): ts.Node[] {
  const found: ts.Node[] = [];
  const strict = (kind: ts.SyntaxKind) =>
    kind === tsm.SyntaxKind.EqualsEqualsEqualsToken || kind === tsm.SyntaxKind.ExclamationEqualsEqualsToken;
  const isUndefined = (node: ts.Expression) => tsm.isIdentifier(node) && node.text === 'undefined';
  let outer: ts.Node = call;
  while (tsm.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  if (tsm.isBinaryExpression(parent) && strict(parent.operatorToken.kind)) {
    const other = parent.left === outer ? parent.right : parent.left;
    if (isUndefined(skipTransparentWrappers(tsm, other))) found.push(skipTransparentWrappers(tsm, other));
  }
  if (
    tsm.isVariableDeclaration(parent) &&
    tsm.isIdentifier(parent.name) &&
    tsm.isVariableDeclarationList(parent.parent) &&
    parent.parent.flags & tsm.NodeFlags.Const
  ) {
    const name = parent.name.text;
    let scope: ts.Node = parent.parent.parent.parent;
    if (!scope) scope = sf;
    const visit = (node: ts.Node): void => {
      if (tsm.isBinaryExpression(node) && strict(node.operatorToken.kind)) {
        const left = skipTransparentWrappers(tsm, node.left);
        const right = skipTransparentWrappers(tsm, node.right);
        if (tsm.isIdentifier(left) && left.text === name && isUndefined(right)) found.push(right);
        else if (tsm.isIdentifier(right) && right.text === name && isUndefined(left)) found.push(left);
      }
      tsm.forEachChild(node, visit);
    };
    visit(scope);
  }
  return found;
}
