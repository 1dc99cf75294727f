import { configDefaults, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

// With FK_TEST_DATABASE_URL set (scripts/test.mjs's second run of this project), every test server
// runs on a fresh PostgreSQL database (test/helpers.ts). Left out of that run: the tests of the
// embedded database's data directory and of the CLI on it (data-dir.test.ts, cli.test.ts), which
// open PGlite data directories whatever the variable says and would only run a second time.
// postgres.test.ts needs the PostgreSQL server and runs in that run only.
const onPostgres = Boolean(process.env.FK_TEST_DATABASE_URL);

export default mergeConfig(sharedConfig, {
  test: {
    exclude: [
      ...configDefaults.exclude,
      ...(onPostgres ? ['test/cli.test.ts', 'test/data-dir.test.ts'] : ['test/postgres.test.ts']),
    ],
  },
});
