// Empties dist/ before a build (tsup's own `clean` would let the two builds delete each other's output).
import { rmSync } from 'node:fs';
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
