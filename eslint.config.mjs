// ESLint (flat config): `npm run lint`, part of `npm test`. typescript-eslint's recommended rules
// with type information (the tsconfig's program, through TypeScript 6.0's API: see ARCHITECTURE's
// Dependencies), plus the few rules below. Formatting is Prettier's (`npm run format`), not ESLint's.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Generated or bundled: the bundles and tests esbuild writes, VS Code's test downloads, the
  // TextMate grammar (written by `npm run generate`), the benchmark's temporary files.
  { ignores: ['dist/', 'out/', '.vscode-test/', 'syntaxes/*.json', 'bench/*.tmp'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Already in the recommended set; named here because it matters most across module boundaries.
      '@typescript-eslint/no-explicit-any': 'error',
      // Type-only imports are erased by esbuild without its having to guess (`isolatedModules`).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      // The server speaks LSP on stdout: a stray console.log there corrupts the stream (server.ts
      // sends console's output to the client's log instead), and the extension has its own log.
      'no-console': 'error',
    },
  },
  {
    // Programs that print: the command line, the benchmark, the build and generators, the tests
    // (timings and what a test typed, on request) and the end-to-end runner.
    files: ['server/src/cli.ts', 'bench/**', 'scripts/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Plain JavaScript is outside the tsconfig: no type information, and Node's globals.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { process: 'readonly', URL: 'readonly', console: 'readonly' },
    },
  },
  {
    // The two commands' launchers are CommonJS, loading the CommonJS bundles.
    files: ['bin/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
