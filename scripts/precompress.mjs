#!/usr/bin/env node
// Writes `.br` (brotli, quality 11) and `.gz` (gzip -9) beside every text file of the widgets' CDN
// folder, once at build time: the server sends them as they are (serveStatic's `precompressed`), and
// a plain web server can too (nginx `brotli_static`/`gzip_static`, Apache with mod_rewrite).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const dir = process.argv[2] ?? join(root, 'packages/widgets/dist/cdn');
const TEXT = /\.(?:js|mjs|css|json|html|svg|txt|map)$/;

let files = 0;
let before = 0;
let after = 0;
function walk(path) {
  for (const name of readdirSync(path)) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (TEXT.test(name)) {
      const body = readFileSync(full);
      const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
      writeFileSync(`${full}.br`, br);
      writeFileSync(`${full}.gz`, gzipSync(body, { level: 9 }));
      files++;
      before += body.length;
      after += br.length;
    }
  }
}
try {
  walk(dir);
} catch (error) {
  console.error(`precompress: cannot read ${dir} (${error.message}); build the widgets first`);
  process.exit(1);
}
console.log(`precompress: ${files} files in ${dir}, ${(before / 1024).toFixed(1)} KB → ${(after / 1024).toFixed(1)} KB brotli`);
