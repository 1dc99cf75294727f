// Vitest settings every package shares: workspace packages resolve each other's src/ through the
// "@fachkraefte/source" export condition, so tests never need a prior build.
import { defineConfig } from 'vitest/config';

export const sharedConfig = defineConfig({
  resolve: { conditions: ['@fachkraefte/source'] },
  ssr: { resolve: { conditions: ['@fachkraefte/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
