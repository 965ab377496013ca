// Small Markdown helpers shared by the page renderers.

/** A fenced code block, with a fence longer than any backtick run in the code. */
export function codeBlock(text, language = 'ts') {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/** Inline code that survives backticks in the text. */
export function inlineCode(text) {
  const value = String(text);
  if (!value.includes('`')) return `\`${value}\``;
  const longestRun = Math.max(...value.match(/`+/g).map((run) => run.length));
  const ticks = '`'.repeat(longestRun + 1);
  return `${ticks} ${value} ${ticks}`;
}

/** Text for one table cell: pipes escaped, on one line. */
export function cell(text) {
  return String(text)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

/** A GitHub-flavoured Markdown table. */
export function table(header, rows) {
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

/** `a`, `a and b`, `a, b and c`. */
export function listText(items) {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
