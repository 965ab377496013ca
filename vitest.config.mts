import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const runtime = (entry: string) => fileURLToPath(new URL(`./runtime/src/${entry}/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // The same mapping a user project gets from `qpq-codemod bundle-runtime`.
    alias: {
      'quidproquo-core': runtime('core'),
      'quidproquo-webserver': runtime('webserver'),
      'quidproquo-config-aws': runtime('config-aws'),
    },
  },
  test: {
    include: ['*/test/**/*.test.ts'],
    // Sample projects the codemod tests migrate carry test files of their own.
    exclude: [...configDefaults.exclude, '**/__testfixtures__/**'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
