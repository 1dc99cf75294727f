// The iframe fallback: each page in this folder holds one widget and nothing else, for a CMS that
// cannot keep a <script> or a custom element but can embed an <iframe>. The page is configured by
// its query string (`?alliance=fachkraefteallianz-suedwest&lang=en`), read here and copied onto the
// element. An external file, not an inline script, so the page runs under a strict CSP; only the
// attributes below are copied, so the query string cannot set anything else.
const ALLOWED = {
  'fk-alliance-directory': ['alliance', 'lang', 'theme', 'heading-level', 'page-size', 'history', 'json-ld'],
  'fk-event-calendar': ['alliance', 'lang', 'theme', 'heading-level', 'view', 'month', 'time-zone', 'history'],
  'fk-member-map': ['alliance', 'lang', 'theme', 'page-size', 'tiles', 'tiles-attribution'],
};
const params = new URLSearchParams(location.search);
for (const [tag, names] of Object.entries(ALLOWED)) {
  for (const el of document.querySelectorAll(tag)) {
    for (const name of names) {
      const value = params.get(name);
      if (value !== null) el.setAttribute(name, value);
    }
  }
}
// The page's own language follows the widget's, so the iframe's title and the widget agree.
const lang = params.get('lang');
if (lang === 'de' || lang === 'en') document.documentElement.lang = lang;
