// Lint rules, run in `npm test` (`npm run lint`): typescript-eslint's strict, type-checked set,
// with numbers and booleans allowed in template strings and `void` on a returned promise
// allowed in arrow shorthands (grammY handlers return what they send); two rules off (below).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'models/',
      'bench-results/',
      'reports/',
      '.stryker-tmp/',
      '.stryker-tmp-one/',
      'scripts/_*.ts',
      '**/*.mjs',
      '**/*.cjs',
      'eslint.config.js',
    ],
  },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidOperator: true },
      ],
      '@typescript-eslint/no-meaningless-void-operator': 'off',
      // tsconfig has noUncheckedIndexedAccess; where an index is proven (typed-array loops over their
      // own length, a regex's required groups) the code says so with `!`, so that rule stays off.
      // no-unnecessary-condition reports 14 guards TypeScript cannot see the need for: a flag flipped
      // by stop() during an await, ctx.t read in the error handler before i18n may have run, parsed JSON.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // A function a newcomer can read in one screen: at most 60 lines in the product code (blank lines and comments count).
  { files: ['src/**/*.ts'], rules: { 'max-lines-per-function': ['error', { max: 60 }] } },
  // Test doubles implement async interfaces without awaiting anything.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/require-await': 'off' } },
);
