import { initialState, Task, TaskStatus } from '@lit/task';
import type { Alliance, Member, OrganisationType, Person } from '@fachkraefte/schema';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { fkSelectEvent } from '../../events/fk-select.js';
import { dataFor, describeError, isAbort, type LoadOptions } from '../../internal/api.js';
import { FkElement, nextTask, type ConfigProblem } from '../../internal/fk-element.js';
import { ORGANISATION_TYPES } from '../../translations/catalog.js';
import { formatPartialDate } from './partial-date.js';
import { mailtoHref, safeHttpUrl, telHref } from '../../internal/safe-url.js';
import { buildIndex, search, sortByText, type Indexed } from '../../internal/search.js';
import { base, tokens } from '../../styles/tokens.styles.js';
import { styles } from './alliance-directory.styles.js';
import type { DirectoryFilters } from './hash-state.js';

/** An alliance with its members: what a profile shows. */
interface Profile {
  alliance: Alliance;
  members: Member[];
}

/** A load's result, the view it was made for (`key`: API base and slug), and when it arrived. */
interface Loaded {
  key: string;
  value: Alliance[] | Profile;
  at: Date;
}

/** The member search of a profile. */
interface MemberFilters {
  q: string;
  type: string;
}

const prevent = (e: Event) => e.preventDefault();

/**
 * The cards of the loading skeleton. Six is the size of the demo data set and about what one
 * Bundesland's or region's list holds; with cards of one fixed height (see the styles) the list
 * then takes the skeleton's place without a layout shift.
 */
const SKELETON_CARDS = [0, 1, 2, 3, 4, 5];

/**
 * `text` in a span of class `cls`, or nothing when there is no text. `lang` marks text from the API
 * (German) inside a widget in another language; see `FkElement.dataLang`.
 */
const span = (cls: string, text: unknown, lang: string | typeof nothing = nothing) =>
  text ? html`<span class=${cls || nothing} lang=${lang}>${text}</span>` : nothing;

/** A link when `href` is one (a vetted URL), else the text alone. */
const link = (href: string | null, text: string, rel?: string) =>
  href ? html`<a href=${href} rel=${rel ?? nothing}>${text}</a>` : text;

/**
 * A directory of skilled-worker alliances (Fachkräfteallianzen): the list, filterable by
 * Bundesland and kind and searchable by name and area, and each alliance's profile with its
 * member organisations grouped by type.
 *
 * Configured by attributes alone, so a CMS editor can paste it. Content placed inside the element
 * (e.g. a link to the alliance's page) is the fallback shown until the script runs, or when it
 * never does.
 *
 * @summary Directory of skilled-worker alliances and their members.
 * @tag fk-alliance-directory
 *
 * @fires {FkSelectEvent} fk-select - A visitor chose an alliance or an organisation. Cancelable: `preventDefault()` keeps the widget where it is.
 * @fires {FkErrorEvent} fk-error - The data could not be loaded or the configuration is wrong; the widget shows the problem itself.
 *
 * @slot - Fallback content for visitors without JavaScript (hidden once the element runs).
 *
 * @csspart filters - The search and filter form of the list.
 * @csspart member-filters - The search and filter form of a profile's members.
 * @csspart search-input - A search field.
 * @csspart state-select - The Bundesland filter.
 * @csspart kind-select - The kind filter.
 * @csspart type-select - The organisation type filter of the members.
 * @csspart count - The live result count.
 * @csspart list - The list of alliances.
 * @csspart item - One alliance in the list.
 * @csspart item-button - The button that opens an alliance's profile.
 * @csspart empty - The message shown when nothing matches.
 * @csspart error - The error message box.
 * @csspart retry-button - The button that tries loading again.
 * @csspart stale-notice - The notice shown when a refresh failed and older data stays visible.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart profile - An alliance's profile.
 * @csspart back-button - Returns from a profile to the list.
 * @csspart facts - The key facts of a profile.
 * @csspart members - The member list of a profile.
 * @csspart member - One member organisation.
 * @csspart show-more - Shows the next part of a long list.
 *
 * @cssproperty --fk-color-accent - Links, buttons and focus ring. Default `#0b5cad`.
 * @cssproperty --fk-color-accent-contrast - Text on accent-coloured buttons.
 * @cssproperty --fk-color-text - Body text.
 * @cssproperty --fk-color-muted - Secondary text.
 * @cssproperty --fk-color-surface - Background.
 * @cssproperty --fk-color-surface-alt - Background of fact boxes and notices.
 * @cssproperty --fk-color-border - Borders of cards and fields.
 * @cssproperty --fk-color-danger - Error borders.
 * @cssproperty --fk-color-focus - Focus outline.
 * @cssproperty --fk-color-skeleton - Placeholder bars while loading.
 * @cssproperty --fk-font-family - Font; default `inherit` (the page's font, nothing is loaded).
 * @cssproperty --fk-font-size - Base size; default `1em` (the surrounding text).
 * @cssproperty --fk-radius - Corner radius. Default `0.375em`.
 * @cssproperty --fk-spacing - Base spacing. Default `1em`.
 */
