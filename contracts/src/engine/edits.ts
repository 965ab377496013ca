import type { TextEdit } from '../types';

/**
 * Applies edits to a text in position order (an insertion at the start of a replaced range goes
 * before it). An edit given twice is one change; two deletions that overlap delete their union.
 * Any other edit that overlaps an earlier one cannot be made as written: it is left out and
 * handed to `onOverlap`, so a caller that must not lose an edit can say so.
 */
export function applyEdits(text: string, edits: readonly TextEdit[], onOverlap?: (edit: TextEdit) => void): string {
  const seen = new Set<string>();
  const distinct = edits.filter((edit) => {
    const key = `${edit.start}:${edit.end}:${edit.newText}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const sorted = distinct.sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  let lastWasDeletion = false;
  for (const edit of sorted) {
    if (edit.start < cursor) {
      if (lastWasDeletion && edit.newText === '') cursor = Math.max(cursor, edit.end);
      else onOverlap?.(edit);
      continue;
    }
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
    lastWasDeletion = edit.newText === '';
  }
  return result + text.slice(cursor);
}
