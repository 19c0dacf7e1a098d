// Lint rules, run in `npm test` (`npm run lint`): typescript-eslint's strict, type-checked set,
// with numbers and booleans allowed in template strings and `void` on a returned promise
// allowed in arrow shorthands (grammY handlers return what they send); two rules wait for
// noUncheckedIndexedAccess (below).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'models/', 'bench-results/', 'scripts/_*.ts', '**/*.mjs', '**/*.cjs', 'eslint.config.js'] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidOperator: true }],
      '@typescript-eslint/no-meaningless-void-operator': 'off',
      // Without noUncheckedIndexedAccess (not on yet: 289 places to prove) TypeScript types a regex
      // group or an array element as always present, so these two would flag checks that are needed.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Test doubles implement async interfaces without awaiting anything.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/require-await': 'off' } },
);