export default class FkAllianceDirectory extends FkElement {
  static override styles = [tokens, base, styles];

  // `attribute: false` on internal state keeps the manifest's attribute list to the real ones.
  static override properties: PropertyDeclarations = {
    alliance: {},
    history: { type: Boolean },
    jsonLd: { type: Boolean, attribute: 'json-ld' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    pageSize: { type: Number, attribute: 'page-size' },
    selected: { state: true, attribute: false },
    filters: { state: true, attribute: false },
    memberFilters: { state: true, attribute: false },
    listLimit: { state: true, attribute: false },
    memberLimit: { state: true, attribute: false },
    token: { state: true, attribute: false },
  };

  /** Slug of one alliance: shows its profile only, without the list. */
  declare alliance: string;

  /** Keeps the chosen alliance and the filters in the URL hash (restored on load and back/forward). */
  declare history: boolean;

  /**
   * Writes schema.org `Organization` JSON-LD (with `member`) of the shown alliance into the light DOM.
   * @attr json-ld
   */
  declare jsonLd: boolean;

  /**
   * Level of the widget's top heading (1–6), to fit the page's outline.
   * @attr heading-level
   */
  declare headingLevel: number;

  /**
   * How many rows of a long list are rendered at once; "show more" adds as many again.
   * @attr page-size
   */
  declare pageSize: number;

  /** The alliance chosen in the list (`alliance` wins when set). */
  private declare selected: string | null;
  private declare filters: DirectoryFilters;
  private declare memberFilters: MemberFilters;
  /** Rows of the list and of the members shown; 0 means one window. */
  private declare listLimit: number;
  private declare memberLimit: number;
  /** Raised by a retry or `refresh()`: a new token loads again, bypassing the short-lived cache. */
  private declare token: number;

  /** The last load of the list [0] and of a profile [1]: shown while reloading and after a failed refresh. */
  readonly #last: (Loaded | undefined)[] = [];
  /** The token of the last load started. */
  #ran = 0;
  /** Search indexes, per data array (a new answer is a new array). */
  readonly #indexes = new WeakMap<object, Indexed<never>[]>();
  #focusAfterRender: (() => HTMLElement | null | undefined) | null = null;
  #reportedConfig = '';
  /** The code for `history` and `json-ld`, once loaded. */
  #optional?: typeof import('./optional.js');
  #optionalLoad?: Promise<unknown>;

  constructor() {
    super();
    this.alliance = '';
    this.history = false;
    this.jsonLd = false;
    this.headingLevel = 2;
    this.pageSize = 50;
    this.selected = null;
    this.filters = { q: '', state: '', kind: '' };
    this.memberFilters = { q: '', type: '' };
    this.listLimit = this.memberLimit = this.token = 0;
  }

  /** One task for both views: the list without a slug, else the alliance's profile. */
  readonly #task = new Task(this, {
    task: async ([api, slug, token], { signal }) => {
      if (!api) return initialState;
      const options = { signal, fresh: token !== this.#ran };
      this.#ran = token;
      // Three tasks, none of them long: the render that started this one (the skeleton), setting
      // up the request, and reading the answer (JSON and its validation) apart from drawing it.
      await nextTask();
      signal.throwIfAborted();
      const value = slug ? await this.loadProfile(api, slug, options) : await this.loadAlliances(api, options);
      await nextTask();
      signal.throwIfAborted();
      return { key: `${api}|${slug}`, value, at: new Date() } satisfies Loaded;
    },
    args: () => [this.#okApi, this.#currentSlug, this.token] as const,
    onComplete: (loaded) => {
      this.#last[Array.isArray(loaded.value) ? 0 : 1] = loaded;
    },
    onError: (error) => {
      if (!isAbort(error)) this.reportError(describeError(error));
    },
  });

  /**
   * Loads every alliance. The one seam to the data layer: a subclass may override it (tests feed
   * data here that the SDK's validation would never let through, to prove the rendering is safe
   * on its own).
   */
  protected loadAlliances(api: string, options: LoadOptions): Promise<Alliance[]> {
    return dataFor(api).alliances(options);
  }

  /** Loads an alliance and its members; see {@link loadAlliances}. */
  protected async loadProfile(api: string, slug: string, options: LoadOptions): Promise<Profile> {
    const data = dataFor(api);
    const [alliance, members] = await Promise.all([data.alliance(slug, options), data.members(slug, options)]);
    return { alliance, members };
  }

  get #okApi(): string | null {
    const api = this.apiBase;
    return api.ok ? api.url : null;
  }

