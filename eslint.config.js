// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What a layer must not import: the core stays pure, the shells stay apart. */
const banned = (...names) => names.map((name) => ({ name, message: `this layer does not import ${name} (see README, Architecture)` }));
const shells = [{ group: ['**/renderer/**', '**/main/**'], message: 'the core does not reach into the shells (see README, Architecture)' }];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist-web/', 'release/', 'test-results/', 'playwright-report/', 'test/fuzz/.bundle/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-control-regex': 'off', // Importers match control characters on purpose.
    },
  },
  {
    // The pure core: plain data in, plain data out. No shells, no store, no DOM.
    files: ['src/**/*.ts'],
    ignores: ['src/db/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: banned('electron', 'react', 'react-dom', 'dexie', 'dexie-react-hooks'),
          patterns: [...shells, { group: ['react/*', 'react-dom/*', 'dexie/*'], message: 'the core imports no UI or store' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'HTMLElement', 'indexedDB'].map((name) => ({ name, message: 'the core touches no DOM' })),
      ],
    },
  },
  {
    // The store layer: Dexie, but no shells.
    files: ['src/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: banned('electron', 'react', 'react-dom'), patterns: shells }] },
  },
  {
    // A refusal in the store, coding or analysis reaches the researcher: it carries a message key.
    files: ['src/db/**/*.ts', 'src/coding/**/*.ts', 'src/analysis/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ThrowStatement > NewExpression[callee.name='Error']", message: 'throw a ResearcherError with a message key, so the researcher reads it in their language' },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: banned('electron'),
          patterns: [
            { group: ['**/src/*', '!@core/*'], message: 'the renderer reaches the core through @core/…' },
            { group: ['**/main/*'], message: 'the renderer talks to main only through the bridge' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: banned('react', 'react-dom', 'dexie'), patterns: [{ group: ['**/renderer/*'], message: 'main does not import the renderer' }] }],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
