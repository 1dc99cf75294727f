import { defineConfig } from 'tsup';
import { preset } from '../../tsup.preset.mjs';

// Two builds from one preset. ESM keeps its dependencies external (the app's bundler dedupes them).
// CJS must bundle ky: ky ships ESM only, and `require('ky')` fails on Node 20 before 20.19
// ("ky.default.create is not a function" after interop). zod and the schema package ship CJS.
// `clean` is off because both builds write to dist/ at once; the build script empties it first.
export default defineConfig([
  preset({ entry: ['src/index.ts', 'src/admin.ts'], format: ['esm'], platform: 'neutral', clean: false }),
  preset({ entry: ['src/index.ts', 'src/admin.ts'], format: ['cjs'], platform: 'neutral', noExternal: ['ky'], clean: false }),
]);