  get #currentSlug(): string {
    return this.alliance || this.selected || '';
  }

  get #window(): number {
    const n = this.pageSize;
    return Number.isInteger(n) && n > 0 ? n : 50;
  }

  /** The data of the current view, from the last load made for it. */
  #shown(): Loaded | undefined {
    const slug = this.#currentSlug;
    const last = this.#last[slug ? 1 : 0];
    return last?.key === `${this.#okApi}|${slug}` ? last : undefined;
  }

  /**
   * Loads the shown data again from the server (bypassing the short-lived shared cache). When that
   * fails, the data already shown stays visible with a notice. Never rejects.
   */
  async refresh(): Promise<void> {
    this.token++;
    try {
      await this.updateComplete;
      await this.#task.taskComplete;
    } catch {
      // Shown in the widget and reported as fk-error; refresh() itself must not reject.
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.history) {
      window.addEventListener('popstate', this.#handlePopState);
      this.#handlePopState();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#handlePopState);
  }

  /**
   * Loads the code of `history` / `json-ld`. The first render waits for it only when the hash holds
   * a view to restore (`#fk-…`), so that the restored view loads first; otherwise the list's request
   * leaves at once and the module arrives meanwhile: one round trip less before the first paint.
   */
  protected override pending(): Promise<unknown> | undefined {
    const own =
      (this.history || this.jsonLd) && !this.#optional
        ? (this.#optionalLoad ??= import('./optional.js').then(
            (m) => {
              this.#optional = m;
              this.#handlePopState();
              this.requestUpdate(); // writes the JSON-LD of what is shown by now
            },
            (error: unknown) => console.warn('[fachkraefte] could not load the code for "history" and "json-ld":', error),
          ))
        : undefined;
    const wait = this.history && /(?:^#|&)fk-/.test(location.hash) ? own : undefined;
    const catalog = super.pending();
    return wait && catalog ? Promise.all([wait, catalog]) : wait ?? catalog;
  }

  protected override configProblems(): ConfigProblem[] {
    const problems = super.configProblems();
    if (this.alliance && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(this.alliance)) {
      problems.push({ attribute: 'alliance', message: `"${this.alliance}" is not an alliance slug (lower-case letters, digits, hyphens)` });
    }
    if (this.#level() !== this.headingLevel) {
      this.warnOnce('heading-level', `"${String(this.headingLevel)}" is not a heading level 1–6; using 2`);
    }
    return problems;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // A configuration problem is reported once per distinct problem, not on every render.
    const problems = this.configProblems();
    const key = problems.map((p) => `${p.attribute}:${p.message}`).join('|');
    if (key && key !== this.#reportedConfig) {
      const first = problems[0]!;
      this.reportError({ code: 'config', status: null, message: first.message, attribute: first.attribute });
    }
    this.#reportedConfig = key;

    // The target may appear only after loading (a profile's title): keep asking until it does.
    const target = this.#focusAfterRender?.();
    if (target) {
      this.#focusAfterRender = null;
      target.focus();
    }
    const o = this.#optional;
    const profile = this.jsonLd && this.#currentSlug ? (this.#shown()?.value as Profile | undefined) : undefined;
    o?.writeJsonLd(this, profile ? o.allianceJsonLd(profile.alliance, profile.members) : null);
  }

  readonly #handlePopState = (): void => {
    if (!this.history || !this.#optional) return;
    const { alliance, ...filters } = this.#optional.readHash(location.hash);
    this.selected = alliance;
    this.filters = filters;
  };

  #syncHash(mode: 'push' | 'replace'): void {
    if (this.history) this.#optional?.writeHash({ alliance: this.alliance ? null : this.selected, ...this.filters }, mode);
  }

  /** Any control of the list's filter form; its `name` is the filter. */
  #handleFilter(event: Event): void {
    const control = event.target as HTMLInputElement;
    this.filters = { ...this.filters, [control.name]: control.value };
    this.listLimit = 0;
    this.#syncHash('replace');
  }

  #handleMemberFilter(event: Event): void {
    const control = event.target as HTMLInputElement;
    this.memberFilters = { ...this.memberFilters, [control.name]: control.value };
    this.memberLimit = 0;
  }

  #handleResetFilters(): void {
    this.filters = { q: '', state: '', kind: '' };
    this.listLimit = 0;
    this.#syncHash('replace');
    this.#focusAfterRender = () => this.#q('#fk-q');
  }

  #handleSelectAlliance(alliance: Alliance): void {
    const event = fkSelectEvent({ type: 'alliance', slug: alliance.slug, alliance });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.selected = alliance.slug;
    this.memberFilters = { q: '', type: '' };
    this.memberLimit = 0;
    this.#syncHash('push');
    // Move focus to the new content, as a page change would, so keyboard and screen-reader users
    // are not left on a button that no longer exists.
    this.#focusAfterRender = () => this.#q('#fk-profile-title, [part~="error"]');
  }

  #handleBack(): void {
    const slug = this.selected ?? '';
    this.selected = null;
    this.#syncHash('push');
    this.#focusAfterRender = () => this.#q(`[data-slug="${CSS.escape(slug)}"]`) ?? this.#q('#fk-q');
  }

  #handleMemberLink(event: MouseEvent, member: Member, alliance: string): void {
    const select = fkSelectEvent({ type: 'organisation', id: member.id, organisation: member, alliance });
    this.dispatchEvent(select);
    if (select.defaultPrevented) event.preventDefault();
  }

  /** Shows the next window of the list or the members, and moves focus to its first row. */
  #handleShowMore(list: boolean): void {
    const from = (list ? this.listLimit : this.memberLimit) || this.#window;
    if (list) this.listLimit = from + this.#window;
    else this.memberLimit = from + this.#window;
    this.#focusAfterRender = () => this.renderRoot.querySelectorAll<HTMLElement>(list ? '.cards [data-slug]' : '.members [data-row]')[from];
  }

  readonly #retry = (): void => {
    this.token++;
  };

  // ---------------------------------------------------------------- rendering

  #q(selector: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(selector);
  }

  /** The heading level `offset` below the widget's top heading. */
  #level(offset = 0): number {
    const n = this.headingLevel;
    return Math.min(6, (Number.isInteger(n) && n > 0 && n < 7 ? n : 2) + offset);
  }

  /** A heading whose level follows `heading-level` (a tag name cannot be bound in a template). */
  #heading(cls: string, offset: number, content: unknown): TemplateResult {
    return html`<p class=${cls} role="heading" aria-level=${this.#level(offset)}>${content}</p>`;
  }

  #date(value: string): string {
    return formatPartialDate(value, this.t);
  }

  protected override renderWidget(): TemplateResult {
    const t = this.t;
    const slug = this.#currentSlug;
    const shown = this.#shown();
    const failed = this.#task.status === TaskStatus.ERROR;
    const list = slug ? null : ((shown?.value as Alliance[] | undefined) ?? null);
    const found = list && this.#filterAlliances(list);
    const bar = (w: number) => html`<div class="skeleton line w${w}"></div>`;
    return html`<div class="root" lang=${this.locale}>
      ${slug
        ? html`${this.alliance
              ? nothing
              : html`<button type="button" class="btn secondary back" part="back-button" @click=${this.#handleBack}>← ${t.profile.back}</button>`}
            <p class="sr-only" role="status">${shown || failed ? '' : t.loading}</p>`
        : html`${this.#heading('title', 0, t.directory.title)}${this.#renderFilters(list ?? [])}
            <p class="count" role="status" part="count">${found ? t.directory.resultCount(found.length, list!.length) : failed ? '' : t.loading}</p>`}
      ${failed && shown ? this.renderStale(shown.at, this.#retry) : nothing}
      ${shown
        ? slug
          ? this.#renderProfile(shown.value as Profile)
          : this.#renderCards(list!, found!)
        : failed
          ? this.renderError(describeError(this.#task.error), this.#retry)
          : slug
            ? html`<div class="profile" part="skeleton" aria-hidden="true">
                ${bar(60)}<div class="skeleton facts"><div class="line"></div><div class="line"></div></div>${[80, 80, 40].map(bar)}
              </div>`
            : // Cards of the final height (see .card in the styles), as many as a state's or a
              // region's list usually has: the list replaces them without moving what follows.
              html`<div class="cards" part="skeleton" aria-hidden="true">
                ${SKELETON_CARDS.map(() => html`<div class="card">${[80, 40, 60, 40].map(bar)}</div>`)}
              </div>`}
    </div>`;
  }

  /** The records of `items` matching `query`, sorted by name; the folded index is built once per array. */
  #find<T extends { name: string }>(items: T[], fields: (item: T) => (string | null | undefined)[], query: string): T[] {
    let index = this.#indexes.get(items) as Indexed<T>[] | undefined;
    if (!index) {
      index = buildIndex(sortByText(items, (a) => a.name), fields);
      this.#indexes.set(items, index as Indexed<never>[]);
    }
    return search(index, query);
  }

  #filterAlliances(data: Alliance[]): Alliance[] {
    const f = this.filters;
    return this.#find(data, (a) => [a.name, ...a.areas], f.q).filter(
      (a) => (!f.state || a.state === f.state) && (!f.kind || a.kind === f.kind),
    );
  }

  /** A search form; its controls report through `onChange` (`input` for typing, `change` for selects). */
  #form(part: string, label: string, onChange: (e: Event) => void, body: unknown): TemplateResult {
    return html`<form class="filters" part=${part} role="search" aria-label=${label} @submit=${prevent} @input=${onChange} @change=${onChange}>
      ${body}
    </form>`;
  }

  /** The search field `#fk-<prefix>q`, with a hint that the list filters as one types. */
  #searchField(prefix: string, label: string, value: string): TemplateResult {
    const id = `fk-${prefix}q`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} name="q" class="control" part="search-input" type="search" autocomplete="off" aria-describedby="${id}-hint" .value=${value} />
      <span id="${id}-hint" class="sr-only">${this.t.directory.searchHint}</span>
    </div>`;
  }

  /** The filter `#fk-<prefix><name>`: "all" first, then `options` as [value, label]. */
  #select(prefix: string, name: string, label: string, value: string, all: string, options: string[][]): TemplateResult {
    const id = `fk-${prefix}${name}`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} name=${name} class="control" part="${name}-select">
        <option value="" ?selected=${!value}>${all}</option>
        ${options.map(([v, text]) => html`<option value=${v!} ?selected=${v === value}>${text}</option>`)}
      </select>
    </div>`;
  }

  #renderFilters(data: Alliance[]): TemplateResult {
    const { t, filters: f } = this;
    const d = t.directory;
    // What the data has, plus a filter restored from the URL before the data has arrived.
    const present = <K extends 'state' | 'kind'>(key: K, all: object) =>
      (Object.keys(all) as Alliance[K][]).filter((v) => v === f[key] || data.some((a) => a[key] === v));
    const states = sortByText(present('state', t.states), (s) => t.states[s]);
    return this.#form(
      'filters',
      d.filters,
      this.#handleFilter,
      html`${this.#searchField('', d.search, f.q)}
        ${this.#select('', 'state', d.state, f.state, d.all, states.map((s) => [s, t.states[s]]))}
        ${this.#select('', 'kind', d.kind, f.kind, d.all, present('kind', t.kinds).map((k) => [k, t.kinds[k]]))}`,
    );
  }

  /** The "show more" button of a long list, when there is more. */
  #more(total: number, limit: number, list: boolean): TemplateResult | typeof nothing {
    return total > limit
      ? html`<button type="button" class="btn secondary" part="show-more" @click=${() => this.#handleShowMore(list)}>
          ${this.t.profile.showMore(Math.min(this.#window, total - limit))}
        </button>`
      : nothing;
  }

  #renderCards(all: Alliance[], found: Alliance[]): TemplateResult {
    const d = this.t.directory;
    if (!found.length) {
      return html`<div class="empty" part="empty">
        <p>${all.length ? d.emptyFiltered : d.empty}</p>
        ${all.length ? html`<button type="button" class="btn secondary" @click=${this.#handleResetFilters}>${d.resetFilters}</button>` : nothing}
      </div>`;
    }
    const limit = this.listLimit || this.#window;
    return html`<ul class="cards" part="list">
        ${found.slice(0, limit).map((a) => this.#renderCard(a))}
      </ul>
      ${this.#more(found.length, limit, true)}`;
  }

  #badge(a: Alliance): TemplateResult {
    return html`<span class="badge">${this.t.kinds[a.kind]} · ${this.t.states[a.state]}</span>`;
  }

  #renderCard(a: Alliance): TemplateResult {
    const t = this.t;
    const d = t.directory;
    return html`<li class="card" part="item">
      ${this.#heading(
        'card-title',
        1,
        html`<button type="button" class="linklike" part="item-button" data-slug=${a.slug} lang=${this.dataLang} @click=${() => this.#handleSelectAlliance(a)}>${a.name}</button>`,
      )}
      ${this.#badge(a)}
      ${a.areas.length
        ? html`<p class="small areas"><span class="sr-only">${t.profile.areas}: </span>${span('', a.areas.join(', '), this.dataLang)}</p>`
        : nothing}
      <p class="small muted">${[a.founded && d.founded(this.#date(a.founded)), d.memberCount(a.memberCount, a.statedMemberCount)].filter(Boolean).join(' · ')}</p>
    </li>`;
  }

  /** One fact of a profile, or nothing without a value. */
  #fact(term: string, value: unknown): TemplateResult | typeof nothing {
    return value ? html`<div><dt>${term}</dt><dd>${value}</dd></div>` : nothing;
  }

  /**
   * A titled section of a profile, or nothing when `body` is empty. `nothing` counts as empty too:
   * it is a (truthy) symbol, and a heading over no content is noise to a screen reader.
   */
  #section(title: string, body: unknown, cls?: string): TemplateResult | typeof nothing {
    return body && body !== nothing ? html`<section class=${cls ?? nothing}>${this.#heading('section-title', 1, title)}${body}</section>` : nothing;
  }

  #renderProfile({ alliance: a, members }: Profile): TemplateResult {
    const t = this.t;
    const p = t.profile;
    const site = safeHttpUrl(a.website);
    const paragraphs = (a.description ?? '').split(/\n\s*\n/).filter((x) => x.trim());
    const c = a.coordinator;
    return html`<article class="profile" part="profile" aria-labelledby="fk-profile-title">
      <div>
        <p class="title" id="fk-profile-title" role="heading" aria-level=${this.#level()} tabindex="-1" lang=${this.dataLang}>${a.name}</p>
        ${this.#badge(a)}
      </div>
      <dl class="facts" part="facts">
        ${this.#fact(p.areas, span('', a.areas.join(', '), this.dataLang))}
        ${this.#fact(p.founded, a.founded && this.#date(a.founded))}
        ${this.#fact(
          p.members,
          html`${t.directory.memberCount(a.memberCount, a.statedMemberCount)}${p.memberCountNote(a.memberCount, a.statedMemberCount) ? html`<br /><span class="small">${p.memberCountNote(a.memberCount, a.statedMemberCount)}</span>` : nothing}${a.membershipFee ? html`<br />${p.membershipFee}` : nothing}`,
        )}
        ${this.#fact(p.website, a.website && (site ? link(site, hostOf(site), 'external') : a.website))}
      </dl>
      ${this.#section(p.description, paragraphs.length && paragraphs.map((x) => html`<p lang=${this.dataLang}>${x}</p>`), 'prose')}
      ${this.#section(
        p.coordinator,
        c &&
          (c.organisationName || c.people.length) &&
          html`${c.organisationName ? html`<p lang=${this.dataLang}>${c.organisationName}</p>` : nothing}${this.#renderPeople(c.people)}`,
      )}
      ${this.#section(p.patrons, this.#renderPeople(a.patrons))}
      ${this.#section(p.contacts, this.#renderPeople(a.contacts))}
      ${this.#section(
        p.focusAreas,
        a.focusAreas.length && html`<ul class="tags">${a.focusAreas.map((f) => html`<li class="tag" lang=${this.dataLang}>${f.name}</li>`)}</ul>`,
      )}
      ${this.#section(
        p.projectGroups,
        a.projectGroups.length &&
          html`<ul class="people">
            ${a.projectGroups.map(
              (g) => html`<li class="person" lang=${this.dataLang}><span class="person-name">${g.name}</span>${span('small', g.description)}</li>`,
            )}
          </ul>`,
      )}
      ${this.#section(
        p.representatives,
        a.representatives.length &&
          html`<p class="small muted">${p.representativesHint}</p>
            ${this.#renderPeople(a.representatives, false)}`,
        'representatives',
      )}
      ${this.#renderMembers(a, members)}
    </article>`;
  }

  /**
   * People with name, role, organisation and time in office. `reach` adds their e-mail and phone
   * as links: for contacts, coordinators and patrons, never for representatives (the sources quote
   * them; they are not whom a visitor should write to).
   */
  #renderPeople(people: Person[], reach = true): TemplateResult | typeof nothing {
    const p = this.t.profile;
    const lang = this.dataLang;
    if (!people.length) return nothing;
    return html`<ul class="people">
      ${people.map((x) => {
        const from = x.from && this.#date(x.from);
        const to = x.to && this.#date(x.to);
        return html`<li class="person">
          ${span('person-name', x.name, lang)}
          ${span('', x.role, lang)} ${span('small', x.organisationName, lang)}
          ${span('small muted', from && to ? `${from} – ${to}` : from ? p.since(from) : to && p.until(to))}
          ${reach && x.email ? html`<span class="small">${p.email}: ${link(mailtoHref(x.email), x.email)}</span>` : nothing}
          ${reach && x.phone ? html`<span class="small">${p.phone}: ${link(telHref(x.phone), x.phone)}</span>` : nothing}
        </li>`;
      })}
    </ul>`;
  }

  #renderMembers(a: Alliance, members: Member[]): TemplateResult {
    const t = this.t;
    const p = t.profile;
    const title = this.#heading('section-title', 1, p.members);
    if (!members.length) {
      return html`<section part="members">
        ${title}<p>${a.statedMemberCount ? p.noMembersStated(a.statedMemberCount) : p.noMembers}</p>
      </section>`;
    }
    const mf = this.memberFilters;
    const found = this.#find(members, (m) => [m.name, ...m.aliases, m.address?.locality], mf.q).filter((m) => !mf.type || m.type === mf.type);
    const limit = this.memberLimit || this.#window;
    // Only a window of the result becomes DOM: 5,000 rows at once would cost far more than a frame.
    const groups = new Map<OrganisationType, Member[]>();
    for (const m of found.slice(0, limit)) (groups.get(m.type) ?? groups.set(m.type, []).get(m.type)!).push(m);
    const totals = new Map<OrganisationType, number>();
    for (const m of found) totals.set(m.type, (totals.get(m.type) ?? 0) + 1);
    const types = ORGANISATION_TYPES.filter((type) => members.some((m) => m.type === type));
    let row = 0;
    return html`<section part="members" class="members">
      ${title}
      ${this.#form(
        'member-filters',
        p.memberSearch,
        this.#handleMemberFilter,
        html`${this.#searchField('m', p.memberSearch, mf.q)}
          ${this.#select('m', 'type', p.memberType, mf.type, p.allTypes, types.map((type) => [type, t.organisationTypes[type]]))}`,
      )}
      <p class="count" role="status" part="count">${p.memberCount(found.length, members.length)}</p>
      ${found.length
        ? html`<div class="groups">
            ${types
              .filter((type) => groups.has(type))
              .map(
                (type) => html`<section class="group" data-type=${type}>
                  ${this.#heading('group-title', 2, `${t.organisationTypes[type]} (${totals.get(type)})`)}
                  <ul>${groups.get(type)!.map((m) => this.#renderMember(m, a.slug, row++))}</ul>
                </section>`,
              )}
          </div>`
        : html`<div class="empty" part="empty"><p>${p.noMatches}</p></div>`}
      ${this.#more(found.length, limit, false)}
    </section>`;
  }

  #renderMember(m: Member, alliance: string, row: number): TemplateResult {
    const site = safeHttpUrl(m.website);
    return html`<li part="member" data-row=${row} tabindex="-1">
      ${site
        ? html`<a class="member-name" href=${site} rel="external" lang=${this.dataLang} @click=${(e: MouseEvent) => this.#handleMemberLink(e, m, alliance)}>${m.name}</a>`
        : span('member-name', m.name, this.dataLang)}
      ${span('small muted', m.address?.locality, this.dataLang)}
      ${m.membership.role === 'member' ? nothing : span('badge', this.t.roles[m.membership.role])}
      ${span('small muted', !site && m.website)}
    </li>`;
  }
}

/** "example.org/path" for a link's text: the address without scheme and "www.". */
function hostOf(url: string): string {
  const u = new URL(url);
  return (u.host + (u.pathname === '/' ? '' : u.pathname)).replace(/^www\./, '');
}
