/**
 * The size budgets, as part of `pnpm test`: the CDN folder and the SDK's browser bundle built in
 * memory from the sources (no prior build), each widget's initial download gzipped and checked
 * against scripts/budgets.mjs. Runs in Node (vitest), not in the browser like the widget tests.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { BUDGETS_KIB } from '../scripts/budgets.mjs';
// @ts-expect-error plain ESM script without types
import { buildCdn, closure, measure } from '../scripts/cdn-sizes.mjs';
// @ts-expect-error plain ESM script without types
import { minifyCss, minifyCssLiterals, trimIndentation } from '../scripts/css-minify.mjs';

type Size = { gzip: number; brotli: number };
const budgets = BUDGETS_KIB as Record<string, number>;
const sizes = (await measure()) as { widgets: Record<string, Size>; autoloader: Size; all: Size; sdk: Size; sdkWithoutOccurrences: Size };
const kib = (n: number) => `${(n / 1024).toFixed(2)} KiB`;

describe('size budgets (initial download, gzip)', () => {
  it.each(['alliance-directory', 'event-calendar', 'member-map'])('<fk-%s> stays within its budget', (name) => {
    const s = sizes.widgets[name]!;
    expect(s.gzip, `${name}: ${kib(s.gzip)} gzip (${kib(s.brotli)} brotli), budget ${budgets[name]} KiB`).toBeLessThanOrEqual(budgets[name]! * 1024);
    // Brotli, reported beside gzip, is smaller: a sanity check of the measurement itself.
    expect(s.brotli).toBeLessThan(s.gzip);
    expect(s.gzip).toBeGreaterThan(10 * 1024);
  });

  it('keeps all three widgets and the autoloader together, and the autoloader alone, within budget', () => {
    expect(sizes.all.gzip, `all three: ${kib(sizes.all.gzip)}`).toBeLessThanOrEqual(budgets.all! * 1024);
    expect(sizes.autoloader.gzip, `fk.js: ${kib(sizes.autoloader.gzip)}`).toBeLessThanOrEqual(budgets.autoloader! * 1024);
    // Shared chunks are counted once: together less than the sum.
    const sum = Object.values(sizes.widgets).reduce((s, w) => s + w.gzip, 0);
    expect(sizes.all.gzip).toBeLessThan(sum);
  });

  it('keeps the SDK browser bundle within budget, and occurrences() out of apps that do not call it', () => {
    expect(sizes.sdkWithoutOccurrences.gzip, `SDK: ${kib(sizes.sdkWithoutOccurrences.gzip)}`).toBeLessThanOrEqual(budgets.sdk! * 1024);
    expect(sizes.sdk.gzip, `SDK, every export: ${kib(sizes.sdk.gzip)}`).toBeLessThanOrEqual(budgets.sdkWithOccurrences! * 1024);
    expect(sizes.sdk.gzip - sizes.sdkWithoutOccurrences.gzip).toBeGreaterThan(1024);
  });

  it('keeps the SDK (zod, the schemas, ky) out of what a widget evaluates before its first render', async () => {
    // The SDK arrives with the widget (fk.js fetches it beside it) but is imported on first use, so
    // that building its schemas is a task of its own, not part of the one that draws the widget.
    const { names, files } = (await buildCdn()) as { names: string[]; files: Map<string, string> };
    const sdk = [...files.keys()].filter((f) => files.get(f)!.includes('$ZodObject'));
    expect(sdk).toHaveLength(1);
    expect(files.get(sdk[0]!)).toContain('afterResponse'); // ky
    for (const name of names) {
      const { files: first, lazy } = closure(files, `${name}.js`) as { files: string[]; lazy: string[] };
      expect(first, name).not.toContain(sdk[0]);
      expect(lazy, name).toContain(sdk[0]);
    }
    expect(files.get('fk.js')).toContain(sdk[0]!.replace(/^chunks\//, ''));
  });

  it('ships no widget code the CDN build did not mean to: no Leaflet in the initial download of the map', async () => {
    const { files } = (await buildCdn()) as { files: Map<string, string> };
    const map = files.get('member-map.js')!;
    expect(map).not.toContain('leaflet-container');
    expect([...files.keys()].some((f) => f.startsWith('chunks/leaflet-view-'))).toBe(true);
  });
});

describe('the CSS minifier of the shipped builds', () => {
  it('drops comments and white space, and keeps what changes meaning', () => {
    expect(minifyCss(`
      /* why */
      .a :focus-visible { outline: 0.1875em solid var(--_focus); }
      @container (min-width: 40em) { .b, .c { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
      [aria-pressed='true'] { content: ''; }
    `)).toBe(".a :focus-visible{outline:0.1875em solid var(--_focus)}@container (min-width:40em){.b,.c{grid-template-columns:repeat(2,minmax(0,1fr))}}[aria-pressed='true']{content:''}");
    expect(minifyCssLiterals('const x = css`:host { ${dark} }\n  .a { color: red; }`;')).toBe('const x = css`:host{${dark}}.a{color:red}`;');
  });

  it('takes the indentation out of the widgets\' sources, and leaves libraries alone', async () => {
    expect(trimIndentation('const a = html`<ul>\n    <li>${b}</li>\n\t</ul>`;\n  const c = "\\n  d";')).toBe('const a = html`<ul>\n<li>${b}</li>\n</ul>`;\nconst c = "\\n  d";');
    // Lit's template literal of white space characters is shipped as written.
    const { files } = (await buildCdn()) as { files: Map<string, string> };
    const lit = [...files.values()].find((f) => f.includes('createPolicy("lit-html"'));
    expect(lit).toContain('`[ \t\n\\f\\r]`');
  });
});
