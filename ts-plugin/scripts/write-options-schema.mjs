// Writes ts-plugin/options.schema.json from the built rules; the tests fail when it is stale.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { allContracts } = require('qpq-contracts');
const { pluginOptionsSchema } = require('../dist/options-schema.js');

const target = new URL('../options.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(pluginOptionsSchema(allContracts), null, 2)}\n`);
console.log('wrote ts-plugin/options.schema.json');
