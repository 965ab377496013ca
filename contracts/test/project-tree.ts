import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const made: string[] = [];

/** A project on disk; `.git` marks the top so a search upward never leaves the temporary folder. */
export function projectTree(files: Record<string, string | object>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qpq-project-'));
  made.push(dir);
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) writeProjectFile(dir, name, content);
  return dir;
}

/** Writes one file of a project, objects as JSON. */
export function writeProjectFile(dir: string, name: string, content: string | object): void {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

/** Removes every project `projectTree` made. */
export function removeProjectTrees(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
