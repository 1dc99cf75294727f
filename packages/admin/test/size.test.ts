/**
 * The size budget of the Verwaltung, as part of `pnpm test`, like the widgets' (packages/widgets/
 * test/size.test.ts): the app built as the server ships it (scripts/build.mjs: one script, one
 * style sheet, index.html), and what a coordinator's browser downloads before the sign-in form
 * works, compressed as the server sends it (gzip -9, brotli 11: packages/server serves /verwaltung/
 * precompressed or compressed on the fly).
 *
 * The ceilings, in KiB (1,024 bytes), were set a little above the size on 29 Nov 2026 (gzip
 * 65.4 KiB, brotli 57.1 KiB, 205 KiB minified, after the profile's list editor and the shared
 * organisations; main had 57.8 / 50.9 / 181): 2.6 / 2.9 KiB of headroom. Lower them whenever a
 * change makes room; raise them only with a reason in the commit. What a view needs only sometimes
 * (a preview, a map) can be loaded with import(): the build splits it into a chunk of its own,
 * which is listed here but not counted. The app is no public page (noindex, people who sign in to
 * work), which is why it may weigh more than a widget, but not without anyone noticing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { buildAdmin } from '../scripts/build.mjs';

// Raised from 68 / 60 with the event form's preview (<fk-event-preview>, the calendar's own code):
// the preview itself is loaded when a form opens, but what it shares with the app (lit, the SDK's
// read side, the widgets' base) goes into chunks the app loads at once: 73.9 / 64.4 KiB on 29 Nov 2026.
const BUDGET_KIB = { gzip: 76, brotli: 66 } as const;

const gzip = (b: Buffer) => gzipSync(b, { level: 9 }).length;
const brotli = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

const dirs: string[] = [];
async function build() {
  const dir = mkdtempSync(join(tmpdir(), 'fk-admin-size-'));
  dirs.push(dir);
  const out = (await buildAdmin(dir)) as { js: string; css: string };
  return { dir, ...out };
}

let first: { dir: string; js: string; css: string };
beforeAll(async () => {
  first = await build();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const STATIC = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.\/[^"']+)["']/g;
const DYNAMIC = /import\(\s*["'](\.\/[^"']+)["']\s*\)/g;

/** The script and every chunk it imports statically (what runs before the app does); chunks it may import() later apart. */
function closure(dir: string, entry: string): { initial: string[]; lazy: string[] } {
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(dir, 'assets', file), 'utf8');
    for (const m of text.matchAll(STATIC)) visit(m[1]!.slice(2));
    for (const m of text.matchAll(DYNAMIC)) lazy.add(m[1]!.slice(2));
  };
  visit(entry);
  // What a lazy chunk imports (statically or later) is lazy too, unless the app has it already.
  const later = new Set<string>();
  const visitLater = (file: string) => {
    if (seen.has(file) || later.has(file)) return;
    later.add(file);
    const text = readFileSync(join(dir, 'assets', file), 'utf8');
    for (const m of [...text.matchAll(STATIC), ...text.matchAll(DYNAMIC)]) visitLater(m[1]!.slice(2));
  };
  for (const f of lazy) visitLater(f);
  return { initial: [...seen], lazy: [...later] };
}

describe('the Verwaltung\'s initial download', () => {
  it('counts what index.html loads: the style sheet, the script and the chunks it imports', () => {
    const html = readFileSync(join(first.dir, 'index.html'), 'utf8');
    const loads = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(loads.sort()).toEqual([`assets/${first.css}`, `assets/${first.js}`, 'favicon.svg'].sort());
    const { initial, lazy } = closure(first.dir, first.js);
    // Every file of the build is either downloaded at once or loaded by a view later: none is forgotten.
    expect(readdirSync(join(first.dir, 'assets')).sort()).toEqual([first.css, ...initial, ...lazy].sort());
  });

  it('stays within its budget, gzip and brotli', () => {
    const { initial, lazy } = closure(first.dir, first.js);
    const read = (f: string) => readFileSync(join(first.dir, f));
    const files = ['index.html', `assets/${first.css}`, ...initial.map((f) => `assets/${f}`)].map(read);
    const size = { min: files.reduce((s, b) => s + b.length, 0), gzip: files.reduce((s, b) => s + gzip(b), 0), brotli: files.reduce((s, b) => s + brotli(b), 0) };
    const later = lazy.map((f) => `${f} ${kib(gzip(read(`assets/${f}`)))}`).join(', ') || 'none';
    const report = `Verwaltung: ${kib(size.min)} minified, ${kib(size.gzip)} gzip, ${kib(size.brotli)} brotli (${initial.length} script file(s); loaded later: ${later}); budget ${BUDGET_KIB.gzip} / ${BUDGET_KIB.brotli} KiB`;
    console.log(report);
    expect(size.gzip, report).toBeLessThanOrEqual(BUDGET_KIB.gzip * 1024);
    expect(size.brotli, report).toBeLessThanOrEqual(BUDGET_KIB.brotli * 1024);
    // A measurement that measured nothing would pass every budget.
    expect(size.gzip).toBeGreaterThan(30 * 1024);
    expect(size.brotli).toBeLessThan(size.gzip);
  });

  it('is deterministic: the same sources build the same files', async () => {
    const second = await build();
    expect(second.js).toBe(first.js);
    expect(second.css).toBe(first.css);
    expect(readFileSync(join(second.dir, 'assets', second.js))).toEqual(readFileSync(join(first.dir, 'assets', first.js)));
  });
});
