import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './csp.ts';
import { coreAlias } from './core-alias.ts';
import { resolve } from 'node:path';

/** The same renderer, served to a plain browser with the web bridge (no Electron). */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), contentSecurityPolicy()],
  resolve: { alias: coreAlias },
  server: { port: 5173, fs: { allow: [resolve(import.meta.dirname, '..')] } },
  preview: { port: 4317 },
  // Sample files are fetched as URLs; inlined data: URLs would fall foul of the CSP.
  build: { outDir: resolve(import.meta.dirname, '../dist-web'), emptyOutDir: true, minify: true, assetsInlineLimit: 0 },
});
