/**
 * `fk.js`, the CDN autoloader. It imports, from its own folder, only the widgets present on the
 * page, and watches for widgets added later (single-page apps, CMS previews). No other host is
 * ever contacted: the modules sit next to this file.
 *
 * @module
 */
const TAGS = ['alliance-directory', 'event-calendar', 'member-map'];
const pending = new Set(TAGS);

function load(root: ParentNode): void {
  for (const name of pending) {
    const tag = `fk-${name}`;
    if (customElements.get(tag)) {
      pending.delete(name);
    } else if (root.querySelector(tag)) {
      pending.delete(name);
      import(new URL(`./${name}.js`, import.meta.url).href).catch((error: unknown) => {
        console.warn(`[fachkraefte] could not load <${tag}>:`, error);
      });
    }
  }
  if (pending.size === 0) observer.disconnect();
}

const observer = new MutationObserver((records) => {
  if (records.some((r) => r.addedNodes.length > 0)) load(document);
});

load(document);
if (pending.size > 0) observer.observe(document.documentElement, { childList: true, subtree: true });
