/**
 * The embed builder (`/einbinden/`): a form in plain HTML (index.html) and this script, which
 * lists the alliances by name from the API, shows the real widget as a live preview and writes
 * the code to copy.
 *
 * Plain DOM, not Lit: the builder is one page, not a reusable component. Its form is static HTML
 * in the light DOM, readable before the script runs, with native labels, fieldsets and controls
 * that browsers, screen readers, autofill and axe understand without a shadow boundary; the
 * script only fills in lists and outputs. It stays a small bundle of its own (no Lit copy
 * beside the one the preview's widgets load from the CDN folder).
 *
 * @module
 */
import { EMBED_OPTIONS, EMBED_WIDGETS, type EmbedWidget, isValidEmbedValue } from '@fachkraefte/schema/embed';
import {
  accentCss, type AllianceRef, type BuilderState, cspDirectives, cspText, elementAttributes, iframeSnippet, shortcode, snippetCode,
} from './code.js';
import { AA, checkAccent, formatRatio } from './contrast.js';
import { TEXTS, type TextKey, type UiLang } from './i18n.js';

/** The widgets' own accent colour (tokens of the widgets' styles). */
const DEFAULT_ACCENT = '#0b5cad';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('builder');

let lang: UiLang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'de';
let alliances: AllianceRef[] = [];
const t = () => TEXTS[lang];

/** A `<meta name="fachkraefte:…">` default, resolved against the page; `?name=` overrides it. */
function address(name: 'api' | 'cdn' | 'embed'): string {
  const raw = new URLSearchParams(location.search).get(name) ?? document.querySelector<HTMLMetaElement>(`meta[name="fachkraefte:${name}"]`)?.content ?? '';
  if (!raw.trim()) return '';
  try {
    return new URL(raw, location.href).href;
  } catch {
    return raw;
  }
}

const withSlash = (u: string) => (u && !u.endsWith('/') ? `${u}/` : u);
const withoutSlash = (u: string) => u.replace(/\/+$/, '');

// ---------------------------------------------------------------------------------------------
// Language

/** Writes every `data-i18n` text in the active language. */
function applyLanguage(): void {
  document.documentElement.lang = lang;
  document.title = t().pageTitle;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const text = t()[el.dataset.i18n as TextKey];
    if (typeof text === 'string') el.textContent = text;
  }
  const other: UiLang = lang === 'de' ? 'en' : 'de';
  const link = $<HTMLAnchorElement>('switch-lang');
  link.textContent = t().switchTo;
  link.lang = other;
  link.hreflang = other;
  const q = new URLSearchParams(location.search);
  q.set('lang', other);
  link.href = `?${q}`;
}

$('switch-lang').addEventListener('click', (e) => {
  e.preventDefault();
  lang = lang === 'de' ? 'en' : 'de';
  const q = new URLSearchParams(location.search);
  if (lang === 'en') q.set('lang', 'en');
  else q.delete('lang');
  history.replaceState(null, '', `${location.pathname}${q.size ? `?${q}` : ''}${location.hash}`);
  applyLanguage();
  renderAllianceStatus();
  update();
});

// ---------------------------------------------------------------------------------------------
// Alliances

let allianceState: 'loading' | 'loaded' | 'failed' = 'loading';

function renderAllianceStatus(): void {
  const el = $('alliance-status');
  el.classList.toggle('bad', allianceState === 'failed');
  el.textContent = allianceState === 'loading' ? t()['alliance.loading']
    : allianceState === 'failed' ? t()['alliance.failed'](api()) : t()['alliance.loaded'](alliances.length);
}

