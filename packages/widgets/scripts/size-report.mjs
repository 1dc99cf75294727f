// What a page downloads, per widget, from the CDN folder: the entry file plus every chunk it
// imports statically (recursively), each gzipped as a server would send it. Chunks loaded with
// import() (English texts, Leaflet, optional features) are listed apart. Run after `pnpm build`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dir = new URL('../dist/cdn/', import.meta.url);
const gz = (file) => gzipSync(readFileSync(new URL(file, dir)), { level: 9 }).length;
const STATIC = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.\/[^"']+)["']/g;
const DYNAMIC = /import\(\s*["'](\.\/[^"']+)["']\s*\)/g;

function resolve(from, spec) {
  return new URL(spec, new URL(from, dir)).href.slice(dir.href.length);
}

function closure(entry) {
  const seen = new Set();
  const lazy = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(new URL(file, dir), 'utf8');
    for (const m of text.matchAll(STATIC)) visit(resolve(file, m[1]));
    for (const m of text.matchAll(DYNAMIC)) lazy.add(resolve(file, m[1]));
  };
  visit(entry);
  return { files: seen, lazy: [...lazy].filter((f) => !seen.has(f)) };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const all = new Set(['fk.js']);
for (const name of ['alliance-directory', 'event-calendar', 'member-map']) {
  const { files, lazy } = closure(`${name}.js`);
  for (const f of files) all.add(f);
  const total = [...files].reduce((sum, f) => sum + gz(f), 0);
  console.log(`${name.padEnd(20)} initial ${kb(total).padStart(8)} (${files.size} files)   lazy: ${lazy.map((f) => `${f.replace('chunks/', '')} ${kb(gz(f))}`).join(', ') || '–'}`);
}
console.log(`${'fk.js'.padEnd(20)} ${kb(gz('fk.js')).padStart(16)}`);
console.log(`${'all three + fk.js'.padEnd(20)} initial ${kb([...all].reduce((s, f) => s + gz(f), 0)).padStart(8)} (${all.size} files, shared chunks counted once)`);
