// The main job on the bundled sample apps: lint fixtures/ with the recommended type-checked
// config and print the findings the way `eslint` shows them in CI.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' });

if (run(process.execPath, ['scripts/ensure-installed.mjs']).status !== 0) process.exit(2);
if (run('npm', ['run', '--silent', 'build']).status !== 0) process.exit(2);

console.log('\n$ eslint --config fixtures/eslint.config.mjs fixtures/sample-app fixtures/violations\n');
const lint = run(process.execPath, [
  'node_modules/eslint/bin/eslint.js',
  '--config',
  'fixtures/eslint.config.mjs',
  'fixtures/sample-app',
  'fixtures/violations',
]);
// ESLint exits 1 when it reports findings, which the violations fixtures are there to show.
if (lint.status === 1) {
  console.log('fixtures/sample-app is clean; every finding above is a planted violation under fixtures/violations.');
  process.exit(0);
}
process.exit(lint.status ?? 2);