/** Every alliance of the API, by name (the list is paged; at most 20 pages are read). */
async function loadAlliances(): Promise<void> {
  allianceState = 'loading';
  renderAllianceStatus();
  const base = api();
  const found: AllianceRef[] = [];
  try {
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const url = new URL(`${base}/alliances`);
      url.searchParams.set('limit', '500');
      if (cursor) url.searchParams.set('cursor', cursor);
      const res = await fetch(url, { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as { items: { slug: string; name: string; website?: string | null }[]; nextCursor: string | null };
      for (const a of body.items) found.push({ slug: a.slug, name: a.name, website: a.website ?? null });
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    if (base !== api()) return; // the address changed meanwhile: that load decides
    alliances = found.sort((a, b) => a.name.localeCompare(b.name, 'de'));
    allianceState = 'loaded';
  } catch {
    if (base !== api()) return;
    alliances = [];
    allianceState = 'failed';
  }
  renderAlliances();
  renderAllianceStatus();
  update();
}

function renderAlliances(): void {
  const select = $<HTMLSelectElement>('alliance-one');
  const chosen = select.value;
  select.replaceChildren(select.options[0]!);
  for (const a of alliances) select.add(new Option(a.name, a.slug, false, a.slug === chosen));
  const list = $<HTMLUListElement>('alliance-many');
  const checked = new Set(checkedSlugs());
  list.replaceChildren(...alliances.map((a, i) => {
    const li = document.createElement('li');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.id = `alliance-many-${i}`;
    input.value = a.slug;
    input.checked = checked.has(a.slug);
    const label = document.createElement('label');
    label.htmlFor = input.id;
    label.textContent = a.name;
    li.append(input, label);
    return li;
  }));
  filterAlliances();
}

function filterAlliances(): void {
  const q = $<HTMLInputElement>('alliance-filter').value.trim().toLocaleLowerCase('de');
  let shown = 0;
  for (const li of $('alliance-many').children) {
    const match = !q || (li.textContent ?? '').toLocaleLowerCase('de').includes(q);
    (li as HTMLElement).hidden = !match;
    if (match) shown++;
  }
  let none = document.getElementById('alliance-none');
  if (shown === 0 && alliances.length) {
    if (!none) {
      none = document.createElement('p');
      none.id = 'alliance-none';
      none.className = 'hint';
      $('alliance-many').after(none);
    }
    none.textContent = t()['alliance.none'];
  } else {
    none?.remove();
  }
}

const checkedSlugs = () => [...$('alliance-many').querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);

// ---------------------------------------------------------------------------------------------
// State

const widget = (): EmbedWidget => {
  const value = form.querySelector<HTMLInputElement>('input[name="widget"]:checked')?.value;
  return (EMBED_WIDGETS as readonly string[]).includes(value ?? '') ? (value as EmbedWidget) : 'alliance-directory';
};
const api = () => withoutSlash($<HTMLInputElement>('addr-api').value.trim());

function chosenAlliances(w: EmbedWidget): AllianceRef[] {
  const slugs = w === 'alliance-directory' ? [$<HTMLSelectElement>('alliance-one').value].filter(Boolean) : checkedSlugs();
  return slugs.map((s) => alliances.find((a) => a.slug === s)).filter((a): a is AllianceRef => Boolean(a));
}

/** Shows the fields of the chosen widget (and of the chosen tile source) only. */
function showFields(w: EmbedWidget): void {
  for (const el of form.querySelectorAll<HTMLElement>('[data-widgets]')) {
    const on = el.dataset.widgets!.split(' ').includes(w);
    if (el instanceof HTMLOptionElement) el.disabled = !on;
    else el.hidden = !on;
  }
  const heading = $<HTMLSelectElement>('opt-heading');
  if (heading.selectedOptions[0]?.disabled) heading.value = '';
  const custom = $<HTMLSelectElement>('opt-tiles').value === 'custom';
  for (const el of form.querySelectorAll<HTMLElement>('[data-tiles]')) el.hidden = w !== 'member-map' || !custom;
}

/**
 * A typed value the widget would reject (a page size of 0, a month "2026-13") is marked invalid
 * and left out of the code: the field's hint says what fits.
 */
function checked(el: HTMLInputElement, w: EmbedWidget, name: string): string | undefined {
  const value = el.value.trim();
  const option = EMBED_OPTIONS[w].find((o) => o.name === name);
  const ok = !value || !option || isValidEmbedValue(option, value);
  el.setAttribute('aria-invalid', String(!ok));
  return ok && value ? value : undefined;
}

function options(): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const w = widget();
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-attr]')) {
    if (el.closest('[hidden]')) continue;
    const name = el.dataset.attr!;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') out[name] = el.checked ? '' : undefined;
    else if (el instanceof HTMLInputElement) out[name] = checked(el, w, name);
    else out[name] = el.value || undefined;
  }
  const tiles = $<HTMLSelectElement>('opt-tiles').value;
  out.tiles = tiles === 'none' ? 'none' : tiles === 'custom' ? checked($<HTMLInputElement>('opt-tiles-url'), w, 'tiles') : undefined;
  if (tiles !== 'custom') delete out['tiles-attribution'];
  return out;
}

