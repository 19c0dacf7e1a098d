import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { LOG_LEVEL: 'silent' },
    setupFiles: ['test/setup.ts'],
    // End-to-end tests measure reply times and kill processes: one file at a time keeps them from starving each other
    // on 2 cores.
    fileParallelism: false,
  },
});
