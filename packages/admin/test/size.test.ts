/**
 * The size budget of the Verwaltung, as part of `pnpm test`, like the widgets' (packages/widgets/
 * test/size.test.ts): the app built as the server ships it (scripts/build.mjs: one script, one
 * style sheet, index.html), and what a coordinator's browser downloads before the sign-in form
 * works, compressed as the server sends it (gzip -9, brotli 11: packages/server serves /verwaltung/
 * precompressed or compressed on the fly).
 *
 * The ceilings, in KiB (1,024 bytes), were set a little above the size on 29 Nov 2026 (gzip
 * 64.2 KiB, brotli 56.2 KiB, 192 KiB minified, after the profile's list editor and the shared
 * organisations): about 4 KiB of headroom, as another branch of the app (the event form) was in
 * flight at the same time. Lower them whenever a change makes room; raise them only with a reason
 * in the commit. The app is no public page (noindex, people who sign in to work), which is why it
 * may weigh more than a widget, but not without anyone noticing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { buildAdmin } from '../scripts/build.mjs';

const BUDGET_KIB = { gzip: 68, brotli: 60 } as const;

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

describe('the Verwaltung\'s initial download', () => {
  it('is what index.html loads: one script and one style sheet, nothing else', () => {
    const html = readFileSync(join(first.dir, 'index.html'), 'utf8');
    const loads = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(loads.sort()).toEqual([`assets/${first.css}`, `assets/${first.js}`, 'favicon.svg'].sort());
    // No chunk is loaded later either: the build does not split.
    expect(readdirSync(join(first.dir, 'assets')).sort()).toEqual([first.css, first.js].sort());
    expect(readFileSync(join(first.dir, 'assets', first.js), 'utf8')).not.toMatch(/import\(["']\.\//);
  });

  it('stays within its budget, gzip and brotli', () => {
    const files = ['index.html', `assets/${first.js}`, `assets/${first.css}`].map((f) => readFileSync(join(first.dir, f)));
    const size = { min: files.reduce((s, b) => s + b.length, 0), gzip: files.reduce((s, b) => s + gzip(b), 0), brotli: files.reduce((s, b) => s + brotli(b), 0) };
    const report = `Verwaltung: ${kib(size.min)} minified, ${kib(size.gzip)} gzip, ${kib(size.brotli)} brotli; budget ${BUDGET_KIB.gzip} / ${BUDGET_KIB.brotli} KiB`;
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
