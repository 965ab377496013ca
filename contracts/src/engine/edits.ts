import type { TextEdit } from '../types';

/**
 * The edits to make of several given at once, in position order and not overlapping. Every path
 * that makes several edits together (the codemods, the editor's fix-all, the tests that compare
 * the editor with ESLint) keeps what this keeps, so the same fixes give the same file whichever
 * tool makes them. Overlaps are accepted only where one result is plainly meant: an edit reported
 * for several findings (an import each needs) is made once, deletions that overlap remove their
 * union, and text inserted where a range is replaced goes beside it (before it at its start, after
 * it at its end; two insertions at one place in the order given). Any other overlap would land one
 * edit's text inside another's, so the later edit in position order is left out and handed to
 * `onOverlap` rather than guessed at.
 */
export function compatibleEdits(edits: readonly TextEdit[], onOverlap?: (edit: TextEdit) => void): TextEdit[] {
  const seen = new Set<string>();
  const distinct = edits.filter((edit) => {
    const key = `${edit.start}:${edit.end}:${edit.newText}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const kept: TextEdit[] = [];
  for (const edit of distinct.sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = kept.at(-1);
    if (last && edit.start < last.end) {
      if (last.newText === '' && edit.newText === '') {
        if (edit.end > last.end) kept[kept.length - 1] = { start: last.start, end: edit.end, newText: '' };
      } else {
        onOverlap?.(edit);
      }
      continue;
    }
    kept.push(edit);
  }
  return kept;
}

/**
 * Applies the edits `compatibleEdits` keeps; those it leaves out are handed to `onOverlap`, so a
 * caller that must not lose an edit can say so.
 */
export function applyEdits(text: string, edits: readonly TextEdit[], onOverlap?: (edit: TextEdit) => void): string {
  let result = '';
  let cursor = 0;
  for (const edit of compatibleEdits(edits, onOverlap)) {
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}
