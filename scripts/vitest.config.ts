import { defineConfig } from 'vitest/config';
import { sharedConfig } from '../vitest.shared.js';

// The repository's own scripts: the incremental build, the CDN release tarball (served by nginx,
// loaded in Chromium), the npm packages as packed. They build what they need (scripts/build.mjs
// skips what is up to date), so the first run on a fresh checkout takes minutes.
export default defineConfig({
  ...sharedConfig,
  test: { ...sharedConfig.test, name: 'scripts', include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 600_000 },
});
