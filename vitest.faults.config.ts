import { defineConfig } from 'vitest/config';

/** `npm run test:faults`: workers killed, the email provider failing, PostgreSQL and Temporal restarted, races,
 * fuzzing. */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    // Each file stops and starts processes and counts every commit and email: one at a time.
    fileParallelism: false,
  },
});
