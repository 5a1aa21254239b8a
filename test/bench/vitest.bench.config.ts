import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { coreAlias } from '../../renderer/core-alias.ts';

/** Benchmarks print figures and ratios; they are not part of `npm test`. */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: { alias: coreAlias },
  test: {
    include: ['test/bench/**/*.bench-run.ts'],
    environment: 'node',
    testTimeout: 30 * 60_000,
    pool: 'forks',
    silent: false,
  },
});
