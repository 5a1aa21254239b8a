import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { coreAlias } from '../renderer/core-alias.ts';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { alias: coreAlias },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30000,
    pool: 'forks',
  },
});
