// The repository lints itself: typescript-eslint's recommended rules on every package, the
// framework's house import order everywhere, and the qpq rules on the reference runtime, whose
// stories and requesters keep the contracts a user's code keeps. The fixtures are linted by their
// own config (fixtures/eslint.config.mjs) in their tests: many break the rules on purpose.
import qpq from 'eslint-plugin-qpq';
import tseslint from 'typescript-eslint';

export default [
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'bench/.corpus/**',
      'bench/results/**',
      'fixtures/**',
      'codemods/test/__testfixtures__/**',
      '**/*.d.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { qpq },
    rules: {
      'qpq/import-order': 'error',
      // `import ts = require('typescript')` hands on the module object itself (see eslint-plugin/src/source-file.ts);
      // a package's own manifest is read where it is shipped, beside `dist/`.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true, allow: ['/package\\.json$'] }],
      // The packages compile to CommonJS: a local `exports` hides the module's own, and the
      // compiled `exports.name` of an exported name used beside it fails at run time, after type
      // checking passed.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ':matches(VariableDeclarator, FunctionDeclaration, ClassDeclaration) > Identifier.id[name=/^exports$/], :function > Identifier.params[name=/^exports$/]',
          message: "Name it otherwise: in a CommonJS build this hides the module's own `exports`.",
        },
      ],
    },
  },
  // The runtime's public types mirror the framework's, which are written with `any`.
  { files: ['runtime/src/**/*.ts'], rules: { ...qpq.configs.recommended.rules, '@typescript-eslint/no-explicit-any': 'off' } },
  // Tests read protocol answers and test doubles whose shapes they do not declare.
  { files: ['**/test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
];