function accent(): { value: string | null; text: string; valid: boolean } {
  const check = checkAccent($<HTMLInputElement>('accent').value);
  if (!check) return { value: null, text: '#ffffff', valid: false };
  return { value: check.accent === DEFAULT_ACCENT ? null : check.accent, text: check.text, valid: true };
}

function state(): BuilderState {
  const w = widget();
  const a = accent();
  return {
    widget: w,
    alliances: chosenAlliances(w),
    options: options(),
    accent: a.value,
    accentText: a.text,
    api: api(),
    cdn: withSlash($<HTMLInputElement>('addr-cdn').value.trim()),
    embed: withSlash($<HTMLInputElement>('addr-embed').value.trim()),
    fallback: $<HTMLInputElement>('addr-fallback').value.trim(),
  };
}

// ---------------------------------------------------------------------------------------------
// Contrast

function renderContrast(): void {
  const check = checkAccent($<HTMLInputElement>('accent').value);
  $('contrast-invalid').hidden = Boolean(check);
  $('contrast-list').hidden = !check;
  $<HTMLInputElement>('accent').setAttribute('aria-invalid', String(!check));
  if (!check) return;
  $<HTMLInputElement>('accent-picker').value = check.accent;
  const swatchText = $('swatch-text');
  swatchText.style.setProperty('background-color', check.accent);
  swatchText.style.setProperty('color', check.text);
  $('swatch-accent').style.setProperty('color', check.accent);
  const verdict = (id: string, ratio: number) => {
    const el = $(id);
    const pass = ratio >= AA;
    el.textContent = pass ? `✓ ${t()['color.pass']}` : `✗ ${t()['color.fail']}`;
    el.className = `verdict ${pass ? 'good' : 'bad'}`;
  };
  $('ratio-text').textContent = `${formatRatio(check.textOnAccent, lang)} (${t()[check.text === '#ffffff' ? 'color.textWhite' : 'color.textBlack']})`;
  verdict('verdict-text', check.textOnAccent);
  $('ratio-accent').textContent = formatRatio(check.accentOnWhite, lang);
  verdict('verdict-accent', check.accentOnWhite);
}

$('accent-picker').addEventListener('input', () => {
  $<HTMLInputElement>('accent').value = $<HTMLInputElement>('accent-picker').value;
  update();
});
$('accent-reset').addEventListener('click', () => {
  $<HTMLInputElement>('accent').value = DEFAULT_ACCENT;
  update();
});

// ---------------------------------------------------------------------------------------------
// Outputs

function render(): void {
  const s = state();
  $('out-snippet').textContent = snippetCode(s);
  const css = accentCss(s);
  $('css-block').hidden = !css;
  $('out-css').textContent = css;
  const frame = iframeSnippet(s);
  $('out-iframe').textContent = frame || t()['code.iframe.missing'];
  const copyFrame = form.ownerDocument.querySelector<HTMLButtonElement>('[data-copy="out-iframe"]')!;
  copyFrame.disabled = !frame;
  $('out-shortcode').textContent = shortcode(s);
  $('out-csp').textContent = cspText(s);
  $('csp-why').replaceChildren(...cspDirectives(s).map((d) => {
    const li = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = d.name;
    li.append(code, `: ${t()[`csp.${d.why}`]}`);
    return li;
  }));
  const required = s.widget === 'member-map' && s.alliances.length === 0 && allianceState === 'loaded';
  const many = $('alliance-many');
  many.closest('fieldset')!.setAttribute('aria-describedby', required ? 'alliance-many-hint alliance-required' : 'alliance-many-hint');
  let msg = document.getElementById('alliance-required');
  if (required && !msg) {
    msg = document.createElement('p');
    msg.id = 'alliance-required';
    msg.className = 'bad';
    many.before(msg);
  }
  if (msg) {
    if (required) msg.textContent = t()['alliance.required'];
    else msg.remove();
  }
}

