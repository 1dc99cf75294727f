// The embed builder's outputs as pure functions (src/builder/code.ts): the cases the Chromium
// tests do not reach with the demo data (a website as fallback, hosts on three origins, hostile
// values, no embed pages), and the contrast arithmetic against WCAG's published reference values.
import { describe, expect, it } from 'vitest';
import { type BuilderState, cspText, fallbackLinks, iframeSnippet, shortcode, snippetCode } from '../src/builder/code.js';
import { checkAccent, contrastRatio, formatRatio, normalizeHex } from '../src/builder/contrast.js';

const base: BuilderState = {
  widget: 'alliance-directory',
  alliances: [],
  options: {},
  accent: null,
  accentText: '#ffffff',
  api: 'https://daten.example.de/v1',
  cdn: 'https://www.example.de/cdn/',
  embed: 'https://widgets.example.net/embed/',
  fallback: '',
};
const suedwest = { slug: 'fachkraefteallianz-suedwest', name: 'Fachkräfteallianz Südwest', website: 'https://www.example.org/suedwest' };
const ludwigsburg = { slug: 'fachkraefteallianz-landkreis-ludwigsburg', name: 'Fachkräfteallianz Landkreis Ludwigsburg', website: null };

describe('builder outputs', () => {
  it('links the directory of one alliance to its website, without one to its data', () => {
    expect(fallbackLinks({ ...base, alliances: [suedwest] }, 'de')).toEqual([{ href: 'https://www.example.org/suedwest', text: 'Fachkräfteallianz Südwest' }]);
    expect(fallbackLinks({ ...base, alliances: [ludwigsburg] }, 'en')).toEqual([
      { href: 'https://daten.example.de/v1/alliances/fachkraefteallianz-landkreis-ludwigsburg', text: 'Fachkräfteallianz Landkreis Ludwigsburg (data as JSON)' },
    ]);
    // A page of the site, when given, wins.
    expect(fallbackLinks({ ...base, widget: 'event-calendar', alliances: [suedwest], fallback: 'https://www.example.de/termine' }, 'de'))
      .toEqual([{ href: 'https://www.example.de/termine', text: 'Termine: Fachkräfteallianz Südwest' }]);
  });

  it('lists one link per alliance in the map\'s fallback', () => {
    const code = snippetCode({ ...base, widget: 'member-map', alliances: [suedwest, ludwigsburg] });
    expect(code.split('\n').slice(4)).toEqual([
      '<fk-member-map alliance="fachkraefteallianz-suedwest,fachkraefteallianz-landkreis-ludwigsburg">',
      '  <ul>',
      '    <li><a href="https://daten.example.de/v1/alliances/fachkraefteallianz-suedwest/members.geojson">Mitglieder: Fachkräfteallianz Südwest (GeoJSON)</a></li>',
      '    <li><a href="https://daten.example.de/v1/alliances/fachkraefteallianz-landkreis-ludwigsburg/members.geojson">Mitglieder: Fachkräfteallianz Landkreis Ludwigsburg (GeoJSON)</a></li>',
      '  </ul>',
      '</fk-member-map>',
    ]);
  });

  it('names each host in the CSP once, in the directive that needs it', () => {
    expect(cspText({ ...base, widget: 'member-map', alliances: [suedwest] })).toBe([
      "script-src 'self' https://www.example.de https://widgets.example.net;",
      "style-src 'self' https://www.example.de;",
      "connect-src 'self' https://daten.example.de;",
      "img-src 'self' data: https://sgx.geodatenzentrum.de;",
      'frame-src https://widgets.example.net;',
    ].join('\n'));
    // Without embed pages: no frame-src, no resize script.
    expect(cspText({ ...base, embed: '' })).toBe("script-src 'self' https://www.example.de;\nstyle-src 'self' https://www.example.de;\nconnect-src 'self' https://daten.example.de;");
    expect(iframeSnippet({ ...base, embed: '' })).toBe('');
    // Tiles on the site's own host (a relative template): nothing beyond 'self'.
    expect(cspText({ ...base, widget: 'member-map', options: { tiles: '/tiles/{z}/{x}/{y}.png' } })).toContain("img-src 'self' data:;");
  });

  it('escapes hostile values in every output', () => {
    const hostile = { ...base, widget: 'member-map' as const, alliances: [suedwest], options: { tiles: 'https://t.example/{z}/{x}/{y}.png', 'tiles-attribution': '"><script>alert(1)</script>] [x' } };
    const snippet = snippetCode(hostile);
    expect(snippet).not.toContain('<script>alert');
    expect(snippet).toContain('tiles-attribution="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;] [x"');
    expect(shortcode(hostile)).toBe('[fachkraefte widget="member-map" alliance="fachkraefteallianz-suedwest" tiles="https://t.example/{z}/{x}/{y}.png" tiles-attribution="&quot;><script>alert(1)</script>&#93; &#91;x"]');
    const frame = iframeSnippet(hostile);
    expect(frame).not.toContain('<script>alert');
    expect(frame).toContain('tiles-attribution=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E%5D+%5Bx');
  });

  it('leaves off options a widget does not take, and booleans that are off', () => {
    const s = { ...base, widget: 'member-map' as const, alliances: [suedwest], options: { history: '', view: 'list', 'json-ld': undefined, lang: 'en' } };
    expect(shortcode(s)).toBe('[fachkraefte widget="member-map" alliance="fachkraefteallianz-suedwest" lang="en"]');
  });

  it('writes no accent into the shortcode (the WordPress plugin would refuse it; the CSS rule carries it)', () => {
    const s = { ...base, widget: 'event-calendar' as const, alliances: [suedwest], options: {}, accent: '#00607a' };
    expect(shortcode(s)).toBe('[fachkraefte widget="event-calendar" alliance="fachkraefteallianz-suedwest"]');
  });
});

describe('contrast', () => {
  it('matches WCAG\'s reference values', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([255, 255, 255], [255, 255, 255])).toBe(1);
    expect(contrastRatio([0x76, 0x76, 0x76], [255, 255, 255])).toBeCloseTo(4.54, 2);
    expect(contrastRatio([0x0b, 0x5c, 0xad], [255, 255, 255])).toBeGreaterThan(4.5);
  });

  it('reads colours as people type them, and nothing else', () => {
    expect(normalizeHex('#0B5CAD')).toBe('#0b5cad');
    expect(normalizeHex('  0b5cad ')).toBe('#0b5cad');
    expect(normalizeHex('#abc')).toBe('#aabbcc');
    for (const bad of ['', '#12345', 'red', '#gggggg', 'url(x)', '#0b5cad;color:red']) expect(normalizeHex(bad)).toBeNull();
    expect(checkAccent('#ffff00')).toMatchObject({ text: '#000000' });
    expect(checkAccent('#0b5cad')).toMatchObject({ text: '#ffffff' });
  });

  it('never rounds a failing ratio up to a passing one', () => {
    expect(formatRatio(4.499, 'de')).toBe('4,4 : 1');
    expect(formatRatio(4.5, 'en')).toBe('4.5 : 1');
    expect(formatRatio(21, 'de')).toBe('21,0 : 1');
  });
});

describe('builder language', () => {
  it('titles the iframe in the widget\'s language, German unless it speaks English', () => {
    const s = { ...base, widget: 'event-calendar' as const, alliances: [suedwest] };
    expect(iframeSnippet(s)).toContain('title="Termine: Fachkräfteallianz Südwest"');
    expect(iframeSnippet({ ...s, options: { lang: 'en' } })).toContain('title="Events: Fachkräfteallianz Südwest"');
  });
});
