// ESLint flat config (a dotfile: the top level of the repository is reserved, see README).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', '.data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through @hocvuso/config.' }],
      'no-console': 'error',
    },
  },
  {
    // Only the configuration schema, command-line entry points, tests and benchmarks may touch
    // process.env or the console directly.
    files: ['libs/config/src/**', 'apps/*/src/main.ts', 'apps/*/src/cli/**', 'libs/devstack/**', 'test/**', 'bench/**', 'prisma-seeds/**', '**/*.spec.ts'],
    rules: { 'no-restricted-properties': 'off', 'no-console': 'off' },
  },
  {
    files: ['libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      // Domain libs stay transport-free: GraphQL and socket types belong to the apps.
      'no-restricted-imports': ['error', { paths: ['@nestjs/graphql', 'socket.io'], patterns: ['@nestjs/apollo'] }],
    },
  },
);
