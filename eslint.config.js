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
  {
    files: [
      'src/core/**',
      'src/data/**',
      'src/fairness/**',
      'src/metrics/**',
      'src/features/**',
      'src/explain/**',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [noUi] }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/data/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'papaparse', message: 'Only src/data/ parses CSV.' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.{js,ts}', 'e2e/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
