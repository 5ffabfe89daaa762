import { defineConfig } from 'vitest/config';

// Browser tests: a real server over a fresh database and Debian's chromium. `npm run e2e` builds dist/web first.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // One more try for a test that fails: antd's CSS motions occasionally end late in headless
    // Chromium on a loaded 2-core machine. A test that fails twice still fails the run.
    retry: 1,
    reporters: ['default'],
  },
});
