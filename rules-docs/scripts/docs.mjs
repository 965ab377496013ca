// npm run docs          writes every generated document (and deletes pages of rules that are gone)
// npm run docs:check    writes nothing; exits 1 naming each stale file
//   --root DIR            works on a copy of the repository's generated files in DIR
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { renderAll, REPO_ROOT, staleFiles } from '../src/generate.mjs';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, root: { type: 'string' } } });
const root = values.root ? resolve(values.root) : REPO_ROOT;
const files = renderAll(root);

if (values.check) {
  const stale = staleFiles(root, files);
  if (stale.length > 0) {
    for (const { path, reason } of stale) console.error(`${path}: ${reason}`);
    console.error('\nThe generated docs do not match the rules and transforms. Regenerate them with: npm run docs');
    process.exit(1);
  }
  console.log(`Generated docs are up to date (${files.size} files).`);
} else {
  const changed = staleFiles(root, files);
  for (const { path } of changed) {
    if (!files.has(path)) rmSync(join(root, path));
    else {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), files.get(path));
    }
  }
  for (const { path, reason } of changed) console.log(`${files.has(path) ? 'wrote' : 'deleted'} ${path} (${reason})`);
  console.log(
    changed.length > 0
      ? `Updated ${changed.length} of ${files.size} generated files.`
      : `All ${files.size} generated files were up to date.`,
  );
}
