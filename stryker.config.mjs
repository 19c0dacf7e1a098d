/**
 * `npm run test:mutation`: mutation testing of the pure modules (answer/, corpus/, the search
 * scoring), not part of `npm test`. Stryker changes one thing in the source at a time (a
 * condition, an operator, a constant) and runs the tests that cover it; a change no test
 * notices "survives". scripts/mutation-scores.ts prints the score per folder afterwards.
 * The first run takes long on 2 cores; later runs reuse the results of unchanged code
 * (incremental file under reports/mutation/).
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/answer/**/*.ts',
    'src/corpus/**/*.ts',
    // The two converters that only call a library (unpdf, mammoth) are I/O, not logic.
    '!src/corpus/formats/docx.ts',
    '!src/corpus/formats/pdf.ts',
    'src/search/bm25.ts',
    'src/search/concept.ts',
    'src/search/vocabulary.ts',
  ],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  thresholds: { high: 80, low: 70, break: null },
};
