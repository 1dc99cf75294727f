import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

// The SDK's tests start the real reference server in-process. `@fachkraefte/server` is not a
// dependency of the SDK (it must not be one for users), so the tests resolve it to its source.
const serverEntry = fileURLToPath(new URL('../server/src/index.ts', import.meta.url));

export default mergeConfig(sharedConfig, {
  resolve: { alias: { '@fachkraefte/server': serverEntry } },
  test: {
    typecheck: {
      enabled: true,
      include: ['src/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts', 'src/**/*.test-d.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 95, statements: 95, functions: 95, branches: 85 },
    },
  },
});
