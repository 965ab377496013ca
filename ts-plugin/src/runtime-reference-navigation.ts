import { directoryOf, exportsOf, findModule, joinPath, runtimeReferenceAt } from 'qpq-contracts';
import type * as ts from 'typescript';

/** Go to definition from a runtime string (`'/controllers/todo::getTodo'`) to the exported story. */
export function runtimeReferenceDefinition(
  tsm: typeof ts,
  program: ts.Program,
  sourceFile: ts.SourceFile,
  position: number,
): ts.DefinitionInfoAndBoundSpan | undefined {
  const reference = runtimeReferenceAt(tsm, sourceFile, position);
  if (!reference?.modulePath || !reference.exportName) return undefined;
  const checker = program.getTypeChecker();
  const target = findModule({ ts: tsm, program }, reference.modulePath);
  if (!target?.sourceFile) return undefined;
  const symbol = exportsOf({ ts: tsm, checker, program }, target)?.get(reference.exportName);
  const resolved = symbol && symbol !== true && symbol.flags & tsm.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const declaration = resolved && resolved !== true ? resolved.declarations?.[0] : undefined;
  const at = declaration ?? target.sourceFile;
  const nameNode = declaration && (declaration as ts.NamedDeclaration).name ? (declaration as ts.NamedDeclaration).name! : at;
  const stringStart = reference.node.getStart(sourceFile) + 1;
  return {
    textSpan: { start: stringStart, length: reference.node.getEnd() - 1 - stringStart },
    definitions: [
      {
        fileName: at.getSourceFile().fileName,
        textSpan: { start: nameNode.getStart(), length: nameNode.getEnd() - nameNode.getStart() },
        kind: declaration ? tsm.ScriptElementKind.functionElement : tsm.ScriptElementKind.moduleElement,
        name: reference.exportName,
        containerKind: tsm.ScriptElementKind.moduleElement,
        containerName: at.getSourceFile().fileName,
      },
    ],
  };
}

/**
 * Completions inside a runtime string: before `::` the folders and modules under the config root,
 * after it the module's exports.
 */
export function runtimeReferenceCompletions(
  tsm: typeof ts,
  program: ts.Program,
  sourceFile: ts.SourceFile,
  position: number,
): ts.CompletionInfo | undefined {
  const reference = runtimeReferenceAt(tsm, sourceFile, position);
  if (!reference || !tsm.isStringLiteralLike(reference.node)) return undefined;
  const contentStart = reference.node.getStart(sourceFile) + 1;
  const typed = reference.node.text.slice(0, position - contentStart);
  const separator = typed.indexOf('::');
  const entries: ts.CompletionEntry[] = [];
  let replacementStart: number;

  if (separator >= 0) {
    const target = findModule({ ts: tsm, program }, joinPath(reference.configRoot, typed.slice(0, separator)));
    const exported = target && exportsOf({ ts: tsm, checker: program.getTypeChecker(), program }, target);
    for (const name of exported?.keys() ?? []) {
      if (name !== 'default') entries.push({ name, kind: tsm.ScriptElementKind.functionElement, kindModifiers: 'export', sortText: '0' });
    }
    replacementStart = contentStart + separator + 2;
  } else {
    const slash = typed.lastIndexOf('/');
    const folder = joinPath(reference.configRoot, typed.slice(0, slash + 1));
    for (const directory of tsm.sys.getDirectories(folder)) {
      if (directory !== 'node_modules' && !directory.startsWith('.'))
        entries.push({ name: `${directory}/`, kind: tsm.ScriptElementKind.directory, kindModifiers: '', sortText: '1' });
    }
    const modules = new Set<string>();
    for (const file of tsm.sys.readDirectory(folder, ['.ts', '.tsx', '.js', '.mts', '.cts'], undefined, undefined, 1)) {
      if (directoryOf(file) !== folder || file.endsWith('.d.ts')) continue;
      const base = file.slice(folder.length + 1).replace(/\.[mc]?[jt]sx?$/, '');
      // `index` is reached through its folder.
      if (base !== 'index') modules.add(base);
    }
    for (const name of modules) entries.push({ name, kind: tsm.ScriptElementKind.moduleElement, kindModifiers: '', sortText: '0' });
    replacementStart = contentStart + slash + 1;
  }
  for (const entry of entries) entry.replacementSpan = { start: replacementStart, length: position - replacementStart };
  return { isGlobalCompletion: false, isMemberCompletion: false, isNewIdentifierLocation: false, entries };
}
