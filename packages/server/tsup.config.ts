import { defineConfig } from 'tsup';
import { preset } from '../../tsup.preset.mjs';

// The server runs on Node only: ESM, with the workspace schema package bundled in so that
// `node dist/cli.js` needs no build of its own dependencies.
export default defineConfig(preset({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  dts: { entry: 'src/index.ts' },
  noExternal: ['@fachkraefte/schema'],
  esbuildOptions(options) {
    options.conditions = ['@fachkraefte/source'];
  },
}));
