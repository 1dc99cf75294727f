// The one build preset every package's tsup.config.ts starts from (TanStack's getTsupConfig).
/** @param {import('tsup').Options} overrides */
export function preset(overrides = {}) {
  return {
    format: ['esm', 'cjs'],
    target: 'es2022',
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    splitting: false,
    ...overrides,
  };
}
