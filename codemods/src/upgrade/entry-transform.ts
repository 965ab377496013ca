import { entryChanges, mayHaveEntrySites, type TableEntry } from 'qpq-contracts';
import { ts } from 'ts-morph';

import type { Edit } from '../lib/edits';
import type { SourceContext, Transform } from '../transform';

/** The contracts take the host's `typescript` module; ts-morph brings its own. */
type HostTs = Parameters<typeof entryChanges>[0];

/** What a table entry's transform is called in reports: its id, with a part number when one change has several entries. */
export function entryTransformName(entry: TableEntry, part: number): string {
  return part > 0 ? `${entry.id}.${part + 1}` : entry.id;
}

/**
 * The transform of one release-table entry: the edits of its class-A sites, and its manual sites
 * as notes (`path:line:col`, the instruction, the release), or as TODO comments above the sites.
 */
export function entryTransform(entry: TableEntry, part: number, options: { insertTodos: boolean }): Transform {
  return {
    name: entryTransformName(entry, part),
    description: entry.title,
    frameworkChange: `quidproquo ${entry.release}`,
    migration: false,
    release: entry.release,
    mightChange: (text) => mayHaveEntrySites(text, entry),
    transformSource(context) {
      const { sites, edits } = entryChanges(ts as unknown as HostTs, context.sourceFile as never, entry);
      const result: Edit[] = [...edits];
      const todoLines = new Set<number>();
      const manual = (start: number, message: string, instruction: string) => {
        context.note('manual', `${message}: ${instruction}`, start);
        if (!options.insertTodos) return;
        const todo = todoComment(context, start, entry, instruction);
        if (todo && !todoLines.has(todo.start)) {
          todoLines.add(todo.start);
          result.push(todo);
        }
      };
      let noted = false;
      for (const site of sites) {
        if (site.manual !== undefined) {
          manual(site.start, site.message, site.manual);
          continue;
        }
        context.note('change', site.message, site.start);
        // A class-B change with a mechanical part: the part is done, the rest is a person's.
        if (entry.class === 'B' && entry.instruction) manual(site.start, `${site.message} (done)`, entry.instruction);
        // A change a person should look over, once per file.
        else if (entry.review && !noted) {
          noted = true;
          context.note('info', entry.review, site.start);
        }
      }
      return result;
    },
  };
}

/** A `// TODO(qpq-codemod): …` line above the statement that holds `position`, unless one for this entry is there already. */
function todoComment(context: SourceContext, position: number, entry: TableEntry, instruction: string): Edit | undefined {
  const { sourceFile, text } = context;
  const startsLine = (n: ts.Node) => {
    const start = n.getStart(sourceFile);
    return /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start));
  };
  let node: ts.Node | undefined = findInnermost(sourceFile, position);
  while (node && node.parent && !(isLineHolder(node) && startsLine(node))) node = node.parent;
  if (!node || ts.isSourceFile(node)) return undefined;
  const start = node.getStart(sourceFile);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indentation = text.slice(lineStart, start);
  const previousLineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  const previousLine = text.slice(previousLineStart, Math.max(previousLineStart, lineStart - 1));
  if (previousLine.includes('TODO(qpq-codemod)') && previousLine.includes(`(quidproquo ${entry.release}, ${entry.id})`)) return undefined;
  const oneLine = instruction.replace(/\s+/g, ' ');
  return {
    start: lineStart,
    end: lineStart,
    newText: `${indentation}// TODO(qpq-codemod): ${oneLine} (quidproquo ${entry.release}, ${entry.id})\n`,
  };
}

function isLineHolder(node: ts.Node): boolean {
  const parent = node.parent;
  const listElement =
    parent !== undefined &&
    (ts.isArrayLiteralExpression(parent) ||
      ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && ((parent.arguments ?? []) as readonly ts.Node[]).includes(node)));
  return (
    ts.isStatement(node) ||
    ts.isClassElement(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isShorthandPropertyAssignment(node) ||
    ts.isTypeElement(node) ||
    ts.isImportSpecifier(node) ||
    ts.isExportSpecifier(node) ||
    listElement
  );
}

function findInnermost(node: ts.Node, position: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (child: ts.Node): void => {
    if (position < child.getStart() || position >= child.end) return;
    found = child;
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return found;
}
