import { initialState, Task, TaskStatus } from '@lit/task';
import { ORGANISATION_TYPES, type Alliance, type Member, type OrganisationType, type Person } from '@fachkraefte/schema';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { fkSelectEvent } from '../../events/fk-select.js';
import type { FkErrorDetail } from '../../events/fk-error.js';
import { dataFor, describeError, isAbort, type LoadOptions } from '../../internal/api.js';
import { FkElement, type ConfigProblem } from '../../internal/fk-element.js';
import { formatPartialDate, formatTime } from '../../internal/format.js';
import { allianceJsonLd, writeJsonLd } from '../../internal/json-ld.js';
import { mailtoHref, safeHttpUrl, telHref } from '../../internal/safe-url.js';
import { buildIndex, search, type Indexed } from '../../internal/search.js';
import { base, tokens } from '../../styles/tokens.styles.js';
import { styles } from './alliance-directory.styles.js';
import { readHash, writeHash, type DirectoryHashState } from './hash-state.js';

interface Loaded<T> {
  key: string;
  value: T;
  at: Date;
}

interface Profile {
  alliance: Alliance;
  members: Member[];
}

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
 * @csspart filters - The search and filter form.
 * @csspart search-input - The search field.
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
 * @cssproperty --fk-font-family - Font; default `inherit` (the page's font, nothing is loaded).
 * @cssproperty --fk-font-size - Base size; default `1em` (the surrounding text).
 * @cssproperty --fk-radius - Corner radius. Default `0.375em`.
 * @cssproperty --fk-spacing - Base spacing. Default `1em`.
 */
export default class FkAllianceDirectory extends FkElement {
  static override styles = [tokens, base, styles];

  /** Slug of one alliance: shows its profile only, without the list. */
  @property() accessor alliance = '';

  /** Keeps the chosen alliance and the filters in the URL hash (restored on load and back/forward). */
  @property({ type: Boolean }) accessor history = false;

  /** Writes schema.org `Organization` JSON-LD (with `member`) of the shown alliance into the light DOM. */
  @property({ type: Boolean, attribute: 'json-ld' }) accessor jsonLd = false;

  /** Level of the widget's top heading (2–6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) accessor headingLevel = 2;

  /** How many rows of a long list are rendered at once; "show more" adds as many again. */
  @property({ type: Number, attribute: 'page-size' }) accessor pageSize = 50;

  @state() private accessor selected: string | null = null;
  @state() private accessor query = '';
  @state() private accessor stateFilter = '';
  @state() private accessor kindFilter = '';
  @state() private accessor memberQuery = '';
  @state() private accessor memberType = '';
  @state() private accessor listLimit = 0;
  @state() private accessor memberLimit = 0;
  @state() private accessor listToken = 0;
  @state() private accessor profileToken = 0;

  private lastList: Loaded<Alliance[]> | null = null;
  private lastProfile: Loaded<Profile> | null = null;
  private listIndex: { source: Alliance[]; index: Indexed<Alliance>[] } | null = null;
  private memberIndex: { source: Member[]; index: Indexed<Member>[] } | null = null;
  private focusAfterRender: (() => HTMLElement | null | undefined) | null = null;
  private reportedConfig = '';

  private readonly listTask = new Task(this, {
    task: async ([api, token], { signal }) => {
      if (!api) return initialState;
      return this.loadAlliances(api, { signal, fresh: token > 0 });
    },
    args: () => [this.view === 'list' ? this.okApi : null, this.listToken] as const,
    onComplete: (value) => {
      this.lastList = { key: this.okApi ?? '', value, at: new Date() };
    },
    onError: (error) => this.handleLoadError(error),
  });

  private readonly profileTask = new Task(this, {
    task: async ([api, slug, token], { signal }): Promise<Profile | typeof initialState> => {
      if (!api || !slug) return initialState;
      return this.loadProfile(api, slug, { signal, fresh: token > 0 });
    },
    args: () => [this.view === 'profile' ? this.okApi : null, this.currentSlug, this.profileToken] as const,
    onComplete: (value) => {
      this.lastProfile = { key: `${this.okApi ?? ''}|${value.alliance.slug}`, value, at: new Date() };
    },
    onError: (error) => this.handleLoadError(error),
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
  protected async loadProfile(api: string, slug: string, options: LoadOptions): Promise<{ alliance: Alliance; members: Member[] }> {
    const data = dataFor(api);
    const [alliance, members] = await Promise.all([data.alliance(slug, options), data.members(slug, options)]);
    return { alliance, members };
  }

  private get okApi(): string | null {
    const api = this.apiBase;
    return api.ok ? api.url : null;
  }

  private get currentSlug(): string {
    return this.alliance || this.selected || '';
  }

  private get view(): 'list' | 'profile' {
    return this.currentSlug ? 'profile' : 'list';
  }

  private get window(): number {
    return Number.isInteger(this.pageSize) && this.pageSize > 0 ? this.pageSize : 50;
  }

  /**
   * Loads the shown data again from the server (bypassing the short-lived shared cache). When that
   * fails, the data already shown stays visible with a notice. Never rejects.
   */
  async refresh(): Promise<void> {
    if (this.view === 'list') this.listToken++;
    else this.profileToken++;
    try {
      await this.updateComplete;
      await (this.view === 'list' ? this.listTask : this.profileTask).taskComplete;
    } catch {
      // Shown in the widget and reported as fk-error; refresh() itself must not reject.
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.history) {
      this.applyHash(readHash(location.hash));
      window.addEventListener('popstate', this.handlePopState);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.handlePopState);
  }

  protected override configProblems(): ConfigProblem[] {
    const problems = super.configProblems();
    if (this.alliance && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(this.alliance)) {
      problems.push({ attribute: 'alliance', message: `"${this.alliance}" is not an alliance slug (lower-case letters, digits, hyphens)` });
    }
    if (!Number.isInteger(this.headingLevel) || this.headingLevel < 1 || this.headingLevel > 6) {
      this.warnOnce('heading-level', `"${String(this.headingLevel)}" is not a heading level 1–6; using 2`);
    }
    return problems;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // A configuration problem is reported once per distinct problem, not on every render.
    const problems = this.configProblems();
    const key = problems.map((p) => `${p.attribute}:${p.message}`).join('|');
    if (key && key !== this.reportedConfig) {
      const first = problems[0]!;
      this.reportError({ code: 'config', status: null, message: first.message, attribute: first.attribute });
    }
    this.reportedConfig = key;

    if (this.focusAfterRender) {
      // The target may appear only after loading (a profile's title): keep asking until it does.
      const target = this.focusAfterRender();
      if (target) {
        this.focusAfterRender = null;
        target.focus();
      }
    }
    if (this.jsonLd) {
      const profile = this.view === 'profile' ? this.shownProfile() : null;
      writeJsonLd(this, profile ? allianceJsonLd(profile.alliance, profile.members) : null);
    } else if (changed.has('jsonLd')) {
      writeJsonLd(this, null);
    }
  }

  private handleLoadError(error: unknown): void {
    if (isAbort(error)) return;
    const detail = describeError(error);
    this.reportError(detail);
  }

  private readonly handlePopState = (): void => {
    this.applyHash(readHash(location.hash));
  };

  private applyHash(s: DirectoryHashState): void {
    this.selected = s.alliance;
    this.query = s.q;
    this.stateFilter = s.state;
    this.kindFilter = s.kind;
  }

  private syncHash(mode: 'push' | 'replace'): void {
    if (!this.history) return;
    writeHash(
      { alliance: this.alliance ? null : this.selected, q: this.query, state: this.stateFilter, kind: this.kindFilter },
      mode,
    );
  }

  private handleSearch(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.listLimit = 0;
    this.syncHash('replace');
  }

  private handleStateFilter(event: Event): void {
    this.stateFilter = (event.target as HTMLSelectElement).value;
    this.listLimit = 0;
    this.syncHash('replace');
  }

  private handleKindFilter(event: Event): void {
    this.kindFilter = (event.target as HTMLSelectElement).value;
    this.listLimit = 0;
    this.syncHash('replace');
  }

  private handleResetFilters(): void {
    this.query = '';
    this.stateFilter = '';
    this.kindFilter = '';
    this.listLimit = 0;
    this.syncHash('replace');
    this.focusAfterRender = () => this.renderRoot.querySelector<HTMLInputElement>('#fk-q');
  }

  private handleSelectAlliance(alliance: Alliance): void {
    const event = fkSelectEvent({ type: 'alliance', slug: alliance.slug, alliance });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.selected = alliance.slug;
    this.memberQuery = '';
    this.memberType = '';
    this.memberLimit = 0;
    this.syncHash('push');
    // Move focus to the new content, as a page change would, so keyboard and screen-reader users
    // are not left on a button that no longer exists.
    this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('#fk-profile-title, [part~="error"]');
  }

  private handleBack(): void {
    const slug = this.selected;
    this.selected = null;
    this.syncHash('push');
    this.focusAfterRender = () =>
      this.renderRoot.querySelector<HTMLElement>(`[data-slug="${CSS.escape(slug ?? '')}"]`) ??
      this.renderRoot.querySelector<HTMLElement>('#fk-q');
  }

  private handleMemberLink(event: MouseEvent, member: Member, alliance: string): void {
    const select = fkSelectEvent({ type: 'organisation', id: member.id, organisation: member, alliance });
    this.dispatchEvent(select);
    if (select.defaultPrevented) event.preventDefault();
  }

  private handleMemberSearch(event: Event): void {
    this.memberQuery = (event.target as HTMLInputElement).value;
    this.memberLimit = 0;
  }

  private handleMemberType(event: Event): void {
    this.memberType = (event.target as HTMLSelectElement).value;
    this.memberLimit = 0;
  }

  private handleShowMoreAlliances(): void {
    const from = this.listLimit || this.window;
    this.listLimit = from + this.window;
    this.focusAfterRender = () => this.renderRoot.querySelectorAll<HTMLElement>('.cards [data-slug]')[from];
  }

  private handleShowMoreMembers(): void {
    const from = this.memberLimit || this.window;
    this.memberLimit = from + this.window;
    this.focusAfterRender = () => this.renderRoot.querySelectorAll<HTMLElement>('.members [data-row]')[from];
  }

  private readonly retryList = (): void => {
    this.listToken++;
  };

  private readonly retryProfile = (): void => {
    this.profileToken++;
  };

  // ---------------------------------------------------------------- rendering

  private level(offset = 0): number {
    const base = Number.isInteger(this.headingLevel) && this.headingLevel >= 1 && this.headingLevel <= 6 ? this.headingLevel : 2;
    return Math.min(6, base + offset);
  }

  protected override renderWidget(): TemplateResult {
    return html`<div class="root" lang=${this.locale}>
      ${this.view === 'list' ? this.renderListView() : this.renderProfileView()}
    </div>`;
  }

  private shownList(): Loaded<Alliance[]> | null {
    const key = this.okApi ?? '';
    return this.lastList && this.lastList.key === key ? this.lastList : null;
  }

  private shownProfile(): Profile | null {
    const key = `${this.okApi ?? ''}|${this.currentSlug}`;
    return this.lastProfile && this.lastProfile.key === key ? this.lastProfile.value : null;
  }

  private renderListView(): TemplateResult {
    const t = this.t.directory;
    const last = this.shownList();
    const status = this.listTask.status;
    const data = status === TaskStatus.COMPLETE ? this.listTask.value ?? null : last?.value ?? null;
    const failed = status === TaskStatus.ERROR;

    let body: TemplateResult;
    let count = '';
    if (data) {
      const result = this.filterAlliances(data);
      count = t.resultCount(result.length, data.length);
      body = html`${failed && last ? this.renderStale(last.at, this.retryList) : nothing}${this.renderCards(data, result)}`;
    } else if (failed) {
      body = this.renderError(this.errorDetail(this.listTask.error), this.retryList);
    } else {
      count = this.t.loading;
      body = this.renderListSkeleton();
    }

    return html`
      <p class="title" role="heading" aria-level=${this.level()}>${t.title}</p>
      ${this.renderFilters(data ?? [])}
      <p class="count" role="status" part="count">${count}</p>
      ${body}
    `;
  }

  private errorDetail(error: unknown): FkErrorDetail {
    return describeError(error);
  }

  private filterAlliances(data: Alliance[]): Alliance[] {
    if (!this.listIndex || this.listIndex.source !== data) {
      const collator = new Intl.Collator(this.t.locale);
      const sorted = [...data].sort((a, b) => collator.compare(a.name, b.name));
      this.listIndex = { source: data, index: buildIndex(sorted, (a) => [a.name, ...a.areas]) };
    }
    return search(this.listIndex.index, this.query).filter(
      (a) => (!this.stateFilter || a.state === this.stateFilter) && (!this.kindFilter || a.kind === this.kindFilter),
    );
  }

  private renderFilters(data: Alliance[]): TemplateResult {
    const t = this.t;
    const states = [...new Set(data.map((a) => a.state))].sort((a, b) => t.states[a].localeCompare(t.states[b], t.locale));
    const kinds = (['state', 'regional', 'district', 'network'] as const).filter((k) => data.some((a) => a.kind === k));
    // A filter restored from the URL stays selectable even before the data has arrived.
    if (this.stateFilter && !states.includes(this.stateFilter as Alliance['state']) && this.stateFilter in t.states) {
      states.push(this.stateFilter as Alliance['state']);
    }
    return html`<form class="filters" role="search" part="filters" aria-label=${t.directory.filters} @submit=${(e: Event) => e.preventDefault()}>
      <div class="field">
        <label for="fk-q">${t.directory.search}</label>
        <input id="fk-q" class="control" part="search-input" type="search" autocomplete="off"
          aria-describedby="fk-q-hint" .value=${this.query} @input=${this.handleSearch} />
        <span id="fk-q-hint" class="sr-only">${t.directory.searchHint}</span>
      </div>
      <div class="field">
        <label for="fk-state">${t.directory.state}</label>
        <select id="fk-state" class="control" part="state-select" @change=${this.handleStateFilter}>
          <option value="" ?selected=${!this.stateFilter}>${t.directory.all}</option>
          ${states.map((s) => html`<option value=${s} ?selected=${this.stateFilter === s}>${t.states[s]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="fk-kind">${t.directory.kind}</label>
        <select id="fk-kind" class="control" part="kind-select" @change=${this.handleKindFilter}>
          <option value="" ?selected=${!this.kindFilter}>${t.directory.all}</option>
          ${kinds.map((k) => html`<option value=${k} ?selected=${this.kindFilter === k}>${t.kinds[k]}</option>`)}
        </select>
      </div>
    </form>`;
  }

  private renderCards(all: Alliance[], result: Alliance[]): TemplateResult {
    const t = this.t;
    if (all.length === 0) return html`<div class="empty" part="empty"><p>${t.directory.empty}</p></div>`;
    if (result.length === 0) {
      return html`<div class="empty" part="empty">
        <p>${t.directory.emptyFiltered}</p>
        <button type="button" class="btn secondary" @click=${this.handleResetFilters}>${t.directory.resetFilters}</button>
      </div>`;
    }
    const limit = this.listLimit || this.window;
    const shown = result.slice(0, limit);
    return html`<ul class="cards" part="list">
        ${shown.map((a) => this.renderCard(a))}
      </ul>
      ${result.length > limit
        ? html`<button type="button" class="btn secondary" part="show-more" @click=${this.handleShowMoreAlliances}>
            ${t.profile.showMore(Math.min(this.window, result.length - limit))}
          </button>`
        : nothing}`;
  }

  private renderCard(a: Alliance): TemplateResult {
    const t = this.t;
    const details = [
      a.founded ? t.directory.founded(formatPartialDate(a.founded, t.locale)) : null,
      t.directory.memberCount(a.memberCount, a.statedMemberCount),
    ].filter(Boolean);
    return html`<li class="card" part="item">
      <p class="card-title" role="heading" aria-level=${this.level(1)}>
        <button type="button" class="linklike" part="item-button" data-slug=${a.slug} @click=${() => this.handleSelectAlliance(a)}>${a.name}</button>
      </p>
      <span class="badge">${t.kinds[a.kind]} · ${t.states[a.state]}</span>
      ${a.areas.length ? html`<p class="small"><span class="sr-only">${t.directory.areas}: </span>${a.areas.join(', ')}</p>` : nothing}
      <p class="small muted">${details.join(' · ')}</p>
    </li>`;
  }

  private renderListSkeleton(): TemplateResult {
    return html`<div class="cards" part="skeleton" aria-hidden="true">
      ${[0, 1, 2].map(
        () => html`<div class="card">
          <div class="skeleton skeleton-line w-80"></div>
          <div class="skeleton skeleton-line w-40"></div>
          <div class="skeleton skeleton-line w-60"></div>
          <div class="skeleton skeleton-line w-40"></div>
        </div>`,
      )}
    </div>`;
  }

  private renderStale(at: Date, retry: () => void): TemplateResult {
    return html`<div class="notice" role="alert" part="stale-notice">
      <p>${this.t.refreshFailed(formatTime(at, this.t.locale))}</p>
      <button type="button" class="btn secondary" part="retry-button" @click=${retry}>${this.t.retry}</button>
    </div>`;
  }

  private renderProfileView(): TemplateResult {
    const status = this.profileTask.status;
    const last = this.shownProfile();
    const data = status === TaskStatus.COMPLETE ? (this.profileTask.value as Profile | undefined) ?? null : last;
    const failed = status === TaskStatus.ERROR;
    const back = !this.alliance && this.selected
      ? html`<button type="button" class="btn secondary back" part="back-button" @click=${this.handleBack}>← ${this.t.profile.back}</button>`
      : nothing;

    if (data) {
      return html`${back}${failed && this.lastProfile ? this.renderStale(this.lastProfile.at, this.retryProfile) : nothing}
        ${this.renderProfile(data)}`;
    }
    if (failed) {
      return html`${back}<p class="count" role="status"></p>${this.renderError(this.errorDetail(this.profileTask.error), this.retryProfile)}`;
    }
    return html`${back}<p class="count sr-only" role="status">${this.t.loading}</p>
      <div class="profile" part="skeleton" aria-hidden="true">
        <div class="skeleton skeleton-line w-60"></div>
        <div class="skeleton facts"><div class="skeleton-line"></div><div class="skeleton-line"></div></div>
        <div class="skeleton skeleton-line w-80"></div>
        <div class="skeleton skeleton-line w-80"></div>
        <div class="skeleton skeleton-line w-40"></div>
      </div>`;
  }

  private renderProfile({ alliance: a, members }: Profile): TemplateResult {
    const t = this.t;
    const website = safeHttpUrl(a.website);
    const paragraphs = (a.description ?? '').split(/\n\s*\n/).filter((p) => p.trim());
    return html`<article class="profile" part="profile" aria-labelledby="fk-profile-title">
      <div>
        <p class="title" id="fk-profile-title" role="heading" aria-level=${this.level()} tabindex="-1">${a.name}</p>
        <span class="badge">${t.kinds[a.kind]} · ${t.states[a.state]}</span>
      </div>
      <dl class="facts" part="facts">
        ${a.areas.length ? html`<div><dt>${t.profile.areas}</dt><dd>${a.areas.join(', ')}</dd></div>` : nothing}
        ${a.founded ? html`<div><dt>${t.profile.founded}</dt><dd>${formatPartialDate(a.founded, t.locale)}</dd></div>` : nothing}
        <div><dt>${t.profile.members}</dt><dd>${t.directory.memberCount(a.memberCount, a.statedMemberCount)}${a.membershipFee ? html`<br />${t.profile.membershipFee}` : nothing}</dd></div>
        ${a.website
          ? html`<div><dt>${t.profile.website}</dt><dd>${website ? html`<a href=${website} rel="external noopener">${hostOf(website)}</a>` : a.website}</dd></div>`
          : nothing}
      </dl>
      ${paragraphs.length
        ? html`<section class="prose"><p class="section-title" role="heading" aria-level=${this.level(1)}>${t.profile.description}</p>
            ${paragraphs.map((p) => html`<p>${p}</p>`)}</section>`
        : nothing}
      ${a.coordinator && (a.coordinator.organisationName || a.coordinator.people.length)
        ? html`<section><p class="section-title" role="heading" aria-level=${this.level(1)}>${t.profile.coordinator}</p>
            ${a.coordinator.organisationName ? html`<p>${a.coordinator.organisationName}</p>` : nothing}
            ${this.renderPeople(a.coordinator.people)}</section>`
        : nothing}
      ${this.renderPeopleSection(t.profile.patrons, a.patrons)}
      ${this.renderPeopleSection(t.profile.contacts, a.contacts)}
      ${a.focusAreas.length
        ? html`<section><p class="section-title" role="heading" aria-level=${this.level(1)}>${t.profile.focusAreas}</p>
            <ul class="tags">${a.focusAreas.map((f) => html`<li class="tag">${f.name}</li>`)}</ul></section>`
        : nothing}
      ${a.projectGroups.length
        ? html`<section><p class="section-title" role="heading" aria-level=${this.level(1)}>${t.profile.projectGroups}</p>
            <ul class="people">${a.projectGroups.map((g) => html`<li class="person"><span class="person-name">${g.name}</span>${g.description ? html`<span class="small">${g.description}</span>` : nothing}</li>`)}</ul></section>`
        : nothing}
      ${this.renderMembers(a, members)}
    </article>`;
  }

  private renderPeopleSection(title: string, people: Person[]): TemplateResult | typeof nothing {
    if (!people.length) return nothing;
    return html`<section><p class="section-title" role="heading" aria-level=${this.level(1)}>${title}</p>${this.renderPeople(people)}</section>`;
  }

  private renderPeople(people: Person[]): TemplateResult | typeof nothing {
    if (!people.length) return nothing;
    const t = this.t;
    const when = (p: Person) => {
      const from = p.from ? formatPartialDate(p.from, t.locale) : '';
      const to = p.to ? formatPartialDate(p.to, t.locale) : '';
      if (from && to) return `${from} – ${to}`;
      if (from) return t.profile.since(from);
      if (to) return t.profile.until(to);
      return '';
    };
    return html`<ul class="people">
      ${people.map((p) => {
        const mail = mailtoHref(p.email);
        const tel = telHref(p.phone);
        const period = when(p);
        return html`<li class="person">
          <span class="person-name">${p.name}</span>
          ${p.role ? html`<span>${p.role}</span>` : nothing}
          ${p.organisationName ? html`<span class="small">${p.organisationName}</span>` : nothing}
          ${period ? html`<span class="small muted">${period}</span>` : nothing}
          ${p.email ? html`<span class="small">${t.profile.email}: ${mail ? html`<a href=${mail}>${p.email}</a>` : p.email}</span>` : nothing}
          ${p.phone ? html`<span class="small">${t.profile.phone}: ${tel ? html`<a href=${tel}>${p.phone}</a>` : p.phone}</span>` : nothing}
        </li>`;
      })}
    </ul>`;
  }

  private filterMembers(members: Member[]): Member[] {
    if (!this.memberIndex || this.memberIndex.source !== members) {
      const collator = new Intl.Collator(this.t.locale);
      const sorted = [...members].sort((a, b) => collator.compare(a.name, b.name));
      this.memberIndex = {
        source: members,
        index: buildIndex(sorted, (m) => [m.name, ...m.aliases, m.address?.locality]),
      };
    }
    const found = search(this.memberIndex.index, this.memberQuery);
    return this.memberType ? found.filter((m) => m.type === this.memberType) : found;
  }

  private renderMembers(a: Alliance, members: Member[]): TemplateResult {
    const t = this.t;
    const level = this.level(1);
    if (members.length === 0) {
      return html`<section part="members"><p class="section-title" role="heading" aria-level=${level}>${t.profile.members}</p>
        <p>${a.statedMemberCount ? t.profile.noMembersStated(a.statedMemberCount) : t.profile.noMembers}</p></section>`;
    }
    const found = this.filterMembers(members);
    const limit = this.memberLimit || this.window;
    // Only a window of the result becomes DOM: 5,000 rows at once would cost far more than a frame.
    const shown = found.slice(0, limit);
    const groups = new Map<OrganisationType, Member[]>();
    for (const m of shown) {
      const list = groups.get(m.type);
      if (list) list.push(m);
      else groups.set(m.type, [m]);
    }
    const totals = new Map<OrganisationType, number>();
    for (const m of found) totals.set(m.type, (totals.get(m.type) ?? 0) + 1);
    const presentTypes = ORGANISATION_TYPES.filter((type) => members.some((m) => m.type === type));
    let row = 0;
    return html`<section part="members" class="members">
      <p class="section-title" role="heading" aria-level=${level}>${t.profile.members}</p>
      <form class="member-filters" role="search" aria-label=${t.profile.memberSearch} @submit=${(e: Event) => e.preventDefault()}>
        <div class="field">
          <label for="fk-mq">${t.profile.memberSearch}</label>
          <input id="fk-mq" class="control" part="search-input" type="search" autocomplete="off" .value=${this.memberQuery} @input=${this.handleMemberSearch} />
        </div>
        <div class="field">
          <label for="fk-mtype">${t.profile.memberType}</label>
          <select id="fk-mtype" class="control" @change=${this.handleMemberType}>
            <option value="" ?selected=${!this.memberType}>${t.profile.allTypes}</option>
            ${presentTypes.map((type) => html`<option value=${type} ?selected=${this.memberType === type}>${t.organisationTypes[type]}</option>`)}
          </select>
        </div>
      </form>
      <p class="count" role="status" part="count">${t.profile.memberCount(found.length, members.length)}</p>
      ${found.length === 0
        ? html`<div class="empty" part="empty"><p>${t.profile.noMatches}</p></div>`
        : html`<div class="groups">
            ${ORGANISATION_TYPES.filter((type) => groups.has(type)).map(
              (type) => html`<section class="group" data-type=${type}>
                <p class="group-title" role="heading" aria-level=${Math.min(6, level + 1)}>${t.organisationTypes[type]} (${totals.get(type)})</p>
                <ul>
                  ${groups.get(type)!.map((m) => this.renderMember(m, a.slug, row++))}
                </ul>
              </section>`,
            )}
          </div>`}
      ${found.length > limit
        ? html`<button type="button" class="btn secondary" part="show-more" @click=${this.handleShowMoreMembers}>
            ${t.profile.showMore(Math.min(this.window, found.length - limit))}
          </button>`
        : nothing}
    </section>`;
  }

  private renderMember(m: Member, alliance: string, row: number): TemplateResult {
    const t = this.t;
    const site = safeHttpUrl(m.website);
    return html`<li part="member" data-row=${row} tabindex="-1">
      ${site
        ? html`<a class="member-name" href=${site} rel="external noopener" @click=${(e: MouseEvent) => this.handleMemberLink(e, m, alliance)}>${m.name}</a>`
        : html`<span class="member-name">${m.name}</span>`}
      ${m.address ? html`<span class="small muted">${m.address.locality}</span>` : nothing}
      ${m.membership.role !== 'member' ? html`<span class="badge">${t.roles[m.membership.role]}</span>` : nothing}
      ${m.website && !site ? html`<span class="small muted">${m.website}</span>` : nothing}
    </li>`;
  }
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return (u.host + (u.pathname === '/' ? '' : u.pathname)).replace(/^www\./, '');
  } catch {
    return url;
  }
}
