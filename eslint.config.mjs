// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'integration-tests/.tmp/',
      'dist/',
      'node_modules/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      '**/*.js',
      '**/*.mjs',
      'charts/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The token is a secret: plugin code never logs, and never uses browser storage.
      'no-console': 'error',
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: 'No browser storage: it could hold a token.' },
        { name: 'sessionStorage', message: 'No browser storage: it could hold a token.' },
        { name: 'indexedDB', message: 'No browser storage: it could hold a token.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'localStorage', message: 'No browser storage.' },
        { object: 'window', property: 'sessionStorage', message: 'No browser storage.' },
        { object: 'window', property: 'indexedDB', message: 'No browser storage.' },
      ],
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: [
              '^(aria-label|aria-description|title|placeholder|alt|label|helperText|emptyText|description|tooltip|content|headerContent|bodyContent|titleText|toggleText)$',
            ],
          },
          callees: { exclude: ['t', 'i18n.t', 'useTranslation', 'require', 'import'] },
          words: { exclude: ['^[\\s\\p{P}\\p{S}\\d]*$'] },
        },
      ],
    },
  },
  {
    files: ['**/*.spec.{ts,tsx}', '**/__mocks__/**', 'integration-tests/**', 'scripts/**'],
    rules: { 'i18next/no-literal-string': 'off', 'no-console': 'off' },
  },

  prettier,
);
