import { defineConfig } from 'vitest/config';

// Browser tests: one Chromium at a time, generous timeouts (software WebGL on 2 cores).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
