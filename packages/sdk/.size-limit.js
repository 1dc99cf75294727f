// The size budget of the browser ESM build, checked by `pnpm size` (which builds first, so a
// stale dist/ cannot pass). `@fachkraefte/schema` is resolved to its sources through the
// workspace condition: its dist/ is built by another package's build and may be out of date,
// and the sources are exactly what a fresh build of it contains.
/** @type {import('size-limit').SizeLimitConfig} */
export default [
  {
    name: 'browser ESM build: the whole SDK with ky, zod/mini and @fachkraefte/schema bundled in',
    path: 'dist/index.js',
    limit: '15 KB',
    gzip: true,
    modifyEsbuildConfig: (config) => ({ ...config, conditions: ['@fachkraefte/source'] }),
  },
];
