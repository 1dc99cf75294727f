import { defineConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

// The widgets' tests run in Chromium with @web/test-runner (src/**/*.test.ts); vitest runs only
// the Node-side checks in test/ (the size budgets, which build the CDN folder in memory). Not
// mergeConfig: it would append this include to the shared one instead of replacing it.
export default defineConfig({
  ...sharedConfig,
  test: { ...sharedConfig.test, include: ['test/**/*.test.ts'], testTimeout: 60_000 },
});
