import type { Member, OrganisationType } from '@fachkraefte/schema';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { FkErrorDetail } from '../../events/fk-error.js';
import { fkSelectEvent } from '../../events/fk-select.js';
import { dataFor, describeError, isAbort, type LoadOptions } from '../../internal/api.js';
import { FkElement, type ConfigProblem } from '../../internal/fk-element.js';
import { ORGANISATION_TYPES } from '../../translations/catalog.js';
import { safeHttpUrl } from '../../internal/safe-url.js';
import { sortByText } from '../../internal/search.js';
import { base, tokens } from '../../styles/tokens.styles.js';
import type { Clusters, Mark, Placed } from './cluster.js';
import { loadMapStrings, mapStrings, type MapStrings } from './member-map.i18n.js';
import { styles } from './member-map.styles.js';
import { grantConsent, hasConsent, resolveTiles, type TileSource } from './tiles.js';
import type { MapView } from './view.js';

/**
 * Marker style per organisation type, in the order of `ORGANISATION_TYPES`: the colour says the
 * family (blue administration, green labour market, brown business bodies, red unions, purple
 * education, grey the rest), the shape (circle, square, diamond, triangle, inverted triangle,
 * cross) tells the types of one family apart, so no two types share a marker.
 */
const COLOURS = '001122232240444505';
const SHAPES = '010121435053012220';
const sym = (t: OrganisationType) => {
  const i = ORGANISATION_TYPES.indexOf(t);
  return `c${COLOURS[i] ?? 5} s${SHAPES[i] ?? 0}`;
};
/** The clustering code, fetched with the first map view (the list and the consent need none of it). */
let ClustersOf: typeof Clusters | undefined;
/** Germany, for a map with no positions to fit. */
const GERMANY: [number, number, number, number] = [5.9, 47.3, 15.0, 55.1];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PAN = 96;

/**
 * A privacy-first, accessible map of an alliance's member organisations, with a synchronised
 * list. Before the visitor agrees, no request goes to any host but the API: the list is shown and
 * a placeholder names the tile host. `tiles="none"` draws the markers on a plain plane from the
 * data alone; a self-hosted `tiles` template (same origin as the page or the API) loads at once.
 *
 * Without JavaScript, the element's light-DOM content is shown: put a list of the members or a
 * link to them inside it.
 *
 * @summary Map of the member organisations, with clusters, keyboard access and a list.
 * @tag fk-member-map
 *
 * @fires {FkSelectEvent} fk-select - A visitor opened an organisation's details. Cancelable.
 * @fires {FkErrorEvent} fk-error - The data could not be loaded or the configuration is wrong.
 *
 * @slot - Fallback content for visitors without JavaScript (hidden once the element runs).
 *
 * @csspart legend - The legend of organisation types, which is also the type filter: a `<details>`
 *   disclosure, open at first only on a wide container (or with four types or fewer).
 * @csspart map - The map area.
 * @csspart consent - The placeholder shown before the visitor agrees to load tiles.
 * @csspart consent-button - The "Karte laden" button.
 * @csspart surface - The focusable map surface (arrow keys pan, plus and minus zoom; on touch
 *   screens one finger drags and two fingers pinch-zoom, in the tile-free mode as with tiles).
 * @csspart marker - A member's marker.
 * @csspart cluster - A cluster of markers.
 * @csspart controls - The zoom buttons.
 * @csspart attribution - The tile source's attribution, or in the tile-free map that of the Länder outlines.
 * @csspart outline - The tile-free map's outlines of the Länder (an SVG drawn behind the markers).
 * @csspart list - The list of members.
 * @csspart list-item - A member's button in the list.
 * @csspart count - The live count of shown members.
 * @csspart popup - The details dialog.
 * @csspart error - The error message box.
 * @csspart retry-button - The button that tries loading again.
 * @csspart stale-notice - Shown when a refresh failed and older data stays visible.
 * @csspart skeleton - The placeholder while loading.
 *
 * @cssproperty --fk-color-accent - Clusters, links, buttons and focus ring.
 * @cssproperty --fk-color-surface - Background (and the plane of the tile-free mode, `--fk-color-surface-alt`).
 * @cssproperty --fk-map-height - Height of the map. Default `26em`.
 * @cssproperty --fk-font-family - Font; default `inherit`.
 */
