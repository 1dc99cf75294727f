/**
 * `fk.js`, the CDN autoloader. It imports, from its own folder, only the widgets present on the
 * page, and watches for widgets added later (single-page apps, CMS previews). No other host is
 * ever contacted: the modules sit next to this file.
 *
 * With the first widget it also imports the SDK, which the widgets import on first use (so that
 * evaluating it is a task of its own): it is fetched beside that widget, not one round trip later.
 *
 * A widget more than a screen's height below the viewport is imported only when the visitor
 * scrolls near it (fk.css keeps its space meanwhile): its code and first render would otherwise
 * compete with what the visitor sees first, for the network and the main thread.
 *
 * @module
 */
const TAGS = ['alliance-directory', 'event-calendar', 'member-map'];
const pending = new Set(TAGS);
let io: IntersectionObserver | undefined;

/** The data layer (the SDK) every widget imports on first use: fetched beside the first widget, not after it. */
let data: Promise<unknown> | undefined;

function importWidget(name: string): void {
  pending.delete(name);
  done();
  data ??= import('./internal/sdk.js').catch(() => undefined); // a failure is the widget's to show
  import(new URL(`./${name}.js`, import.meta.url).href).catch((error: unknown) => {
    console.warn(`[fachkraefte] could not load <fk-${name}>:`, error);
  });
}

/** Above the viewport, in it, or within a screen's height below it (hidden elements count as near). */
const near = (el: Element): boolean => el.getBoundingClientRect().top < innerHeight * 2;

function load(root: ParentNode): void {
  for (const name of pending) {
    const found = root.querySelectorAll(`fk-${name}`);
    if (customElements.get(`fk-${name}`)) pending.delete(name);
    else if ([...found].some(near)) importWidget(name);
    else {
      for (const el of found) {
        (io ??= new IntersectionObserver((entries) => {
          for (const e of entries) {
            const n = e.target.localName.slice(3);
            if (e.isIntersecting && pending.has(n)) importWidget(n);
          }
        }, { rootMargin: '100% 0px' })).observe(el);
      }
    }
  }
  done();
}

/** Every widget imported: nothing more to watch (a leftover IntersectionObserver callback finds nothing pending). */
function done(): void {
  if (pending.size === 0) observer.disconnect();
}

const observer = new MutationObserver((records) => {
  if (records.some((r) => r.addedNodes.length > 0)) load(document);
});

load(document);
if (pending.size > 0) observer.observe(document.documentElement, { childList: true, subtree: true });
