import { defineConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

// One test file that starts MariaDB, WordPress (php -S), the reference server and Chromium: it
// runs alone, with time for the first start of each.
export default defineConfig({
  ...sharedConfig,
  test: { ...sharedConfig.test, include: ['test/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 300_000 },
});
