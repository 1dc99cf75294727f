import { defineConfig } from 'tsup';
import { preset } from '../../tsup.preset.mjs';

export default defineConfig(preset({ entry: ['src/index.ts', 'src/openapi.ts', 'src/rrule.ts', 'src/embed.ts'] }));
