import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';

/** The test files named in ONLY_TESTS (comma-separated), for scripts/mutation/one-file.stryker.mjs. */
export default defineConfig({
  ...base,
  test: { ...base.test, include: (process.env.ONLY_TESTS ?? '').split(',').filter(Boolean) },
});
