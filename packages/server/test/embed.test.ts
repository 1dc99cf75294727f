// The iframe pages (/embed/*.html, rendered with the query's options, the alliance's name and the
// oEmbed discovery link), /oembed, and the embed builder's page at /einbinden/ — against the real
// server with the demo page's folder and a CDN folder holding the builder page.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMBED_HEIGHTS, EMBED_OPTIONS } from '@fachkraefte/schema/embed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoInternals, expectProblem, LUDWIGSBURG, request, startTestServer, SUEDWEST, type TestServer } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SITE = join(ROOT, 'examples/municipal-page');

let t: TestServer;
let bare: TestServer;
let tmp: string;
let base: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'fk-embed-'));
  const cdn = join(tmp, 'cdn');
  mkdirSync(join(cdn, 'einbinden'), { recursive: true });
  // The builder page as shipped (its defaults relative to the CDN folder), and one asset.
  writeFileSync(join(cdn, 'einbinden', 'index.html'), readFileSync(join(ROOT, 'packages/widgets/static/einbinden/index.html')));
  writeFileSync(join(cdn, 'einbinden', 'builder.css'), 'main{}');
  writeFileSync(join(cdn, 'fk.js'), '');
  t = await startTestServer(['seed'], { siteDir: SITE, cdnDir: cdn });
  base = t.srv.url;
  // A server without the demo folder: it has no embed pages to describe.
  bare = await startTestServer(['seed']);
});
afterAll(async () => {
  await t.srv.close();
  await bare.srv.close();
  rmSync(tmp, { recursive: true, force: true });
});

const oembed = (url: string, extra = '') => request(base, `/oembed?url=${encodeURIComponent(url)}${extra}`);

