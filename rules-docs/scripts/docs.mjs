// npm run docs          writes every generated document
// npm run docs:check    exits 1 naming each stale one
//   --root DIR            checks or writes a copy of the repository's generated files in DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, renderAll, staleFiles } from '../src/render.mjs';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, root: { type: 'string' } } });
const root = values.root ? resolve(values.root) : REPO_ROOT;

if (values.check) {
  const stale = staleFiles(root);
  if (stale.length > 0) {
    for (const { path, reason } of stale) console.error(`${path}: ${reason}`);
    console.error('\nThe generated docs do not match the rules. Regenerate them with: npm run docs');
    process.exit(1);
  }
  console.log('Generated docs are up to date.');
} else {
  for (const [path, content] of renderAll(root)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  console.log('Wrote the rule pages, rules-docs/README.md, rules-docs/codemods.md, the README rules table and ts-plugin/options.schema.json.');
}
