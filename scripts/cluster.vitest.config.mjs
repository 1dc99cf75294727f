// The cluster test (scripts/cluster.test.mjs) apart from the packages' projects: it needs nginx and a
// PostgreSQL server (FK_TEST_DATABASE_URL), which .ci/run installs and starts; scripts/test.mjs runs
// it in a block of its own and adds its counts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/cluster.test.mjs'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
