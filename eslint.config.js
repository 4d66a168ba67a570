// Lint rules, including the one-way imports of DESIGN.md: shared ← domain ← server, and shared ← web.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const forbid = (...groups) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: groups.map(([group, message]) => ({ group, message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'src/server/db/migrations/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/shared/**'],
    rules: forbid(
      [['**/domain/**', '**/server/**', '**/web/**'], 'shared code is browser-safe and imports nothing else'],
      [['drizzle-orm', 'drizzle-orm/*', 'fastify', 'pg', 'node:*'], 'shared code must run in the browser'],
    ),
  },
  {
    files: ['src/domain/**'],
    rules: forbid(
      [['**/server/**', '**/web/**'], 'the domain does not know about HTTP or the web app'],
      // A module is used through its public API: another module's index.ts, never its files. Tables are the
      // shared schema (foreign keys, joins); writing them stays with the module that owns them.
      [
        ['../*/*', '!../*/index.ts', '!../*/*.table.ts', '!../shared/**', '!../../**'],
        'import another module through its index.ts (its public API)',
      ],
    ),
  },
  {
    files: ['src/server/routes/**'],
    rules: forbid([
      ['drizzle-orm', 'drizzle-orm/*', '**/*.table.ts', '**/*.queries.ts'],
      'routes are thin: call a use case',
    ]),
  },
  {
    files: ['src/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid([['**/domain/**', '**/server/**'], 'the web app talks to the server through the API only']),
    },
  },
);