export default class FkMemberMap extends FkElement {
  static override styles = [tokens, base, styles];

  // `attribute: false` on internal state keeps the manifest's attribute list to the real ones.
  static override properties: PropertyDeclarations = {
    alliance: {},
    tiles: {},
    tilesAttribution: { attribute: 'tiles-attribution' },
    rememberConsent: { attribute: 'remember-consent' },
    pageSize: { type: Number, attribute: 'page-size' },
    data: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    off: { state: true, attribute: false },
    consented: { state: true, attribute: false },
    tick: { state: true, attribute: false },
    selected: { state: true, attribute: false },
    popup: { state: true, attribute: false },
    limit: { state: true, attribute: false },
    near: { state: true, attribute: false },
  };

  /** Slug of the alliance, or several separated by spaces or commas. */
  declare alliance: string;

  /**
   * Tile source: an XYZ (`{z}/{x}/{y}`) or WMTS (`{TileMatrix}/{TileRow}/{TileCol}`) URL template,
   * or `none` for the tile-free map. Default: basemap.de web raster, after consent.
   */
  declare tiles: string;

  /**
   * Attribution of the `tiles` source, shown as text on the map.
   * @attr tiles-attribution
   */
  declare tilesAttribution: string;

  /**
   * Remember the visitor's consent beyond the page view: `session` (or empty) in sessionStorage,
   * `local` in localStorage. Without the attribute nothing is stored.
   * @attr remember-consent
   */
  declare rememberConsent: string | null;

  /**
   * How many list rows are rendered at once; "show more" adds as many again.
   * @attr page-size
   */
  declare pageSize: number;

  private declare data: Member[] | null;
  private declare failure: FkErrorDetail | null;
  private declare off: Set<OrganisationType>;
  private declare consented: boolean;
  private declare tick: number;
  private declare selected: string | null;
  private declare popup: Placed[] | null;
  private declare limit: number;
  /** The element is on screen or close to it: only then are the members loaded and laid out. */
  private declare near: boolean;

  constructor() {
    super();
    // Assigned here, not as field initialisers: a class field would shadow Lit's accessor.
    this.alliance = this.tiles = this.tilesAttribution = '';
    this.rememberConsent = null;
    this.pageSize = 50;
    this.data = this.failure = this.selected = this.popup = null;
    this.off = new Set();
    this.consented = false;
    this.tick = this.limit = 0;
    this.near = false;
  }

