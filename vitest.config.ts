import { defineConfig } from 'vitest/config';

// One vitest run over every package that tests with vitest (the widgets test in Chromium with
// @web/test-runner; vitest runs only their Node-side checks, the size budgets). Each project
// keeps its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['packages/schema', 'packages/server', 'packages/sdk', 'packages/widgets', 'packages/admin', 'scripts', 'packages/wordpress-plugin'],
  },
});
