import { ts } from 'ts-morph';
import { isMap, isScalar, type Node as YamlNode, parseDocument } from 'yaml';

import { type Kind, KIND_NAMES, KINDS, type Plain, readShape, type SchemaProblem } from './schema';

/** One `@qpq` tag: its YAML text and where each of its lines sits in the file. */
export interface QpqTag {
  /** Offset of `@qpq` in the file. */
  offset: number;
  yaml: string;
  /** For each YAML line, the file offset of its first character. */
  lineOffsets: number[];
}

/** A `/** ... *\/` comment that holds `@qpq` tags. */
export interface QpqComment {
  pos: number;
  end: number;
  tags: QpqTag[];
}

export interface ParsedTag {
  kind: Kind;
  value: Record<string, Plain>;
}

/** A problem found in an annotation, at a file offset. */
export interface OffsetProblem {
  offset: number;
  message: string;
}

const TAG_START = /^@([A-Za-z][\w-]*)/;

/** Every JSDoc comment in the file with a `@qpq` tag, wherever it is (attached to a declaration or not). */
export function qpqComments(sourceFile: ts.SourceFile): QpqComment[] {
  const text = sourceFile.text;
  const seen = new Set<number>();
  const found: QpqComment[] = [];
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      if (
        range.kind !== ts.SyntaxKind.MultiLineCommentTrivia ||
        text.slice(range.pos, range.pos + 3) !== '/**' ||
        range.end - range.pos < 5
      )
        continue;
      const tags = tagsOf(text, range.pos, range.end);
      if (tags.length > 0) found.push({ pos: range.pos, end: range.end, tags });
    }
  };
  // A comment is trivia before some token: before a node, or after a node's last child (before `}`).
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
    collect(ts.getLeadingCommentRanges(text, node.end));
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found.sort((a, b) => a.pos - b.pos);
}

/** The `@qpq` tags of one comment, with the ` * ` line prefixes stripped. */
function tagsOf(text: string, pos: number, end: number): QpqTag[] {
  const bodyStart = pos + 3;
  const bodyEnd = end - 2;
  const lines: Array<{ text: string; offset: number }> = [];
  let lineStart = bodyStart;
  let first = true;
  while (lineStart <= bodyEnd) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > bodyEnd) lineEnd = bodyEnd;
    let raw = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    let offset = lineStart;
    // Without a ` * ` prefix the line's own indent stays: the common indent comes off below.
    const prefix = first ? /^\s*/.exec(raw)! : (/^\s*\* ?/.exec(raw) ?? (/^\s*@/.test(raw) ? /^\s*/.exec(raw) : null));
    if (prefix) {
      raw = raw.slice(prefix[0].length);
      offset += prefix[0].length;
    }
    lines.push({ text: raw, offset });
    first = false;
    lineStart = lineEnd + 1;
  }

  const tags: QpqTag[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = TAG_START.exec(lines[i].text);
    if (!match || match[1] !== 'qpq') continue;
    let j = i + 1;
    while (j < lines.length && !TAG_START.test(lines[j].text)) j++;
    const head = { text: lines[i].text.slice(4), offset: lines[i].offset + 4 };
    const skip = /^\s*/.exec(head.text)![0].length;
    const body = [{ text: head.text.slice(skip), offset: head.offset + skip }, ...lines.slice(i + 1, j)];
    while (body.length > 1 && body[body.length - 1].text.trim() === '') body.pop();
    // YAML that starts on the next line may be indented as a whole: take the common indent off.
    if (body[0].text.trim() === '' && body.length > 1) {
      const rest = body.slice(1);
      const indent = Math.min(...rest.filter((l) => l.text.trim() !== '').map((l) => /^ */.exec(l.text)![0].length));
      body.splice(
        0,
        body.length,
        ...rest.map((l) => (l.text.trim() === '' ? l : { text: l.text.slice(indent), offset: l.offset + indent })),
      );
    }
    tags.push({ offset: lines[i].offset, yaml: body.map((l) => l.text.trimEnd()).join('\n'), lineOffsets: body.map((l) => l.offset) });
    i = j - 1;
  }
  return tags;
}

/** The file offset of an offset in a tag's YAML text. */
export function fileOffset(tag: QpqTag, yamlOffset: number): number {
  let line = 0;
  let start = 0;
  const lines = tag.yaml.split('\n');
  while (line < lines.length - 1 && yamlOffset > start + lines[line].length) {
    start += lines[line].length + 1;
    line++;
  }
  return tag.lineOffsets[line] + Math.min(yamlOffset - start, lines[line].length);
}

/** Parses and checks one tag's YAML: one top-level key naming the kind, the keys its kind allows. */
export function parseTag(tag: QpqTag): { parsed?: ParsedTag; problems: OffsetProblem[] } {
  const at = (offset: number) => fileOffset(tag, offset);
  if (tag.yaml.trim() === '') {
    return {
      problems: [
        {
          offset: tag.offset,
          message: `@qpq needs YAML naming the kind, e.g. @qpq route: { method: GET, path: /todos } (kinds: ${KIND_NAMES.join(', ')})`,
        },
      ],
    };
  }
  const document = parseDocument(tag.yaml, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    return { problems: [{ offset: at(error.pos[0]), message: `invalid YAML: ${firstLine(error.message)}` }] };
  }
  const root = document.contents as YamlNode | null;
  if (!isMap(root) || root.items.length !== 1) {
    const what = isMap(root) ? `${root.items.length} keys` : 'no key';
    return {
      problems: [{ offset: tag.offset, message: `@qpq takes one key naming the kind (${KIND_NAMES.join(', ')}); this one has ${what}` }],
    };
  }
  const pair = root.items[0];
  const key = pair.key as YamlNode | null;
  const keyOffset = at(key?.range?.[0] ?? 0);
  if (!isScalar(key) || typeof key.value !== 'string' || !(KIND_NAMES as string[]).includes(key.value)) {
    const name = isScalar(key) ? String(key.value) : 'a key that is not a name';
    return { problems: [{ offset: keyOffset, message: `unknown kind '${name}' (kinds: ${KIND_NAMES.join(', ')})` }] };
  }
  const kind = key.value as Kind;
  const problems: SchemaProblem[] = [];
  const value = readShape(pair.value as YamlNode | null, KINDS[kind], kind, problems, key.range?.[0] ?? 0);
  if (problems.length > 0 || value === undefined) return { problems: problems.map((p) => ({ offset: at(p.offset), message: p.message })) };
  return { parsed: { kind, value: value as Record<string, Plain> }, problems: [] };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
}