  /**
   * A map below the fold waits until it comes within a screen's height of the viewport: loading,
   * sorting and clustering its members cost the page some hundred milliseconds of main thread
   * that a visitor who never scrolls there does not need. Until then it shows its loading state
   * (the map's box, the list's and the legend's placeholders).
   */
  private stopNear: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.near) this.stopNear ??= this.whenNear(() => (this.near = true));
  }

  private view: MapView | null = null;
  private viewFor = '';
  private clusters: Clusters | null = null;
  private marks = new Map<string, Mark>();
  private returnKey = '';
  private focusKey = '';
  private loadedKey = '';
  private reportedConfig = '';
  private abort: AbortController | null = null;
  private slugOf = new Map<string, string>();
  private readonly resizer = new ResizeObserver(() => this.view?.resize());
  /** The marker that had focus before a render: kept focused although Lit reuses buttons by index. */
  private keep = '';
  /** The tile-free plane is shown: the component drags and pinches it (Leaflet does its own). */
  private plane = false;
  /** Pointers down on the plane, for dragging (one) and pinching (two). */
  private readonly pointers = new Map<number, [number, number]>();
  private pinch = 0;
  /** The legend's disclosure: null until the first render decides from the width. */
  private legendOpen: boolean | null = null;

  private get s(): MapStrings {
    return mapStrings(this.locale);
  }

  /** The English strings are a chunk of their own, fetched before an English map first renders. */
  protected override pending(): Promise<unknown> | undefined {
    const own = loadMapStrings(this.locale);
    const shared = super.pending();
    return own && shared ? Promise.all([own, shared]) : (own ?? shared);
  }

  private get slugs(): string[] {
    return this.alliance.split(/[\s,]+/).filter(Boolean);
  }

  private get source(): TileSource {
    return resolveTiles(this.tiles, this.tilesAttribution, document.baseURI);
  }

  /** Tiles from the page's own origin or the API's need no consent: no new host learns anything. */
  private get direct(): boolean {
    const src = this.source;
    if (src.kind !== 'tiles') return true;
    const api = this.apiBase;
    return src.origin === location.origin || (api.ok && new URL(api.url).origin === src.origin);
  }

  /**
   * Loads the members of every alliance in `alliance`. The one seam to the data layer: a test
   * subclass may override it to hand the renderer data the SDK would never let through.
   */
  protected async loadMembers(api: string, slugs: string[], options: LoadOptions): Promise<Member[]> {
    const lists = await Promise.all(slugs.map((s) => dataFor(api).members(s, options)));
    const byId = new Map<string, Member>();
    lists.forEach((list, i) => {
      for (const m of list) {
        if (!byId.has(m.id)) this.slugOf.set(m.id, slugs[i]!);
        byId.set(m.id, m);
      }
    });
    return [...byId.values()];
  }

  /** Loads the data again, bypassing the shared short-lived cache; the shown data stays on failure. */
  async refresh(): Promise<void> {
    await this.load(true);
  }

  private async load(fresh: boolean): Promise<void> {
    const api = this.apiBase;
    if (!api.ok || this.configProblems().length) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.failure = null;
    try {
      const all = await this.loadMembers(api.url, this.slugs, { signal: abort.signal, fresh });
      this.data = sortByText(all, (m) => m.name);
      this.clusters = null;
    } catch (error) {
      if (isAbort(error)) return;
      this.failure = describeError(error);
      this.reportError(this.failure);
    }
  }

  protected override configProblems(): ConfigProblem[] {
    const problems = super.configProblems();
    const slugs = this.slugs;
    if (!slugs.length) problems.push({ attribute: 'alliance', message: 'no alliance: set the "alliance" attribute to a slug' });
    const bad = slugs.find((s) => !SLUG.test(s));
    if (bad) problems.push({ attribute: 'alliance', message: `"${bad}" is not an alliance slug (lower-case letters, digits, hyphens)` });
    if (this.source.kind === 'invalid') {
      problems.push({ attribute: 'tiles', message: `"${this.tiles}" is not "none" or an http(s) URL template with {z}, {x} and {y}` });
    }
    return problems;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.resizer.disconnect();
    this.stopNear?.();
    this.stopNear = undefined;
    this.dropView();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const key = `${this.api ?? ''}|${this.alliance}`;
    if (this.near && key !== this.loadedKey) {
      this.loadedKey = key;
      this.data = null;
      this.selected = null;
      void this.load(false);
    }
    if (changed.has('tiles')) this.consented = false;
    if (changed.has('data') || changed.has('off')) this.clusters = null;
    this.keep = (this.shadowRoot?.activeElement as HTMLElement | null)?.dataset?.k ?? '';
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const problems = this.configProblems();
    const key = problems.map((p) => p.attribute + p.message).join('|');
    if (key && key !== this.reportedConfig) {
      const p = problems[0]!;
      this.reportError({ code: 'config', status: null, message: p.message, attribute: p.attribute });
    }
    this.reportedConfig = key;
    this.ensureView();
    this.place();
    const dialog = this.renderRoot.querySelector('dialog');
    if (this.popup && dialog && changed.has('popup')) {
      // The top layer: above anything of the host page, no z-index war; focus moves in.
      if (!dialog.open) dialog.showModal();
      this.renderRoot.querySelector<HTMLElement>('#fk-pop-title')?.focus();
    }
    const active = (this.shadowRoot?.activeElement as HTMLElement | null)?.dataset?.k;
    // Lit updates marker buttons in place: the focused one may now stand for another marker.
    if (!this.focusKey && this.keep && active !== this.keep) this.focusKey = this.keep;
    if (this.focusKey) {
      const target = this.button(this.focusKey) ?? this.renderRoot.querySelector<HTMLElement>('[part~="surface"]');
      this.focusKey = '';
      target?.focus();
    }
  }

  private button(key: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-k="${CSS.escape(key)}"]`);
  }

  /**
   * Creates the map engine once its element is rendered. Everything only a drawn map needs is a
   * chunk of its own, fetched now: the clustering, and either the tile-free plane or, after
   * consent or for own tiles, the tile engine.
   */
  private ensureView(): void {
    if (!this.near) return;
    const surface = this.renderRoot.querySelector<HTMLElement>('[part~="surface"]');
    const src = this.source;
    const want = surface ? (src.kind === 'tiles' ? src.template : 'none') : '';
    if (want === this.viewFor) return;
    this.dropView();
    this.viewFor = want;
    if (!surface) return;
    this.resizer.observe(surface);
    const onChange = (settled: boolean) => (settled ? this.tick++ : this.place());
    const plane = () => import('./projection.js').then((m) => ((this.plane = true), new m.PlaneView(surface, onChange)));
    const engine =
      src.kind === 'tiles'
        ? import('./leaflet-view.js').then(
            (m) => m.createLeafletView(surface.querySelector('.tiles')!, this.renderRoot as ShadowRoot, src.template, onChange),
            (error: unknown) => {
              // Without the engine the map still works, drawn from the data alone.
              this.warnOnce('tiles', `the tile engine could not be loaded (${String(error)}); showing the map without tiles`);
              return plane();
            },
          )
        : plane();
    Promise.all([import('./cluster.js'), engine]).then(
      ([m, view]) => {
        ClustersOf = m.Clusters;
        if (this.viewFor !== want) return view.destroy();
        this.view = view;
        view.fit(this.placedClusters().bbox() ?? GERMANY);
        this.tick++;
      },
      (error: unknown) => this.reportError({ code: 'unknown', status: null, message: `the map could not be loaded: ${String(error)}`, cause: error }),
    );
  }

  private dropView(): void {
    this.view?.destroy();
    this.view = null;
    this.viewFor = '';
    this.plane = false;
  }

  private placedClusters(): Clusters {
    if (!this.clusters) {
      const placed = (this.data ?? []).filter((m): m is Placed => !!m.position && !this.off.has(m.type));
      // Only called once a view exists, and the view arrives together with the clustering code.
      this.clusters = new ClustersOf!(placed, 17);
    }
    return this.clusters;
  }

  /** Moves every marker to its pixel position: CSSOM writes, which a strict CSP allows. */
  private place(): void {
    const view = this.view;
    if (!view) return;
    for (const b of this.renderRoot.querySelectorAll<HTMLElement>('[data-k]')) {
      const m = this.marks.get(b.dataset.k!);
      if (!m) continue;
      const [x, y] = view.project(m.lat, m.lon);
      b.style.transform = `translate(${Math.round(x)}px,${Math.round(y)}px) translate(-50%,-50%)`;
    }
  }

  // ------------------------------------------------------------------ actions

  private handleConsent(): void {
    const src = this.source;
    if (src.kind === 'tiles') grantConsent(src.origin, this.rememberConsent);
    this.consented = true;
    this.focusKey = '-';
  }

  private handleType(type: OrganisationType, on: boolean): void {
    const off = new Set(this.off);
    if (on) off.delete(type);
    else off.add(type);
    this.off = off;
    this.limit = 0;
  }

  private handleMark(mark: Mark): void {
    const view = this.view;
    if (!view) return;
    if ('member' in mark) return this.open([mark.member], mark.key);
    const clusters = this.placedClusters();
    const zoom = clusters.expansionZoom(mark.id);
    // Points on one spot never split: their cluster opens as a list instead.
    if (zoom > view.maxZoom || zoom > 17) return this.open(clusters.leaves(mark.id), mark.key);
    const first = clusters.children(mark.id).sort((a, b) => b.lat - a.lat || a.lon - b.lon)[0];
    view.setView(mark.lat, mark.lon, zoom);
    this.focusKey = first?.key ?? '';
  }

  private open(members: Placed[], key: string): void {
    const only = members.length === 1 ? members[0]! : null;
    if (only) {
      const event = fkSelectEvent({ type: 'organisation', id: only.id, organisation: only, alliance: this.slugOf.get(only.id) ?? this.slugs[0]! });
      this.dispatchEvent(event);
      if (event.defaultPrevented) return;
      this.select(only.id);
    }
    this.returnKey = key;
    this.popup = members;
  }

  /** Highlights a member in both views; the list shows its row. */
  private select(id: string): void {
    this.selected = id;
    const data = this.data ?? [];
    const row = data.filter((m) => !this.off.has(m.type)).findIndex((m) => m.id === id);
    if (row >= this.window) this.limit = Math.ceil((row + 1) / this.window) * this.window;
    void this.updateComplete.then(() => {
      const li = this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
      const list = this.renderRoot.querySelector<HTMLElement>('.rows');
      // Scrolls the list only, never the page: the visitor keeps their place on the map.
      if (li && list) list.scrollTop = li.offsetTop - list.offsetTop - list.clientHeight / 3;
    });
  }

  private handleRow(m: Member): void {
    this.select(m.id);
    const view = this.view;
    if (!view || !m.position) return;
    const placed = m as Placed;
    const own = this.placedClusters().ownZoom(placed, Math.max(view.zoom, 10), view.maxZoom);
    view.setView(placed.position.lat, placed.position.lon, own ?? view.maxZoom);
  }

  private handleClose(): void {
    this.popup = null;
    this.focusKey = this.returnKey;
  }

  private handleSurfaceKey(e: KeyboardEvent): void {
    const view = this.view;
    if (!view) return;
    const mark = (e.target as HTMLElement).dataset.k;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const move = moves[e.key];
    if (mark && move) {
      // On a marker, arrows step through the markers in reading order.
      const all = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-k]')];
      const next = all[all.indexOf(e.target as HTMLElement) + (move[0] + move[1] > 0 ? 1 : -1)];
      next?.focus();
    } else if (move) {
      view.panBy(move[0] * PAN, move[1] * PAN);
    } else if (e.key === '+' || e.key === '=') {
      view.zoomBy(1);
    } else if (e.key === '-' || e.key === '_') {
      view.zoomBy(-1);
    } else {
      return;
    }
    e.preventDefault();
  }

  /**
   * Dragging and pinching the plane (with tiles Leaflet does both, and markers take their own
   * clicks). A pinch zooms by whole levels, as the buttons do, so clusters split as they would.
   */
  private handlePointer(e: PointerEvent): void {
    const view = this.view;
    if (!view || !this.plane || (e.target as HTMLElement).closest('button')) return;
    const pts = this.pointers;
    const last = pts.get(e.pointerId);
    if (e.type === 'pointerdown') {
      pts.set(e.pointerId, [e.clientX, e.clientY]);
      try {
        (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
      } catch {
        // A pointer that is already gone cannot be captured; the drag still works inside the map.
      }
      this.pinch = pts.size === 2 ? this.spread() : 0;
    } else if (!last) {
      return;
    } else if (e.type === 'pointermove') {
      pts.set(e.pointerId, [e.clientX, e.clientY]);
      if (pts.size === 1) view.panBy(last[0] - e.clientX, last[1] - e.clientY, false);
      else if (this.pinch) {
        const ratio = this.spread() / this.pinch;
        if (ratio > 1.5 || ratio < 1 / 1.5) {
          view.zoomBy(ratio > 1 ? 1 : -1);
          this.pinch = this.spread();
        }
      }
    } else {
      pts.delete(e.pointerId);
      this.pinch = 0;
      if (!pts.size) view.panBy(0, 0);
    }
  }

  /** Distance between the first two pointers on the plane. */
  private spread(): number {
    const [a, b] = [...this.pointers.values()];
    return a && b ? Math.hypot(a[0] - b[0], a[1] - b[1]) || 1 : 1;
  }

  private get window(): number {
    return Number.isInteger(this.pageSize) && this.pageSize > 0 ? this.pageSize : 50;
  }

  // ---------------------------------------------------------------- rendering

  protected override renderWidget(): TemplateResult {
    const data = this.data;
    const failure = this.failure;
    if (!data && failure) {
      return html`<div class="root" lang=${this.locale}>${this.renderError(failure, () => void this.load(true))}</div>`;
    }
    const shown = data?.filter((m) => !this.off.has(m.type)) ?? [];
    return html`<div class="root" lang=${this.locale}>
      ${failure
        ? html`<div class="notice" role="alert" part="stale-notice"><p>${this.errorText(failure)}</p>
            <button type="button" class="btn secondary" part="retry-button" @click=${() => void this.load(true)}>${this.t.retry}</button></div>`
        : nothing}
      ${data ? this.renderLegend(data) : html`<div class="legend skeleton" part="skeleton" aria-hidden="true"></div>`}
      <div class="layout">
        <div class="map" part="map">${data ? this.renderMap() : html`<div class="skeleton fill" part="skeleton" aria-hidden="true"></div>`}</div>
        <section class="list" part="list" aria-labelledby="fk-list-title">
          <p class="list-title" id="fk-list-title" role="heading" aria-level="2">${this.s.list}</p>
          <p class="count" role="status" part="count">${data ? this.s.count(shown.length, data.length) : this.t.loading}</p>
          ${data ? this.renderRows(shown) : nothing}
        </section>
      </div>
      ${this.renderPopup()}
    </div>`;
  }

  /**
   * The legend, which is also the type filter: a disclosure, open at first only where there is
   * room (a wide container, or few types), so on a phone the map is not pushed below a long column.
   */
  private renderLegend(data: Member[]): TemplateResult {
    const counts = new Map<OrganisationType, number>();
    for (const m of data) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
    const types = ORGANISATION_TYPES.filter((t) => counts.has(t));
    const s = this.s;
    this.legendOpen ??= types.length <= 4 || this.clientWidth >= 40 * (parseFloat(getComputedStyle(this).fontSize) || 16);
    return html`<details class="legend" part="legend" ?open=${this.legendOpen} @toggle=${(e: Event) => (this.legendOpen = (e.target as HTMLDetailsElement).open)}>
      <summary>${s.filter(types.length, types.filter((t) => this.off.has(t)).length)}</summary>
      <fieldset>
        <legend class="sr-only">${s.legend}</legend>
        ${types.map(
          (t) => html`<label><input type="checkbox" .checked=${!this.off.has(t)}
              @change=${(e: Event) => this.handleType(t, (e.target as HTMLInputElement).checked)} /><span class="sym ${sym(t)}"></span><span class="name">${breakAfterSlash(s.types[t])} (${counts.get(t)})</span></label>`,
        )}
      </fieldset>
    </details>`;
  }

  private renderMap(): TemplateResult {
    const src = this.source;
    const s = this.s;
    if (src.kind === 'tiles' && !this.direct && !this.consented && !hasConsent(src.origin, this.rememberConsent)) {
      return html`<div class="consent" part="consent">
        <p>${s.consent(src.host)}</p>
        <button type="button" class="btn" part="consent-button" @click=${this.handleConsent}>${s.load}</button>
        <p class="small muted">${this.rememberConsent === null ? s.remember : s.remembered}</p>
      </div>`;
    }
    const view = this.view;
    void this.tick;
    const selected = this.selected;
    let marks: Mark[] = [];
    if (view) {
      const clusters = this.placedClusters();
      // Reading order (north to south, west to east) is the Tab order.
      marks = clusters.marks(view.bounds(), view.zoom).sort((a, b) => b.lat - a.lat || a.lon - b.lon);
      this.marks = new Map(marks.map((m) => [m.key, m]));
    }
    const sel = selected ? this.data?.find((m) => m.id === selected) : undefined;
    const current = sel?.position && view ? this.placedClusters().holder(sel as Placed, marks)?.key : undefined;
    return html`<div class="surface${src.kind === 'tiles' ? ' has-tiles' : ''}" part="surface" role="region" tabindex="0"
        aria-label=${s.region} aria-describedby="fk-keys" @keydown=${this.handleSurfaceKey}
        @pointerdown=${this.handlePointer} @pointermove=${this.handlePointer} @pointerup=${this.handlePointer} @pointercancel=${this.handlePointer}>
      ${src.kind === 'tiles' ? html`<div class="tiles"></div>` : html`<svg class="outline" part="outline" aria-hidden="true" focusable="false"></svg>`}
      <span id="fk-keys" class="sr-only">${s.keys}</span>
      <div class="controls" part="controls">
        <button type="button" class="ctl" aria-label=${s.zoomIn} @click=${() => this.view?.zoomBy(1)}>+</button>
        <button type="button" class="ctl" aria-label=${s.zoomOut} @click=${() => this.view?.zoomBy(-1)}>−</button>
        <button type="button" class="ctl" aria-label=${s.fit} @click=${() => this.view?.fit(this.placedClusters().bbox() ?? GERMANY)}>⤢</button>
      </div>
      <div class="marks">
        ${marks.map((m) => this.renderMark(m, m.key === current))}
      </div>
      ${src.kind === 'tiles' ? (src.attribution ? html`<p class="attribution" part="attribution">${src.attribution}</p>` : nothing) : html`<p class="attribution" part="attribution">${s.borders}</p>`}
    </div>`;
  }

  private renderMark(m: Mark, current: boolean): TemplateResult {
    if ('member' in m) {
      const o = m.member;
      return html`<button type="button" class="mk ${sym(o.type)}" part="marker" data-k=${m.key}
        aria-label=${this.s.marker(o.name, this.s.types[o.type], o.address?.locality ?? null)}
        aria-current=${current ? 'true' : 'false'} @click=${() => this.handleMark(m)}></button>`;
    }
    return html`<button type="button" class="cl" part="cluster" data-k=${m.key} aria-label=${this.s.cluster(m.count)}
      aria-current=${current ? 'true' : 'false'} @click=${() => this.handleMark(m)}>${m.count}</button>`;
  }

  private renderRows(shown: Member[]): TemplateResult {
    if (!shown.length) return html`<p class="empty" part="empty">${this.s.empty}</p>`;
    const limit = this.limit || this.window;
    return html`<ul class="rows">
        ${shown.slice(0, limit).map(
          (m) => html`<li data-id=${m.id} class=${m.id === this.selected ? 'sel' : ''}>
            ${m.position
              ? html`<button type="button" class="row" part="list-item" aria-current=${m.id === this.selected ? 'true' : 'false'}
                  @click=${() => this.handleRow(m)}><span class="sym ${sym(m.type)}"></span><span lang="de">${m.name}</span></button>`
              : html`<span class="row"><span class="sym ${sym(m.type)}"></span><span lang="de">${m.name}</span></span>`}
            <span class="small muted">${this.s.types[m.type]}${m.address?.locality ? html` · <span lang="de">${m.address.locality}</span>` : nothing}${m.position ? nothing : ` · ${this.s.noPosition}`}</span>
          </li>`,
        )}
      </ul>
      ${shown.length > limit
        ? html`<button type="button" class="btn secondary" part="show-more" @click=${() => (this.limit = limit + this.window)}>
            ${this.s.showMore(Math.min(this.window, shown.length - limit))}</button>`
        : nothing}`;
  }

  private renderPopup(): TemplateResult {
    const list = this.popup ?? [];
    const s = this.s;
    const one = list.length === 1 ? list[0]! : null;
    let body: TemplateResult | typeof nothing = nothing;
    if (one) {
      const site = safeHttpUrl(one.website);
      const a = one.address;
      body = html`<h2 id="fk-pop-title" tabindex="-1" autofocus lang="de">${one.name}</h2>
        <dl>
          <dt>${s.type}</dt><dd>${s.types[one.type]}${one.membership.role !== 'member' ? ` · ${this.t.roles[one.membership.role]}` : ''}</dd>
          ${a ? html`<dt>${s.address}</dt><dd lang="de">${a.streetAddress ? html`${a.streetAddress}<br />` : nothing}${[a.postalCode, a.locality].filter(Boolean).join(' ')}</dd>` : nothing}
          ${one.website ? html`<dt>${s.website}</dt><dd>${site ? html`<a href=${site} rel="external noopener">${one.website}</a>` : one.website}</dd>` : nothing}
        </dl>`;
    } else if (list.length) {
      body = html`<h2 id="fk-pop-title" tabindex="-1" autofocus>${s.inGroup(list.length)}</h2>
        <ul class="group">${list.map((m) => html`<li><button type="button" class="row" lang="de" @click=${() => this.open([m], this.returnKey)}>${m.name}</button></li>`)}</ul>`;
    }
    return html`<dialog part="popup" aria-labelledby="fk-pop-title" @close=${this.handleClose}>
      ${body}
      <form method="dialog"><button class="btn secondary" part="close-button">${s.close}</button></form>
    </dialog>`;
  }
}

/**
 * A label with a line break allowed after each "/": "Arbeitgeber-/Branchenverband" has no break
 * opportunity otherwise (none after a hyphen before a slash, none after a slash before a letter),
 * and ran 47 px out of its legend column at 1280 px.
 */
function breakAfterSlash(text: string): unknown {
  const parts = text.split('/');
  return parts.length < 2 ? text : parts.map((p, i) => (i ? html`/<wbr>${p}` : p));
}
