import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Uncommitted changes (modified, staged or untracked files, ignored ones left out) under `paths`,
 * as `git status --porcelain` lines; an empty list for a clean tree, undefined outside a git work tree.
 */
export function uncommittedChanges(paths: readonly string[]): string[] | undefined {
  const first = paths[0];
  if (first === undefined) return undefined;
  const dir = fs.existsSync(first) && fs.statSync(first).isDirectory() ? first : path.dirname(first);
  const top = git(dir, ['rev-parse', '--show-toplevel']);
  if (top === undefined) return undefined;
  const root = top.trim();
  const specs = paths.map((p) => path.relative(root, p) || '.');
  const status = git(root, ['status', '--porcelain', '--untracked-files=all', '--', ...specs]);
  if (status === undefined) return undefined;
  return status.split('\n').filter((line) => line.trim() !== '');
}

function git(cwd: string, args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return result.status === 0 ? result.stdout : undefined;
}
