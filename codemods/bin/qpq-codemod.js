#!/usr/bin/env node
'use strict';
// A closed pipe (`qpq-codemod ... --dry | head`) ends the run quietly.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode || 0);
  throw error;
});
require('../dist/cli')
  .main(process.argv.slice(2), process.stdout, process.stderr)
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`qpq-codemod: ${error && error.stack ? error.stack : error}\n`);
      process.exitCode = 1;
    },
  );
