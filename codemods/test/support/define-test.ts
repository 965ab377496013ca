import * as path from 'node:path';
import { Project, ts } from 'ts-morph';

import { applyEdits } from '../../src/lib/edits';
import { reexportAliases } from '../../src/lib/expressions';
import { QpqResolver } from '../../src/lib/symbols';
import type { Note, SourceContext, Transform } from '../../src/transform';

export interface DirectResult {
  /** The file's text after the transform's edits. */
  output: string;
  notes: Note[];
}

/**
 * Runs a transform's `transformSource` on one file in memory, with no CLI, disk or formatter in
 * between (next's codemod tests do the same with `defineTest`): fast, for the cases that need only
 * the file. `support` files (a re-export module, say) sit next to it in the same in-memory project.
 */
export function applyTransform(transform: Transform, fileName: string, text: string, support: Record<string, string> = {}): DirectResult {
  // A transform with a project step (extract-infra gathers every file, then writes) needs the whole run.
  if (!transform.transformSource || transform.transformProject)
    throw new Error(`${transform.name} changes the project, not one file: run it through the CLI`);
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      strict: true,
      allowJs: true,
      noEmit: true,
      noLib: true,
      types: [],
    },
  });
  const root = '/project';
  for (const [name, supportText] of Object.entries(support)) project.createSourceFile(path.posix.join(root, name), supportText);
  const sourceFile = project.createSourceFile(path.posix.join(root, fileName), text).compilerNode;
  const targets = new Set(transform.targets ?? []);
  const reexported = new Map<string, string>();
  for (const file of project.getSourceFiles())
    for (const [alias, original] of reexportAliases(file.compilerNode, targets)) reexported.set(alias, original);
  let checker: ts.TypeChecker | undefined;
  const getChecker = () => (checker ??= project.getProgram().compilerObject.getTypeChecker());
  const notes: Note[] = [];
  const context: SourceContext = {
    fileName: sourceFile.fileName,
    sourceFile,
    text,
    checker: getChecker,
    resolver: new QpqResolver(getChecker),
    reexported,
    note(kind, message, at) {
      const position = at === undefined ? undefined : typeof at === 'number' ? at : at.getStart(sourceFile);
      const where = position === undefined ? undefined : sourceFile.getLineAndCharacterOfPosition(position);
      notes.push({ kind, message, line: where && where.line + 1, column: where && where.character + 1 });
    },
  };
  // The runner's pre-checks: a file naming none of the transform's targets, or failing its own test, is not given to it.
  const words = [...targets, ...reexported.keys()];
  if ((words.length > 0 && !words.some((w) => text.includes(w))) || (transform.mightChange && !transform.mightChange(text)))
    return { output: text, notes };
  const edits = transform.transformSource(context);
  return { output: edits.length > 0 ? applyEdits(text, edits, '\n') : text, notes };
}
