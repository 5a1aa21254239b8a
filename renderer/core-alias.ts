import { resolve } from 'node:path';

/** The renderer reaches the core as `@core/…` (tsconfig.web.json's paths say the same to tsc). */
export const coreAlias = { '@core': resolve(import.meta.dirname, '../src') };
