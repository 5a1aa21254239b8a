import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './renderer/csp';
import { coreAlias } from './renderer/core-alias';
import { resolve } from 'node:path';

// Our entries are not electron-vite's default src/main: name them.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The importer's worker thread is an entry of its own (see main/importer.ts).
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'main/index.ts'), 'import-worker': resolve(import.meta.dirname, 'main/import-worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ESM: emit CommonJS.
      rollupOptions: {
        input: { preload: resolve(import.meta.dirname, 'main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react(), contentSecurityPolicy()],
    resolve: { alias: coreAlias },
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      minify: true,
      assetsInlineLimit: 0,
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
