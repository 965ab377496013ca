import { ts } from 'ts-morph';

import { type Edit, guessIndentUnit, indentationAt, insertListElement, isMultiline, objectList } from './edits';
import { firstParseError } from './parse-errors';

/** A JSON (or JSONC: tsconfig) file parsed with positions, for edits that keep its layout and comments. */
export interface JsonDocument {
  sourceFile: ts.JsonSourceFile;
  root: ts.ObjectLiteralExpression | undefined;
  error: string | undefined;
}

export function parseJson(fileName: string, text: string): JsonDocument {
  const sourceFile = ts.parseJsonText(fileName, text);
  const statement = sourceFile.statements[0];
  const root = statement && ts.isObjectLiteralExpression(statement.expression) ? statement.expression : undefined;
  const problem = firstParseError(sourceFile);
  const error = problem ? `${problem.line}:${problem.column} ${problem.message}` : root ? undefined : 'not a JSON object';
  return { sourceFile, root, error };
}

export function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  if (!ts.isPropertyAssignment(property)) return undefined;
  const name = property.name;
  return ts.isStringLiteral(name) || ts.isIdentifier(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

export function getProperty(object: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | undefined {
  return object.properties.find((p): p is ts.PropertyAssignment => propertyName(p) === name);
}

export function objectValue(property: ts.PropertyAssignment | undefined): ts.ObjectLiteralExpression | undefined {
  return property && ts.isObjectLiteralExpression(property.initializer) ? property.initializer : undefined;
}

/** Replaces a property's key, keeping its quotes. */
export function renameKey(sourceFile: ts.SourceFile, property: ts.PropertyAssignment, newName: string): Edit {
  const start = property.name.getStart(sourceFile);
  const quote = sourceFile.text[start] === "'" ? "'" : '"';
  return { start, end: property.name.end, newText: `${quote}${newName}${quote}` };
}

/** Replaces a string value, keeping its quotes. */
export function replaceString(sourceFile: ts.SourceFile, literal: ts.StringLiteral, value: string): Edit {
  const start = literal.getStart(sourceFile);
  const quote = sourceFile.text[start] === "'" ? "'" : '"';
  return { start, end: literal.end, newText: `${quote}${value}${quote}` };
}

/**
 * Adds `"name": value` entries at the end of an object, in one edit. Objects are printed over
 * several lines, one step deeper than the line that holds their property.
 */
export function addProperties(
  sourceFile: ts.JsonSourceFile,
  object: ts.ObjectLiteralExpression,
  entries: ReadonlyArray<readonly [string, unknown]>,
): Edit[] {
  if (entries.length === 0) return [];
  const text = sourceFile.text;
  const unit = guessIndentUnit(text);
  const list = objectList(sourceFile, object);
  const last = object.properties[object.properties.length - 1];
  const multiline = isMultiline(sourceFile, list.open, list.elements, list.close);
  const indent =
    last && multiline ? indentationAt(text, last.getStart(sourceFile)) : indentationAt(text, object.getStart(sourceFile)) + unit;
  const printed = entries.map(([name, value]) => `${JSON.stringify(name)}: ${printJson(value, indent, unit)}`);
  const itemText = multiline || !last ? printed.join(`,\n${indent}`) : printed.join(', ');
  if (!last && !multiline && printed.length > 1) {
    // An empty `{}`: spread it over lines.
    const close = indentationAt(text, object.getStart(sourceFile));
    return [{ start: list.open + 1, end: list.close, newText: `\n${indent}${printed.join(`,\n${indent}`)}\n${close}` }];
  }
  return insertListElement(sourceFile, list, object.properties.length - 1, itemText);
}

/** JSON with objects spread over lines and arrays of plain values kept on one line. */
export function printJson(value: unknown, indent: string, unit: string): string {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => indent + unit + printJson(v, indent + unit, unit)).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${indent + unit}${JSON.stringify(k)}: ${printJson(v, indent + unit, unit)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
