// A stand-in for `quidproquo-eslint-config`, shaped like it: ignores, the files it lints, the
// typescript-eslint parser, import sorting, its own `qpq` plugin's recommended config, overrides.
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

import standInPlugin from './plugin.mjs';

export { standInPlugin as qpqPlugin };

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.d.ts'] },
  { files: ['**/*.{js,mjs,cjs,jsx,ts,tsx}'] },
  { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
  {
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: { 'simple-import-sort/imports': ['error', { groups: [['^quidproquo'], ['^\\u0000[^.]', '^\\w', '^@'], ['^\\.']] }] },
  },
  standInPlugin.configs.recommended,
  { rules: { 'require-yield': 'off' } },
];
