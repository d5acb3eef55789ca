import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The layering rules of docs/ARCHITECTURE.md, enforced: computation never reaches up into the UI,
// and only data/ talks to papaparse.
const noUi = {
  group: ['**/ui/**', '**/state/**', '**/workers/**', 'react', 'react-dom', 'recharts'],
  message: 'Pure modules must not depend on the UI, state or workers.',
};
const onlyDataParses = { name: 'papaparse', message: 'Only src/data/ parses CSV.' };
const onlyMlUsesTf = { group: ['@tensorflow/*'], message: 'Only src/ml/ imports TensorFlow.js.' };
/** Folders of pure computation: no React, DOM, state or workers (they run in Node tests and the CLI too). */
const PURE = ['core', 'data', 'features', 'ml', 'metrics', 'fairness', 'explain'];

export default tseslint.config(
  {
    ignores: [
      '**/*.tmp.mjs',
      '**/*.tmp.mts',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      'coverage/**',
      '.bench-data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'Use the seeded RNG in src/core/random.ts.',
        },
      ],
    },
  },
  // One no-restricted-imports rule per folder (a later block would replace an earlier one, not merge).
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [...PURE.map((d) => `src/${d}/**`)],
    rules: { 'no-restricted-imports': ['error', { paths: [onlyDataParses], patterns: [onlyMlUsesTf] }] },
  },
  {
    files: PURE.filter((d) => d !== 'data' && d !== 'ml').map((d) => `src/${d}/**`),
    rules: {
      'no-restricted-imports': ['error', { paths: [onlyDataParses], patterns: [noUi, onlyMlUsesTf] }],
    },
  },
  {
    files: ['src/data/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noUi, onlyMlUsesTf] }] },
  },
  {
    files: ['src/ml/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [onlyDataParses], patterns: [noUi] }] },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.{js,ts}', 'e2e/**', 'src/pwa/offlinePlugin.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  // The service worker's template: plain JS (the build copies it as is), run in a service worker's scope.
  {
    files: ['src/pwa/sw.template.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.serviceworker } },
  },
  // The embedding example page's script: plain JS in a browser page (public/embed-example.html).
  {
    files: ['public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
);
