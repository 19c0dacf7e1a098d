import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * Mutation testing (stryker.config.mjs) runs the tests of the pure modules: answer/, corpus/, search/,
 * less the ones that measure more than they check (the quality floors) or drive converters and stores
 * (formats, store, static model): each would rebuild an index for every mutant and add hours.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/answer/**/*.test.ts', 'test/corpus/**/*.test.ts', 'test/search/**/*.test.ts'],
    exclude: [
      'test/answer/quality.test.ts',
      'test/corpus/formats.test.ts',
      'test/search/store.test.ts',
      'test/search/static-model.test.ts',
    ],
  },
});
