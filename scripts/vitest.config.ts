import { defineConfig } from 'vitest/config';
import { sharedConfig } from '../vitest.shared.js';

// The repository's own scripts: the incremental build, the CDN release tarball (served by nginx,
// loaded in Chromium), the npm packages as packed. They build what they need (scripts/build.mjs
// skips what is up to date), so the first run on a fresh checkout takes minutes. One file at a
// time: two builds of the same package at once would write over each other's dist/.
export default defineConfig({
  ...sharedConfig,
  test: { ...sharedConfig.test, name: 'scripts', include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 900_000, fileParallelism: false },
});
