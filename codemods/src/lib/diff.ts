/** Unified diffs (the `diff -u` / `git diff` format) between two versions of a text file. */

type Op = { kind: 'equal' | 'delete' | 'insert'; line: string };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\u0000'; // marks "no newline at end of file"
  return lines;
}

/** Myers' O(ND) diff over lines, as a list of operations. */
function diffLines(a: string[], b: string[]): Op[] {
  // Common prefix and suffix first: most codemod diffs touch a few lines of a long file.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const ops: Op[] = a.slice(0, prefix).map((line) => ({ kind: 'equal', line }));
  ops.push(...myers(midA, midB));
  ops.push(...a.slice(a.length - suffix).map((line): Op => ({ kind: 'equal', line })));
  return ops;
}

function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((line) => ({ kind: 'insert', line }));
  if (m === 0) return a.map((line) => ({ kind: 'delete', line }));
  const max = n + m;
  const offset = max;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  trace.push(v.slice());
  // Walk back through the trace.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: 'equal', line: a[x - 1] });
      x--;
      y--;
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: 'insert', line: b[y - 1] });
    else ops.push({ kind: 'delete', line: a[x - 1] });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: 'equal', line: a[x - 1] });
    x--;
    y--;
  }
  return ops.reverse();
}

function show(prefix: string, line: string): string {
  const noNewline = line.endsWith('\u0000');
  const body = (noNewline ? line.slice(0, -1) : line).replace(/\r$/, '');
  return `${prefix}${body}\n${noNewline ? '\\ No newline at end of file\n' : ''}`;
}

/**
 * A unified diff of `before` -> `after` labelled `a/<name>` / `b/<name>`; `null` stands for a
 * file that does not exist (`/dev/null`). Empty when nothing differs.
 */
export function unifiedDiff(name: string, before: string | null, after: string | null, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before ?? '');
  const b = splitLines(after ?? '');
  const ops = diffLines(a, b);
  const header = `--- ${before === null ? '/dev/null' : `a/${name}`}\n+++ ${after === null ? '/dev/null' : `b/${name}`}\n`;
  let out = '';
  let i = 0;
  let lineA = 1;
  let lineB = 1;
  const positions: Array<{ a: number; b: number }> = [];
  for (const op of ops) {
    positions.push({ a: lineA, b: lineB });
    if (op.kind !== 'insert') lineA++;
    if (op.kind !== 'delete') lineB++;
  }
  while (i < ops.length) {
    if (ops[i].kind === 'equal') {
      i++;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change
    // that is at most 2*context lines away.
    const start = Math.max(0, i - context);
    let end = i;
    let lastChange = i;
    while (end < ops.length) {
      if (ops[end].kind !== 'equal') lastChange = end;
      else if (end - lastChange > 2 * context) break;
      end++;
    }
    end = Math.min(ops.length, lastChange + context + 1);
    const hunk = ops.slice(start, end);
    const countA = hunk.filter((op) => op.kind !== 'insert').length;
    const countB = hunk.filter((op) => op.kind !== 'delete').length;
    const startA = countA === 0 ? positions[start].a - 1 : positions[start].a;
    const startB = countB === 0 ? positions[start].b - 1 : positions[start].b;
    out += `@@ -${startA}${countA === 1 ? '' : `,${countA}`} +${startB}${countB === 1 ? '' : `,${countB}`} @@\n`;
    for (const op of hunk) out += show(op.kind === 'equal' ? ' ' : op.kind === 'delete' ? '-' : '+', op.line);
    i = end;
  }
  return header + out;
}
