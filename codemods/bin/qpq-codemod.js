#!/usr/bin/env node
'use strict';
process.exitCode = require('../dist/cli').main(process.argv.slice(2), process.stdout, process.stderr);