describe('embed pages', () => {
  it('render the title from the alliance, lang, the allow-listed options and the discovery link', async () => {
    const res = await request(base, `/embed/event-calendar.html?alliance=${SUEDWEST}&lang=en&view=list&history=true&json-ld=false&api=https://evil.example/v1&onload=alert(1)`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.text).toContain('<html lang="en" data-fk-rendered');
    expect(res.text).toContain('<title>Events: Fachkräfteallianz Südwest</title>');
    expect(res.text).toContain(`<fk-event-calendar alliance="${SUEDWEST}" lang="en" view="list" history>`);
    // Not allow-listed: no other API, no event handler; a boolean "false" stays off. (Only the
    // discovery link, which names the page's own URL, carries them, encoded.)
    const outsideLink = res.text.replace(/<link rel="alternate"[^>]*>/, '');
    expect(outsideLink).not.toContain('evil.example');
    expect(outsideLink).not.toContain('onload');
    expect(outsideLink).not.toMatch(/json-ld/);
    const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)">/.exec(res.text);
    expect(link, res.text).not.toBeNull();
    const href = link![1]!.replace(/&amp;/g, '&');
    const discovered = new URL(href);
    expect(discovered.pathname).toBe('/oembed');
    expect(discovered.searchParams.get('format')).toBe('json');
    expect(discovered.searchParams.get('url')).toBe(`${base}/embed/event-calendar.html?alliance=${SUEDWEST}&lang=en&view=list&history=true&json-ld=false&api=https://evil.example/v1&onload=alert(1)`);
    // The discovered endpoint answers.
    const answer = await request(discovered.origin, discovered.pathname + discovered.search);
    expect(answer.status).toBe(200);
    expect(answer.json.title).toBe('Events: Fachkräfteallianz Südwest');
    expect(answer.json.html).toContain(`/embed/event-calendar.html?alliance=${SUEDWEST}&amp;lang=en&amp;view=list&amp;history=true"`);
    expect(answer.json.html).not.toMatch(/evil|onload|json-ld/);
  });

  it('escape what they echo: a hostile value cannot leave its attribute', async () => {
    const hostile = '"><script>alert(1)</script><x y="';
    const res = await request(base, `/embed/member-map.html?alliance=${SUEDWEST}&tiles-attribution=${encodeURIComponent(hostile)}&tiles=${encodeURIComponent('none')}`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.text).toContain('tiles-attribution="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;x y=&quot;"');
    expect(res.text).toContain('<title>Mitglieder auf der Karte: Fachkräfteallianz Südwest</title>');
  });

  it('name several alliances, and fall back to a generic title for an unknown one', async () => {
    const two = await request(base, `/embed/member-map.html?alliance=${SUEDWEST},${LUDWIGSBURG}`);
    expect(two.text).toContain('<title>Mitglieder auf der Karte: Fachkräfteallianz Südwest, Fachkräfteallianz Landkreis Ludwigsburg</title>');
    const unknown = await request(base, '/embed/alliance-directory.html?alliance=gibt-es-nicht');
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain('<title>Fachkräfteallianzen</title>');
    // The widget gets the slug and says itself that it does not exist.
    expect(unknown.text).toContain('<fk-alliance-directory alliance="gibt-es-nicht">');
    const one = await request(base, `/embed/alliance-directory.html?alliance=${SUEDWEST}`);
    expect(one.text).toContain('<title>Fachkräfteallianz Südwest</title>');
  });

  it('drop huge values and control characters', async () => {
    const res = await request(base, `/embed/alliance-directory.html?alliance=${'a'.repeat(600)}&heading-level=3%0a`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<fk-alliance-directory>');
  });

  it('refer to their assets relatively, so the folder works under any path prefix', async () => {
    for (const name of ['alliance-directory', 'event-calendar', 'member-map']) {
      const res = await request(base, `/embed/${name}.html`);
      expect(res.status).toBe(200);
      const urls = [...res.text.matchAll(/(?:src|href|content)="([^"]*)"/g)].map((m) => m[1]!)
        .filter((u) => !u.startsWith('http') && !/^width=/.test(u) && !u.startsWith('../oembed'));
      for (const u of urls) expect(u.startsWith('/'), `${name}: ${u}`).toBe(false);
      expect(res.text).toContain('src="../cdn/fk.js"');
      expect(res.text).toContain('<meta name="fachkraefte:api" content="../v1">');
    }
    // The host script stays within its 1 KB budget.
    const script = await request(base, '/embed/resize.js');
    expect(script.status).toBe(200);
    expect(Buffer.byteLength(script.text)).toBeLessThanOrEqual(1024);
  });

  it('embed.js passes on exactly the options of the shared table', () => {
    const source = readFileSync(join(SITE, 'embed/embed.js'), 'utf8');
    const table = /const ALLOWED = (\{[\s\S]*?\n\});/.exec(source);
    expect(table).not.toBeNull();
    const allowed = JSON.parse(table![1]!.replace(/'/g, '"').replace(/,(\s*[\]}])/g, '$1')) as Record<string, string[]>;
    for (const [widget, options] of Object.entries(EMBED_OPTIONS)) {
      expect([...allowed[`fk-${widget}`]!].sort()).toEqual(options.map((o) => o.name).sort());
    }
  });
});

describe('/oembed', () => {
  it('answers type rich with the iframe code, size, title and provider', async () => {
    const page = `${base}/embed/event-calendar.html?alliance=${SUEDWEST}&lang=en&view=list&accent=%2300607a&foo=bar`;
    const res = await oembed(page, '&format=json');
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.json).toMatchObject({
      version: '1.0', type: 'rich', title: 'Events: Fachkräfteallianz Südwest',
      provider_name: 'Fachkräfteallianzen', provider_url: `${base}/`,
      width: 800, height: EMBED_HEIGHTS['event-calendar'],
    });
    const src = `${base}/embed/event-calendar.html?alliance=${SUEDWEST}&amp;lang=en&amp;view=list&amp;accent=%2300607a`;
    expect(res.json.html).toBe(
      `<iframe src="${src}" title="Events: Fachkräfteallianz Südwest" width="100%" height="${EMBED_HEIGHTS['event-calendar']}" loading="lazy"></iframe>\n` +
      `<script src="${base}/embed/resize.js" async></script>`,
    );
  });

  it('defaults to json and honours maxwidth and maxheight', async () => {
    const res = await oembed(`${base}/embed/member-map.html?alliance=${SUEDWEST}`, '&maxwidth=320&maxheight=400');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ width: 320, height: 400, title: 'Mitglieder auf der Karte: Fachkräfteallianz Südwest' });
    expect(res.json.html).toContain('height="400"');
    const directory = await oembed(`${base}/embed/alliance-directory.html`);
    expect(directory.json.title).toBe('Fachkräfteallianzen');
  });

  it('501 for format=xml, 400 for another format', async () => {
    expectProblem(await oembed(`${base}/embed/member-map.html?alliance=${SUEDWEST}`, '&format=xml'), 501);
    expectProblem(await oembed(`${base}/embed/member-map.html?alliance=${SUEDWEST}`, '&format=yaml'), 400, ['format']);
  });

  it('404 for URLs that are not this server\'s embed pages', async () => {
    for (const url of [
      `https://evil.example/embed/event-calendar.html?alliance=${SUEDWEST}`,
      `${base.replace('127.0.0.1', 'localhost')}/embed/event-calendar.html`,
      `${base}/index.html`,
      `${base}/embed/embed.js`,
      `${base}/embed/other-widget.html`,
      `${base}/v1/alliances`,
      `${base}/embed/event-calendar.html/../../v1/keys`,
    ]) {
      const res = await oembed(url);
      expectProblem(res, 404);
      expectNoInternals(res);
    }
    // An alliance this server does not have: nothing to embed.
    expectProblem(await oembed(`${base}/embed/member-map.html?alliance=gibt-es-nicht`), 404);
    // A server without embed pages has nothing to describe.
    const none = await request(bare.srv.url, `/oembed?url=${encodeURIComponent(`${bare.srv.url}/embed/event-calendar.html`)}`);
    expectProblem(none, 404);
  });

  it('400 with the parameter named for missing, malformed and huge input', async () => {
    expectProblem(await request(base, '/oembed'), 400, ['url']);
    expectProblem(await request(base, '/oembed?url='), 400, ['url']);
    expectProblem(await oembed('/embed/event-calendar.html'), 400, ['url']);
    expectProblem(await oembed('javascript:alert(1)'), 400, ['url']);
    expectProblem(await oembed(`${base}/embed/event-calendar.html?x=${'a'.repeat(5000)}`), 400, ['url']);
    expectProblem(await oembed(`${base}/embed/event-calendar.html`, '&maxwidth=-3'), 400, ['maxwidth']);
    expectProblem(await oembed(`${base}/embed/event-calendar.html`, '&maxheight=abc'), 400, ['maxheight']);
    const post = await request(base, '/oembed', { method: 'POST' });
    expect(post.status).toBe(405);
  });
});

describe('/einbinden/', () => {
  it('serves the builder with this server\'s addresses as defaults, under the strict policy', async () => {
    const res = await request(base, '/einbinden/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<meta name="fachkraefte:api" content="/v1">');
    expect(res.text).toContain('<meta name="fachkraefte:cdn" content="/cdn/">');
    expect(res.text).toContain('<meta name="fachkraefte:embed" content="/embed/">');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const css = await request(base, '/einbinden/builder.css');
    expect(css.status).toBe(200);
    const redirect = await fetch(`${base}/einbinden`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/einbinden/');
    // The same file in the CDN folder keeps its relative defaults, for a static copy.
    const statik = await request(base, '/cdn/einbinden/index.html');
    expect(statik.text).toContain('<meta name="fachkraefte:cdn" content="../">');
  });
});
