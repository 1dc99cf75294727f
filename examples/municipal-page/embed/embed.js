// The iframe pages: each page in this folder holds one widget and nothing else, for a CMS that
// cannot keep a <script> or a custom element but can embed an <iframe>. An external file, not an
// inline script, so the page runs under a strict CSP. It does three things:
//
// 1. As a static copy (the reference server renders this itself, marking <html data-fk-rendered>):
//    copies the query string's options onto the element — only the attributes listed below, the
//    same list as EMBED_OPTIONS in packages/schema/src/embed.ts (a test keeps them equal) — and
//    names the alliance in the title.
// 2. Sets the accent colour (`?accent=%2300607a`) as the widget's custom property, with the text
//    colour on it that contrasts more (black or white).
// 3. Tells the page that frames it how tall the content is, so that the host script
//    (resize.js) can make the iframe exactly as tall: a namespaced message, posted on every change
//    of the content's height and when the host asks.

const ALLOWED = {
  'fk-alliance-directory': ['alliance', 'lang', 'theme', 'history', 'json-ld', 'heading-level', 'page-size'],
  'fk-event-calendar': ['alliance', 'lang', 'theme', 'view', 'month', 'time-zone', 'history', 'json-ld', 'heading-level'],
  'fk-member-map': ['alliance', 'lang', 'theme', 'tiles', 'tiles-attribution', 'remember-consent', 'page-size'],
};
const BOOLEAN = ['history', 'json-ld'];
const HEIGHT = 'fachkraefte:embed-height';
const MEASURE = 'fachkraefte:embed-measure';

const params = new URLSearchParams(location.search);
const root = document.documentElement;
const widget = Object.keys(ALLOWED).map((tag) => document.querySelector(tag)).find(Boolean);

if (widget && !root.hasAttribute('data-fk-rendered')) {
  for (const name of ALLOWED[widget.localName]) {
    const value = params.get(name);
    if (value === null || value.length > 500 || /[\u0000-\u001f]/.test(value)) continue;
    if (BOOLEAN.includes(name)) {
      if (value !== 'false') widget.setAttribute(name, '');
    } else {
      widget.setAttribute(name, value);
    }
  }
  // The page's own language follows the widget's, so the iframe's title and the widget agree.
  const lang = params.get('lang') === 'en' ? 'en' : 'de';
  root.lang = lang;
  nameTheAlliances(widget, lang);
}

/** Puts the alliances' names into the title, as the server does: "Termine: Fachkräfteallianz Südwest". */
async function nameTheAlliances(el, lang) {
  const slugs = (el.getAttribute('alliance') ?? '').split(/[\s,]+/).filter((s) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s)).slice(0, 20);
  if (!slugs.length) return;
  const api = new URL(document.querySelector('meta[name="fachkraefte:api"]')?.content || '../v1', location.href).href.replace(/\/+$/, '');
  const names = [];
  for (const slug of slugs) {
    try {
      const res = await fetch(`${api}/alliances/${slug}`);
      if (res.ok) names.push((await res.json()).name);
    } catch {
      // The widget shows the failure itself; the title stays generic.
    }
  }
  if (!names.length) return;
  const what = {
    de: { 'fk-alliance-directory': '', 'fk-event-calendar': 'Termine', 'fk-member-map': 'Mitglieder auf der Karte' },
    en: { 'fk-alliance-directory': '', 'fk-event-calendar': 'Events', 'fk-member-map': 'Members on the map' },
  }[lang][el.localName];
  document.title = what && !(el.localName === 'fk-alliance-directory' && names.length === 1) ? `${what}: ${names.join(', ')}` : names.join(', ');
}

// 2. The accent colour: six hex digits only, set through the CSSOM (allowed under a strict CSP,
// unlike a style attribute).
const accent = params.get('accent');
if (widget && accent && /^#[0-9a-f]{6}$/i.test(accent)) {
  const channel = (i) => {
    const c = parseInt(accent.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const lum = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  widget.style.setProperty('--fk-color-accent', accent);
  widget.style.setProperty('--fk-color-focus', accent);
  // White text on the accent, unless black contrasts more (the WCAG contrast ratio of each).
  widget.style.setProperty('--fk-color-accent-contrast', 1.05 / (lum + 0.05) >= (lum + 0.05) / 0.05 ? '#ffffff' : '#000000');
}

// 3. The height, for the host script. Only when framed; the height is no secret, so any parent
// may read it ('*'), but the host script accepts it only from this frame's window and origin.
if (window.parent !== window) {
  let last = -1;
  const post = (force) => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last && !force) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT, height }, '*');
  };
  new ResizeObserver(() => post(false)).observe(document.body);
  window.addEventListener('message', (e) => {
    if (e.source === window.parent && e.data && e.data.type === MEASURE) post(true);
  });
}