let previewTimer: ReturnType<typeof setTimeout> | undefined;
let previewKey = '';
const loadedCdn = new Map<string, Promise<unknown>>();

/** Loads fk.js (and fk.css) from the CDN folder once: the preview is the real widget. */
function loadCdn(cdn: string): Promise<unknown> {
  let p = loadedCdn.get(cdn);
  if (!p) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `${cdn}fk.css`;
    document.head.append(link);
    p = import(/* @vite-ignore */ `${cdn}fk.js`);
    loadedCdn.set(cdn, p);
  }
  return p;
}

/** Builds the preview anew (a widget reads some attributes only once): debounced while typing. */
function schedulePreview(): void {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(renderPreview, 250);
}

async function renderPreview(): Promise<void> {
  const s = state();
  const attrs = elementAttributes(s).filter(([k]) => k !== 'history');
  const key = JSON.stringify([s.widget, attrs, s.accent, s.accentText, s.api, s.cdn, allianceState, lang]);
  if (key === previewKey) return;
  previewKey = key;
  const status = $('preview-status');
  const box = $('preview');
  status.classList.remove('bad');
  status.textContent = s.options.history !== undefined ? t()['preview.noHistory'] : '';
  if (s.widget === 'member-map' && s.alliances.length === 0) {
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = t()['alliance.required'];
    box.replaceChildren(hint);
    return;
  }
  const el = document.createElement(`fk-${s.widget}`);
  el.setAttribute('api', s.api);
  for (const [k, v] of attrs) el.setAttribute(k, v);
  if (s.accent) {
    el.style.setProperty('--fk-color-accent', s.accent);
    el.style.setProperty('--fk-color-accent-contrast', s.accentText);
    el.style.setProperty('--fk-color-focus', s.accent);
  }
  box.replaceChildren(el);
  try {
    await loadCdn(s.cdn);
  } catch {
    status.classList.add('bad');
    status.textContent = t()['preview.failed'];
  }
}

function update(): void {
  showFields(widget());
  renderContrast();
  render();
  schedulePreview();
}

// ---------------------------------------------------------------------------------------------
// Copy

const COPY_LABELS: Record<string, TextKey> = {
  'out-snippet': 'code.snippet', 'out-css': 'code.css', 'out-iframe': 'code.iframe', 'out-shortcode': 'code.shortcode', 'out-csp': 'code.csp',
};

document.addEventListener('click', async (e) => {
  const button = (e.target as Element | null)?.closest<HTMLButtonElement>('button[data-copy]');
  if (!button) return;
  const pre = $(button.dataset.copy!);
  const text = pre.textContent ?? '';
  const status = $('code-status');
  status.textContent = '';
  try {
    await navigator.clipboard.writeText(text);
    status.classList.remove('bad');
    status.textContent = t()['code.copied'](t()[COPY_LABELS[pre.id]!]);
  } catch {
    // No clipboard (an http page, a refused permission): select the code for Ctrl+C.
    const range = document.createRange();
    range.selectNodeContents(pre);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    status.classList.add('bad');
    status.textContent = t()['code.copyFailed'];
  }
});

// ---------------------------------------------------------------------------------------------
// Start

$<HTMLInputElement>('addr-api').value = withoutSlash(address('api'));
$<HTMLInputElement>('addr-cdn').value = address('cdn');
$<HTMLInputElement>('addr-embed').value = address('embed');

form.addEventListener('input', (e) => {
  const id = (e.target as HTMLElement).id;
  if (id === 'alliance-filter') {
    filterAlliances();
    return;
  }
  if (id === 'addr-api') return; // reloaded on change, not on every key
  update();
});
form.addEventListener('change', (e) => {
  const id = (e.target as HTMLElement).id;
  if (id === 'addr-api') void loadAlliances();
  else if (id !== 'alliance-filter') update();
});
form.addEventListener('submit', (e) => e.preventDefault());

applyLanguage();
update();
void loadAlliances();
