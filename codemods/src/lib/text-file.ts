import * as fs from 'node:fs';
import * as path from 'node:path';

const BOM = '\uFEFF';

/** A text file as read from disk: its text without the BOM, and how it writes line ends. */
export interface TextFile {
  text: string;
  bom: boolean;
  eol: '\n' | '\r\n';
}

export function decodeText(buffer: Buffer): TextFile {
  let text = buffer.toString('utf8');
  const bom = text.startsWith(BOM);
  if (bom) text = text.slice(1);
  return { text, bom, eol: detectEol(text) };
}

/** The line end most lines of `text` use; `\n` when there is none. */
export function detectEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text[i - 1] === '\r') crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** `text` with every line end written as `eol`. */
export function withEol(text: string, eol: string): string {
  return eol === '\n' ? text.replace(/\r\n/g, '\n') : text.replace(/\r?\n/g, eol);
}

export function encodeText(text: string, bom: boolean): Buffer {
  return Buffer.from(bom ? BOM + text : text, 'utf8');
}

/**
 * Writes through a temporary file in the same directory and a rename, so a reader (or a crash)
 * never sees half a file. The original file's permission bits are kept.
 */
export function writeFileAtomic(file: string, data: Buffer): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  // A new file takes the default permissions.
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  const mode = stat && stat.mode & 0o7777;
  try {
    fs.writeFileSync(temp, data, mode === undefined ? undefined : { mode });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
