// ESLint (flat config). `npm run lint` runs it and `prettier --check`; `npm test` runs lint first.
// TypeScript files get typescript-eslint's type-checked rules (floating and misused promises,
// unsafe `any`, needless assertions) through the project service, which reuses tsconfig.json and
// examples/nextjs/tsconfig.json. Formatting is Prettier's alone (eslint-config-prettier turns off
// the rules it owns).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import storybook from 'eslint-plugin-storybook';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.{ts,tsx,mts,cts}'];
const JS = ['**/*.{js,mjs,cjs}'];
/** Playwright specs drive a browser from Node: their `use…` helpers (useStack) are fixtures, not React hooks. */
const NOT_REACT = ['test/e2e/**', 'test/testing/shop/e2e/**'];
/** A leading underscore marks a binding that is unused on purpose (a callback's first parameter, a rest sibling). */
const UNUSED = {
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrorsIgnorePattern: '^_',
  destructuredArrayIgnorePattern: '^_',
  ignoreRestSiblings: true,
};

export default defineConfig(
  globalIgnores([
    '**/dist/',
    'storybook-static/',
    'examples/nextjs/.next*/',
    'examples/nextjs/next-env.d.ts',
    '**/node_modules/',
    'test-results/',
    'artifacts/',
    '.tmp/',
    '**/__screenshots__/',
    '.vitest-attachments/',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' },
  },
  js.configs.recommended,
  {
    files: TS,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Callbacks are declared in method shorthand (`onSuccess(outcome): void`) and destructured from
      // props and hook results; nothing here calls them with `this`, so the rule would flag only style.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unused-vars': ['error', UNUSED],
      // Passing on what a `catch` caught (unknown) is fine; rejecting with a made-up non-Error is not.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs,jsx}'],
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // A `let` that a closure declared above reads (a timer to clear, a client made later) stays a
      // `let`: as a `const` further down, an early call would hit its temporal dead zone.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: JS,
    rules: { 'no-unused-vars': ['error', UNUSED] },
  },
  // React: hooks live in .ts files too (src/react/useRequest.ts); JSX only in .tsx.
  {
    files: ['**/*.{ts,tsx}'],
    ignores: NOT_REACT,
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.tsx'],
    extends: [jsxA11y.flatConfigs.recommended],
  },
  // TypeScript checks names in .ts/.tsx (typescript-eslint turns no-undef off there): globals matter
  // only for the .js/.mjs files, which all run in Node (bin, scripts, the storefront's server).
  {
    files: JS,
    languageOptions: { globals: { ...globals.node } },
  },
  // The fakes in tests and stories implement async interfaces with synchronous bodies.
  {
    files: ['test/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Tests feed the kit wrong input on purpose (`as any`) and read untyped JSON bodies.
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  storybook.configs['flat/recommended'],
  prettier,
  // After eslint-config-prettier, which turns max-len off: Prettier wraps code at 160 columns but
  // never comments or strings. Comments are held to 160 here; strings (error messages, test names)
  // stay whole so that they can be searched for.
  {
    rules: {
      'max-len': ['error', { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
    },
  },
);
