import { defineConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

// The app's tests drive real Chromium (playwright-core, /usr/bin/chromium) against the real
// reference server started in-process; the app is built into a temp folder first (test/setup.ts).
export default defineConfig({
  ...sharedConfig,
  // expect.poll waits up to 15 s (default 1 s): a save on a busy 2-core machine can take longer
  // than a second, and a poll that gives up early fails every step after it.
  test: {
    ...sharedConfig.test, include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false,
    expect: { poll: { timeout: 15_000 } },
  },
});
