/**
 * Mutation testing of a few files against their own tests, in minutes rather than the two hours of the full
 * `npm run test:mutation`:
 *
 *   ONLY_SRC=src/answer/readings.ts ONLY_TESTS=test/answer/readings.test.ts \
 *     npx stryker run scripts/mutation/one-file.stryker.mjs
 *
 * Only the named tests run, so the score is a floor of what the full run gives the file (other tests may notice
 * more). Not incremental; the report goes to reports/mutation/one-file.json.
 */
import base from '../../stryker.config.mjs';

export default {
  ...base,
  mutate: (process.env.ONLY_SRC ?? '').split(',').filter(Boolean),
  vitest: { configFile: 'scripts/mutation/one-file.vitest.ts' },
  jsonReporter: { fileName: 'reports/mutation/one-file.json' },
  incremental: false,
  tempDirName: '.stryker-tmp-one',
  reporters: ['clear-text', 'json'],
};
