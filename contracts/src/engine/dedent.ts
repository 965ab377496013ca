/**
 * Example code written as an indented template literal, as it reads in an editor: the line break
 * after the opening backtick and the indentation the lines share are dropped, and so is the
 * indentation before the closing backtick. An empty line before the closing backtick ends the
 * code with a line break. The strings are cooked: write `\${` for `${`, `` \` `` for a backtick
 * and `\\` for a backslash in the code.
 */
export function dedent(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((all, part, i) => all + part + (i < values.length ? String(values[i]) : ''), '');
  const lines = text.split('\n');
  if (lines.length > 1 && lines[0].trim() === '') lines.shift();
  if (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(Math.min(common, /^[ \t]*/.exec(line)![0].length))).join('\n');
}
