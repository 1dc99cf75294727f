import { Task, TaskStatus } from '@lit/task';
import type { IsoDate } from '@fachkraefte/sdk';
import type { Event } from '@fachkraefte/schema';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { dataFor, describeError, isAbort, sdkReady, type WidgetData } from '../../internal/api.js';
import { FkElement, type ConfigProblem } from '../../internal/fk-element.js';
import { fold } from '../../internal/search.js';
import { base, tokens } from '../../styles/tokens.styles.js';
import { styles } from './event-calendar.styles.js';
import { de, EVENT_CATEGORIES, type CalendarStrings } from './event-calendar.i18n.js';
import type { DetailHost } from './event-calendar.details.js';
import { byWeek, layoutWeek, monthOf, monthWeeks, occurrences, type Occurrence } from './month-grid.js';
import { dateOfDay, dayOf, isoDay, parseDay, weekday, ymd, zonedDay } from '@fachkraefte/schema/rrule';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Rows of entries a day cell shows before "+N more". */
const ROWS = 3;
/** A month as `YYYY-MM` (attribute and hash). */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const fmts = new Map<string, Intl.DateTimeFormat>();
const zones = new Map<string, boolean>();
/** The English texts once imported (see `pending`). */
let en: CalendarStrings | undefined;
let enLoad: Promise<unknown> | undefined;
/** The details dialog and JSON-LD code, imported on first use (see `details`). */
let details: typeof import('./event-calendar.details.js') | undefined;
let detailsLoad: Promise<typeof import('./event-calendar.details.js')> | undefined;
const loadDetails = () => (detailsLoad ??= import('./event-calendar.details.js').then((m) => (details = m)));
/**
 * The hash writer, only for a calendar with `history` (asked for when it connects, so it is there
 * before the first click): most pages do not set the attribute and need not download it.
 */
let hashLoad: Promise<typeof import('../../internal/hash.js')> | undefined;
const loadHash = () => (hashLoad ??= import('../../internal/hash.js'));

interface Loaded {
  key: string;
  events: Event[];
  at: number;
}

/**
 * The event calendar of the alliances: a month grid and a list, with filters, details in a native
 * dialog, `.ics` downloads and a subscription to the feed of the chosen filter. Times are shown in
 * Europe/Berlin (or `time-zone`), correct across the DST switches; recurring events appear on every
 * occurrence (the RRULE is expanded here, the same way calendar apps expand the server's feed).
 *
 * @summary Event calendar of skilled-worker alliances (month grid and list).
 * @tag fk-event-calendar
 *
 * @fires {FkErrorEvent} fk-error - The events could not be loaded or the configuration is wrong; the widget shows the problem itself.
 *
 * @slot - Fallback content for visitors without JavaScript (e.g. a link to the alliance's dates).
 *
 * @csspart toolbar - Navigation, month title and view switch.
 * @csspart filters - The filter form.
 * @csspart grid - The month grid.
 * @csspart day - One day cell of the grid.
 * @csspart event - An event in the grid or the list.
 * @csspart more - The "+N more" button of a full day.
 * @csspart list - The list (agenda) view.
 * @csspart status - The label of a cancelled, postponed or rescheduled event.
 * @csspart empty - The message of a month without events.
 * @csspart upcoming - "Next events": shown when the month has no events (left), with a way to their month.
 * @csspart jump - The button that goes to the month of the next event.
 * @csspart dialog - The details dialog.
 * @csspart subscribe - The subscription links.
 * @csspart error - The error message box.
 * @csspart retry-button - The button that tries loading again.
 * @csspart stale-notice - Shown when a refresh failed and older data stays visible.
 *
 * @cssproperty --fk-color-accent - Links, buttons, events and focus ring.
 * @cssproperty --fk-color-text - Body text.
 * @cssproperty --fk-color-muted - Secondary text and days of the neighbouring months.
 * @cssproperty --fk-color-surface - Background.
 * @cssproperty --fk-color-surface-alt - Background of events and of today.
 * @cssproperty --fk-color-border - Grid lines and field borders.
 * @cssproperty --fk-color-danger - Cancelled events and error borders.
 * @cssproperty --fk-font-family - Font; default `inherit` (the page's font, nothing is loaded).
 * @cssproperty --fk-radius - Corner radius.
 */
export default class FkEventCalendar extends FkElement {
  static override styles = [tokens, base, styles];

  /**
   * Declared statically instead of with decorators: esbuild lowers every standard-decorated
   * accessor into some 150 bytes of helper calls, which for these 18 was a tenth of the calendar's
   * own size budget. The defaults are set in the constructor.
   */
  static override properties = {
    alliance: {}, view: {}, month: {}, timeZone: { attribute: 'time-zone' }, history: { type: Boolean },
    jsonLd: { type: Boolean, attribute: 'json-ld' }, headingLevel: { type: Number, attribute: 'heading-level' },
    ...Object.fromEntries(
      'cursor focusDay chosenView narrow printing category chosenAlliance q token detail names allianceSlugs near'.split(' ').map((k) => [k, { state: true }]),
    ),
  };

  /** Slug(s) of the alliance(s) whose events are shown, separated by spaces or commas; all when empty. */
  declare alliance: string;
  /** `month` or `list` fixes the view; empty (default) picks the list when the widget is narrow. */
  declare view: string;
  /** The month shown first, `YYYY-MM`; default the current month. */
  declare month: string;
  /** IANA time zone of every date and time shown. @default 'Europe/Berlin' */
  declare timeZone: string;
  /** Keeps month and filters in the URL hash (restored on load and on back/forward). */
  declare history: boolean;
  /** Writes schema.org `Event` JSON-LD of the shown month into the light DOM. */
  declare jsonLd: boolean;
  /** Level of the widget's headings (2–6), to fit the page's outline. @default 2 */
  declare headingLevel: number;

  // `protected` (not `private`) where `<fk-event-preview>` (event-preview.ts, an entry of its own)
  // draws with the calendar's own code: the modifiers are erased, the bundles stay byte for byte.
  declare protected cursor: number;
  declare private focusDay: number;
  declare private chosenView: string;
  declare private narrow: boolean;
  declare private printing: boolean;
  declare private category: string;
  declare private chosenAlliance: string;
  declare private q: string;
  declare private token: number;
  declare private detail: { occ?: Occurrence; day?: number } | null;
  /** Names of alliances and organisers by slug, as far as loaded. */
  declare protected names: Map<string, string>;
  declare private allianceSlugs: string[];
  /** On screen or within a screen's height of it: only then is the month loaded and laid out. */
  declare private near: boolean;

  constructor() {
    super();
    this.alliance = this.view = this.month = this.chosenView = this.category = this.chosenAlliance = this.q = '';
    this.timeZone = 'Europe/Berlin';
    this.history = this.jsonLd = this.narrow = this.printing = false;
    this.headingLevel = 2;
    this.cursor = this.focusDay = NaN;
    this.token = 0;
    this.detail = null;
    this.names = new Map();
    this.allianceSlugs = [];
    this.near = false;
  }

  /**
   * A calendar below the fold waits until it comes within a screen's height of the viewport:
   * loading the month and laying out its grid are some hundred milliseconds of main thread at
   * page load that a visitor who never scrolls there does not need. Until then it shows its
   * loading state (the empty grid, or the list's placeholder).
   */
  private stopNear: (() => void) | undefined;

  private last: Loaded | null = null;
  private namesAsked = false;
  private early = false;
  private shown = new Map<string, Occurrence>();
  /** The next events after a month without any (left), by occurrence key. */
  private nextShown = new Map<string, Occurrence>();
  /** A prefix every title of the shown month starts with ("Beispiel: "), left out in the day cells. */
  private titlePrefix = '';
  private memo: [unknown[], Occurrence[]] | null = null;
  /** The visible occurrences per week of the grid, computed with them. */
  private weeksOcc: Occurrence[][] = [];
  private opener: string | null = null;
  private focusAfter: string | null = null;
  private reported = '';
  private resize = new ResizeObserver(([entry]) => {
    const narrow = this.isNarrow(entry?.contentRect.width ?? 1e4);
    // Switching views resizes the element: not within this notification, or the browser reports a loop.
    if (narrow !== this.narrow) requestAnimationFrame(() => (this.narrow = narrow));
  });

  /** Below 40 em the list replaces the month grid (the widget's own width, not the viewport's). */
  private isNarrow(width: number): boolean {
    return width < parseFloat(getComputedStyle(this).fontSize) * 40;
  }

  private readonly task = new Task(this, {
    task: async ([api, from, to, alliances]) => {
      if (!api) return null;
      const data = dataFor(api);
      const key = `${api}|${from}|${alliances}`;
      // The first month, loaded before the first render (see `pending`): the same object, so that
      // nothing is computed twice.
      const early = this.token === 0 && this.last?.key === key ? this.last : null;
      const events = early?.events ?? (await this.load(data, from, to, alliances, this.token > 0));
      // Prefetch the neighbours, so that "next" and "previous" answer from the cache; once this
      // month is painted and the page is idle, so that reading them does not delay that paint.
      afterPaint(() => {
        for (const m of [this.cursor - 1, this.cursor + 1]) {
          const [f, t] = this.range(m);
          this.load(data, f, t, alliances, false).catch(() => undefined);
        }
      });
      return early ?? { key, events, at: Date.now() };
    },
    args: () => {
      const [from, to] = this.range(this.cursor);
      return [this.near ? this.okApi : null, from, to, this.serverAlliances.join(','), this.token] as const;
    },
    onComplete: (value) => {
      if (value) this.last = value;
    },
    onError: (error) => {
      if (!isAbort(error)) this.reportError(describeError(error));
    },
  });

  /**
   * The next few events after a month that has none (left): asked only then, with the same
   * alliances, category and search as the month, so that the calendar never only says "no events"
   * while there are some later. A series is shown by its next date, not its first.
   */
  private readonly nextTask = new Task(this, {
    task: async ([api, from, alliances, category, q], { signal }) => {
      if (!api || !from) return null;
      const fromDay = parseDay(from);
      // The list and its button are drawn by the dialog's module (rarely needed, loaded meanwhile).
      const [events] = await Promise.all([dataFor(api).firstEvents({
        from: from as IsoDate,
        ...(alliances ? { alliance: alliances.split(',') } : {}),
        ...(category ? { category: [category as Event['categories'][number]] } : {}),
        ...(q ? { q } : {}),
      }, 20, { signal }), loadDetails()]);
      const list = occurrences(events.filter((e) => e.status !== 'cancelled'), fromDay, fromDay + 731, this.tz)
        .filter((o) => o.last >= fromDay)
        .slice(0, NEXT);
      this.nextShown = new Map(list.map((o) => [o.key, o]));
      return list;
    },
    args: () => [this.okApi, this.nextFrom(), this.serverAlliances.join(','), this.category, this.q.trim()] as const,
  });

  /**
   * The first day from which to show the next events (`YYYY-MM-DD`), or '' when the month shows
   * events still to come (or is a past month that had events: that is history, not a gap).
   */
  private nextFrom(): string {
    const data = this.loaded();
    if (!data) return '';
    const today = zonedDay(Date.now(), this.tz);
    const first = this.firstOf(this.cursor);
    const month = this.inMonth();
    if (month.length && this.cursor < monthOf(today)) return '';
    const from = Math.max(today, first);
    return month.some((o) => o.last >= from) ? '' : isoDay(from);
  }

  /**
   * The events of the days `from…to`, asked for week by week and all weeks at once: six requests
   * in parallel answer sooner than one range read page after page (the API serves at most 500 a
   * page), each week is cached on its own so that neighbouring months share their common weeks,
   * and the SDK validates each answer while the others are still on the way. An event that spans
   * weeks (or a series) comes in several answers: kept once, by id.
   */
  private async load(data: WidgetData, from: number, to: number, alliances: string, fresh: boolean): Promise<Event[]> {
    const weeks: Promise<Event[]>[] = [];
    for (let d = from; d <= to; d += 7) weeks.push(data.events(this.query(isoDay(d), isoDay(Math.min(d + 6, to)), alliances), { fresh }));
    // The alliances' names, for the filter and the dialog: asked once the month is painted.
    if (!this.names.size && !this.namesAsked) afterPaint(() => this.askNames(data));
    // Every week settles before a failure counts: a retry then starts afresh, instead of joining
    // requests of the failed attempt that are still retrying.
    const results = await Promise.allSettled(weeks);
    const seen = new Set<string>();
    const all: Event[] = [];
    for (const r of results) {
      if (r.status === 'rejected') throw r.reason;
      for (const e of r.value) {
        if (!seen.has(e.id)) {
          seen.add(e.id);
          all.push(e);
        }
      }
    }
    return all;
  }

  /** Loads the alliances' names (once; again after a failure, the slugs serving meanwhile). */
  private askNames(data: WidgetData): void {
    if (this.namesAsked) return;
    this.namesAsked = true;
    data.alliances({}).then(
      (list) => {
        this.allianceSlugs = list.map((a) => a.slug);
        this.names = new Map([...this.names, ...list.map((a) => [a.slug, a.name] as [string, string])]);
      },
      () => (this.namesAsked = false),
    );
  }

  private get okApi(): string | null {
    const api = this.apiBase;
    return api.ok ? api.url : null;
  }

  protected get s(): CalendarStrings {
    return (this.locale === 'en' && en) || de;
  }

  /**
   * Waits for the English texts too, when the calendar speaks English (fetched once per page).
   * Before the very first render it also sends the month's requests and lets them leave (one
   * timer turn): that render draws the empty grid and builds the page's first DateTimeFormats
   * (tens of milliseconds of ICU set-up), work that should overlap the network, not delay it. The
   * task then joins these requests (the data layer shares identical requests in flight).
   */
  protected override pending(): Promise<unknown> | undefined {
    let wait = super.pending();
    if (this.locale === 'en' && !en) {
      const own = (enLoad ??= import('./event-calendar.en.js').then(
        (m) => (en = m.en),
        () => (en = de), // like the shared catalog: German rather than nothing
      ));
      wait = wait ? Promise.all([wait, own]) : own;
    }
    // The subscription links need the SDK (they are part of the first frame's layout).
    const sdk = this.okApi ? sdkReady() : undefined;
    if (sdk) wait = wait ? Promise.all([wait, sdk]) : sdk;
    const m = MONTH.exec(this.month);
    const api = this.near ? this.okApi : null;
    // The view of the first frame from the width the page gives the element now, rather than the
    // month grid and then, a frame later (the ResizeObserver), the list.
    if (!this.hasUpdated) this.narrow = this.isNarrow(this.clientWidth);
    if (!this.hasUpdated && !this.early && api) {
      this.early = true;
      // The month from the hash, the attribute, or else this month by the visitor's clock: a guess
      // that spares asking Intl for today in the calendar's zone (the ICU set-up) before the first
      // request. Where it is wrong (at a month's end, in another zone), the task asks for the right one.
      const now = new Date();
      const month = !Number.isNaN(this.cursor) ? this.cursor : m ? +m[1]! * 12 + +m[2]! - 1 : now.getFullYear() * 12 + now.getMonth();
      const alliances = this.serverAlliances.join(',');
      const [from, to] = this.range(month);
      const data = this.load(dataFor(api), from, to, alliances, false).then(
        (events) => (this.last ??= { key: `${api}|${from}|${alliances}`, events, at: Date.now() }),
        () => undefined, // the task asks again and shows the failure
      );
      // The empty month grid has the size of the full one: it shows at once. A list's length is
      // not known before the data: it waits a moment for them, so that a fast answer does not
      // push the page down twice (placeholder, then list); a slow one gets the placeholder.
      const after = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const first = this.shownView === 'list' ? Promise.race([data, after(300)]) : after(0);
      wait = wait ? Promise.all([wait, first]) : first;
    }
    return wait;
  }

  protected get tz(): string {
    // Checked once per value: building a DateTimeFormat costs far more than using one.
    let ok = zones.get(this.timeZone);
    if (ok === undefined) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: this.timeZone });
        ok = true;
      } catch {
        ok = false;
      }
      zones.set(this.timeZone, ok);
    }
    return ok ? this.timeZone : 'Europe/Berlin';
  }

  private get slugs(): string[] {
    return this.alliance.split(/[\s,]+/).filter(Boolean);
  }

  /** The alliances asked of the server: the one chosen in the filter, else those of the attribute. */
  private get serverAlliances(): string[] {
    return this.chosenAlliance ? [this.chosenAlliance] : this.slugs;
  }

  private get shownView(): 'month' | 'list' {
    if (this.printing) return 'list';
    const fixed = this.view === 'month' || this.view === 'list' ? this.view : '';
    return (fixed || this.chosenView || (this.narrow ? 'list' : 'month')) as 'month' | 'list';
  }

  /** The first and last day (day numbers) of the weeks that show month `m`. */
  private range(m: number): [number, number] {
    const weeks = monthWeeks(Math.floor(m / 12), (m % 12) + 1);
    return [weeks[0]![0]!, weeks.at(-1)![6]!];
  }

  private query(from: string, to: string, alliances: string) {
    // Both come from isoDay: ISO dates by construction.
    return { from: from as IsoDate, to: to as IsoDate, ...(alliances ? { alliance: alliances.split(',') } : {}) };
  }

  /**
   * Loads the shown month again from the server. When that fails, the events already shown stay
   * visible with a notice. Never rejects.
   */
  async refresh(): Promise<void> {
    this.token++;
    try {
      await this.updateComplete;
      await this.task.taskComplete;
    } catch {
      // Shown in the widget and reported as fk-error.
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
    if (!this.near) this.stopNear ??= this.whenNear(() => (this.near = true));
    addEventListener('beforeprint', this.handlePrint);
    addEventListener('afterprint', this.handlePrint);
    if (this.history) {
      void loadHash();
      this.readHash();
      addEventListener('popstate', this.readHash);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.stopNear?.();
    this.stopNear = undefined;
    removeEventListener('beforeprint', this.handlePrint);
    removeEventListener('afterprint', this.handlePrint);
    removeEventListener('popstate', this.readHash);
  }

  protected override configProblems(): ConfigProblem[] {
    const problems = super.configProblems();
    const bad = this.slugs.find((s) => !SLUG.test(s));
    if (bad) problems.push({ attribute: 'alliance', message: `"${bad}" is not an alliance slug (lower-case letters, digits, hyphens)` });
    if (this.view && this.view !== 'month' && this.view !== 'list') this.warnOnce('view', `"${this.view}" is not month or list; choosing by width`);
    if (this.month && !MONTH.test(this.month)) this.warnOnce('month', `"${this.month}" is not YYYY-MM; showing the current month`);
    if (this.tz !== this.timeZone) this.warnOnce('time-zone', `"${this.timeZone}" is not a time zone; using Europe/Berlin`);
    return problems;
  }

  protected override willUpdate(changed: PropertyValues): void {
    // On the first update every initialised property counts as changed: only a later change of
    // `month` (or none shown yet) moves the calendar, so a month restored from the hash stays.
    if (Number.isNaN(this.cursor) || (changed.has('month') && this.hasUpdated)) {
      const m = MONTH.exec(this.month);
      // Today is asked of Intl only when needed: the page's first zoned DateTimeFormat costs tens
      // of milliseconds, which must not stand before the first request (the task starts it next).
      // NaN focusDay means "today if shown, else the 1st", resolved by `focused` while rendering.
      this.cursor = m ? +m[1]! * 12 + +m[2]! - 1 : monthOf(zonedDay(Date.now(), this.tz));
      if (monthOf(this.focusDay) !== this.cursor) this.focusDay = NaN;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const problems = this.configProblems();
    const key = problems.map((p) => p.attribute + p.message).join('|');
    if (key && key !== this.reported) {
      this.reportError({ code: 'config', status: null, message: problems[0]!.message, attribute: problems[0]!.attribute });
    }
    this.reported = key;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && this.detail && changed.has('detail')) {
      if (!dialog.open) dialog.showModal();
      // Moving from the day's list to one event: focus the new content as a page change would.
      else dialog.querySelector<HTMLElement>('.close')?.focus();
    }
    if (this.focusAfter) {
      const el = this.renderRoot.querySelector<HTMLElement>(this.focusAfter);
      if (el) {
        this.focusAfter = null;
        el.focus();
      }
    }
    if (this.jsonLd || changed.has('jsonLd')) {
      // The JSON-LD code comes with the dialog's, on first use; never loaded, nothing to remove.
      if (this.jsonLd || details) void loadDetails().then((m) => m.writeJsonLd(this, this.jsonLd ? this.jsonLdData(m) : null), () => undefined);
    }
  }

  // ------------------------------------------------------------------ state changes

  /** The day that holds the grid's roving focus. */
  private get focused(): number {
    if (!Number.isNaN(this.focusDay)) return this.focusDay;
    const today = zonedDay(Date.now(), this.tz);
    return monthOf(today) === this.cursor ? today : this.firstOf(this.cursor);
  }

  private firstOf(m: number): number {
    return dayOf(Math.floor(m / 12), (m % 12) + 1, 1);
  }

  private setMonth(m: number, day?: number): void {
    this.cursor = m;
    if (day === undefined) {
      const [, , d] = ymd(this.focused);
      day = Math.min(this.firstOf(m) + d - 1, this.firstOf(m + 1) - 1);
    }
    this.focusDay = day;
    this.writeHash(true);
  }

  private handlePrint = (e: globalThis.Event): void => {
    this.printing = e.type === 'beforeprint';
    // The browser lays out for print right after this event: render now, not in a microtask.
    if (this.printing) this.performUpdate();
  };

  private readHash = (): void => {
    const p = new URLSearchParams(location.hash.slice(1));
    const m = MONTH.exec(p.get('fk-cal-month') ?? '');
    if (m) this.setMonthQuietly(+m[1]! * 12 + +m[2]! - 1);
    const category = p.get('fk-cal-category') ?? '';
    this.category = (EVENT_CATEGORIES as readonly string[]).includes(category) ? category : '';
    const alliance = p.get('fk-cal-alliance') ?? '';
    this.chosenAlliance = SLUG.test(alliance) ? alliance : '';
    this.q = (p.get('fk-cal-q') ?? '').slice(0, 200);
  };

  private setMonthQuietly(m: number): void {
    this.cursor = m;
    this.focusDay = this.firstOf(m);
  }

  /** Writes month and filters into the hash, keeping whatever else the page keeps there. */
  private writeHash(push = false): void {
    if (!this.history) return;
    const [y, m] = ymd(this.firstOf(this.cursor));
    const values = {
      'fk-cal-month': `${y}-${String(m).padStart(2, '0')}`,
      'fk-cal-category': this.category,
      'fk-cal-alliance': this.chosenAlliance,
      'fk-cal-q': this.q,
    };
    // Writes keep their order: each waits for the same module. A failed import leaves the hash as it was.
    loadHash().then((h) => h.writeHashValues(values, push), () => (hashLoad = undefined));
  }

  private handleFilter(e: globalThis.Event): void {
    const el = e.target as HTMLInputElement;
    if (el.name === 'category') this.category = el.value;
    else if (el.name === 'alliance') this.chosenAlliance = el.value;
    else this.q = el.value;
    this.writeHash();
  }

  private handleGridKey(e: KeyboardEvent): void {
    const cell = e.target as HTMLElement;
    if (cell.getAttribute('role') !== 'gridcell') return;
    const d = this.focused;
    const [y, m, dd] = ymd(d);
    let next: number;
    switch (e.key) {
      case 'ArrowLeft': next = d - 1; break;
      case 'ArrowRight': next = d + 1; break;
      case 'ArrowUp': next = d - 7; break;
      case 'ArrowDown': next = d + 7; break;
      case 'Home': next = d - weekday(d); break;
      case 'End': next = d + 6 - weekday(d); break;
      case 'PageUp':
      case 'PageDown': {
        const target = y * 12 + m - 1 + (e.key === 'PageUp' ? -1 : 1) * (e.shiftKey ? 12 : 1);
        next = Math.min(this.firstOf(target) + dd - 1, this.firstOf(target + 1) - 1);
        break;
      }
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (this.visible().some((o) => !o.monthOnly && o.first <= d && o.last >= d)) void this.open({ day: d }, `[data-day="${d}"]`);
        return;
      default:
        return;
    }
    e.preventDefault();
    if (monthOf(next) !== this.cursor) this.setMonth(monthOf(next), next);
    else this.focusDay = next;
    this.focusAfter = `[data-day="${next}"]`;
  }

  private handleGridFocus(e: FocusEvent): void {
    const day = (e.target as HTMLElement).closest<HTMLElement>('[data-day]')?.dataset.day;
    if (day && monthOf(+day) === this.cursor) this.focusDay = +day;
  }

  private handleOpen(e: MouseEvent): void {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-key],[data-more]');
    if (!el) return;
    if (el.dataset.more) void this.open({ day: +el.dataset.more }, `[data-more="${el.dataset.more}"]`);
    else {
      const occ = this.shown.get(el.dataset.key!) ?? this.nextShown.get(el.dataset.key!);
      const inDialog = !!el.closest('dialog');
      if (occ) void this.open({ occ }, inDialog ? this.opener : `[data-key="${CSS.escape(occ.key)}"]`);
    }
  }

  private async open(detail: { occ?: Occurrence; day?: number }, opener: string | null): Promise<void> {
    this.opener = opener;
    // The dialog's code arrives on the first open (a small chunk, usually while the click ends).
    // A failed import leaves the dialog closed; the next click tries again.
    try {
      await loadDetails();
    } catch {
      detailsLoad = undefined;
      return;
    }
    this.detail = detail;
    const api = this.okApi;
    // Opened before the page was idle: the alliances' names are wanted now.
    if (api) this.askNames(dataFor(api));
    // Organisers are slugs in an event: their names come from the API, one cached request each.
    for (const id of detail.occ?.event.organisers ?? []) {
      if (api && !this.names.has(id)) {
        dataFor(api)
          .organisation(id, {})
          .then((o) => (this.names = new Map(this.names).set(id, o.name)))
          .catch(() => undefined);
      }
    }
  }

  private handleClose(): void {
    this.detail = null;
    // Back to where the visitor came from; the element may have been re-rendered meanwhile.
    if (this.opener) this.renderRoot.querySelector<HTMLElement>(this.opener)?.focus();
  }

  // ------------------------------------------------------------------ formatting

  /** A cached DateTimeFormat: building one costs far more than using it, and a month needs hundreds. */
  private fmt(name: string, o: Intl.DateTimeFormatOptions, zoned = false): Intl.DateTimeFormat {
    const key = this.locale + name + (zoned ? this.tz : '');
    let f = fmts.get(key);
    if (!f) fmts.set(key, (f = new Intl.DateTimeFormat(this.locale === 'en' ? 'en-GB' : 'de-DE', { ...o, timeZone: zoned ? this.tz : 'UTC' })));
    return f;
  }

  /** "30. November 2016". */
  private date(day: number): string {
    return this.fmt('d', DATE).format(dateOfDay(day));
  }

  private fullDate(day: number): string {
    return this.fmt('f', { weekday: 'long', ...DATE }).format(dateOfDay(day));
  }

  private monthTitle(m: number): string {
    return this.fmt('m', { month: 'long', year: 'numeric' }).format(dateOfDay(this.firstOf(m)));
  }

  private time(ms: number): string {
    return this.fmt('t', TIME, true).format(ms);
  }

  /** Date and time of an occurrence in words: "30. November 2016, 18:00–20:00 Uhr". */
  private when(o: Occurrence): string {
    const s = this.s;
    if (o.monthOnly) return `${this.monthTitle(monthOf(o.first))} (${s.dayUnknown})`;
    if (o.start === null) return o.first === o.last ? this.date(o.first) : this.fmt('d', DATE).formatRange(dateOfDay(o.first), dateOfDay(o.last));
    if (o.first === o.last) return `${this.date(o.first)}, ${s.clock(this.time(o.start) + (o.end! > o.start ? `–${this.time(o.end!)}` : ''))}`;
    return this.fmt('r', { ...DATE, ...TIME }, true).formatRange(o.start, o.end!);
  }

  // ------------------------------------------------------------------ data

  private loaded(): Loaded | null {
    const [from] = this.range(this.cursor);
    const key = `${this.okApi}|${from}|${this.serverAlliances.join(',')}`;
    if (this.task.status === TaskStatus.COMPLETE && this.task.value?.key === key) return this.task.value;
    return this.last?.key === key ? this.last : null;
  }

  /** The occurrences of the shown weeks that pass the category and text filters. */
  private visible(): Occurrence[] {
    const data = this.loaded();
    if (!data) return [];
    // Computed once per data and filter, not on every render (focus moves re-render the grid).
    const memo = [data, this.category, this.q, this.cursor, this.tz];
    if (this.memo?.[0].every((x, i) => x === memo[i])) return this.memo[1];
    const weeks = monthWeeks(Math.floor(this.cursor / 12), (this.cursor % 12) + 1);
    const words = fold(this.q).split(/\s+/).filter(Boolean);
    const events = data.events.filter((e) => {
      if (this.category && !e.categories.includes(this.category as never)) return false;
      if (!words.length) return true;
      const text = fold([e.title, e.summary, e.description, e.venue?.name].join(' '));
      return words.every((w) => text.includes(w));
    });
    const list = occurrences(events, weeks[0]![0]!, weeks.at(-1)![6]!, this.tz);
    this.shown = new Map(list.map((o) => [o.key, o]));
    this.titlePrefix = sharedPrefix(list.map((o) => o.event.title));
    this.weeksOcc = byWeek(list, weeks);
    this.memo = [memo, list];
    return list;
  }

  /** The occurrences of the shown month (the grid also shows the ends of its neighbours). */
  private inMonth(): Occurrence[] {
    const [a, b] = [this.firstOf(this.cursor), this.firstOf(this.cursor + 1)];
    return this.visible().filter((o) => o.last >= a && o.first < b);
  }

  private jsonLdData(m: typeof import('./event-calendar.details.js')): unknown[] | null {
    return this.loaded() ? m.eventsJsonLd(this.inMonth().filter((o) => monthOf(o.first) === this.cursor), this.names) : null;
  }

  /** The calendar's state as the lazily loaded dialog code reads it. */
  protected get host(): DetailHost {
    const api = this.okApi;
    return {
      s: this.s,
      names: this.names,
      apiLang: this.apiLang,
      ics: (id) => (api ? dataFor(api).eventIcsUrl(id) : ''),
      level: (o) => this.level(o),
      fullDate: (d) => this.fullDate(d),
      when: (o) => this.when(o),
      status: (e) => this.status(e),
      item: (o, w) => this.item(o, w),
      dayList: (d) => this.visible().filter((o) => !o.monthOnly && o.first <= d && o.last >= d),
      close: () => this.renderRoot.querySelector('dialog')!.close(),
    };
  }

  // ------------------------------------------------------------------ rendering

  private level(offset = 0): number {
    const l = this.headingLevel;
    return Math.min(6, (Number.isInteger(l) && l >= 1 && l <= 6 ? l : 2) + offset);
  }

  /** API text is German: inside an English widget it is marked, so screen readers switch voice. */
  private get apiLang(): 'de' | typeof nothing {
    return this.locale === 'de' ? nothing : 'de';
  }

  protected override renderWidget(): TemplateResult {
    const s = this.s;
    const data = this.loaded();
    const failed = this.task.status === TaskStatus.ERROR;
    const occ = this.visible();
    const inMonth = this.inMonth();
    const view = this.shownView;
    const title = this.monthTitle(this.cursor);
    // Without a single fixed alliance the filter is there from the first frame (its options arrive
    // with the names, after the month is painted): appearing later, it would move the form.
    const allianceChoices = this.slugs.length === 1 ? null : this.slugs.length ? this.slugs : this.allianceSlugs;
    const alliances = this.serverAlliances;
    const feed = this.okApi ? dataFor(this.okApi).feedUrl({
      ...(alliances.length && { alliance: alliances }),
      ...(this.category && { category: [this.category as Event['categories'][number]] }),
      ...(this.q.trim() && { q: this.q.trim() }),
    }) : '';
    const select = (name: string, label: string, value: string, options: [string, string][]) => html`<div class="field">
<label for="fk-cal-${name}">${label}</label>
<select id="fk-cal-${name}" name=${name} class="control"><option value="">${s.all}</option>${options.map(([v, l]) => html`<option value=${v} ?selected=${value === v}>${l}</option>`)}</select>
</div>`;
    const nav = (label: string, to: number, text: string) => html`<button type="button" class="btn secondary icon" aria-label=${label} @click=${() => this.setMonth(to)}>${text}</button>`;
    return html`<div class="root" lang=${this.locale}>
<p class="heading" role="heading" aria-level=${this.level()}>${s.title}</p>
<div class="toolbar" part="toolbar">
<div class="nav">
${nav(s.prev, this.cursor - 1, '‹')}
<button type="button" class="btn secondary" @click=${this.handleToday}>${s.today}</button>
${nav(s.next, this.cursor + 1, '›')}
</div>
<p class="month" id="fk-cal-month" role="heading" aria-level=${this.level(1)}>${title}</p>
${this.view === 'month' || this.view === 'list' ? nothing : html`<div class="views" role="group" aria-label=${s.views}>
${(['month', 'list'] as const).map((v) => html`<button type="button" class="btn secondary" aria-pressed=${view === v} @click=${() => (this.chosenView = v)}>${s[v]}</button>`)}
</div>`}
</div>
<form class="filters" part="filters" role="search" aria-label=${s.filters} @input=${this.handleFilter} @submit=${(e: globalThis.Event) => e.preventDefault()}>
${select('category', s.category, this.category, EVENT_CATEGORIES.map((c) => [c, s.categories[c]]))}
${allianceChoices ? select('alliance', s.alliance, this.chosenAlliance, allianceChoices.map((a) => [a, this.names.get(a) ?? a])) : nothing}
<div class="field">
<label for="fk-cal-q">${s.search}</label>
<input id="fk-cal-q" name="q" class="control" type="search" autocomplete="off" .value=${this.q}>
</div>
</form>
<p class="sr-only" role="status">${data ? s.count(title, inMonth.length) : failed ? '' : s.loading}</p>
${failed && data ? this.renderStale(new Date(data.at), this.retry) : nothing}
${failed && !data
  ? this.renderError(describeError(this.task.error), this.retry)
  : html`${data && this.nextFrom() ? this.renderNext(inMonth.length > 0, view) : nothing}
${view === 'month' ? this.grid(occ, !data) : this.renderList(inMonth, !data)}`}
${feed ? html`<p class="subscribe" part="subscribe"><a href=${feed.replace(/^https?:/, 'webcal:')}>${s.subscribe}</a> <a href=${feed}>${s.feed}</a></p>` : nothing}
<dialog part="dialog" aria-labelledby="fk-cal-dlg" @close=${this.handleClose} @click=${this.handleOpen}>${this.detail && details ? details.renderDetail(this.host, this.detail.occ, this.detail.day) : nothing}</dialog>
</div>`;
  }

  /**
   * The message of a month without events (left) and, below it, the next events with a button to
   * their month: at the end of a month the visitor sees what comes, not only "no events".
   */
  private renderNext(past: boolean, view: 'month' | 'list'): TemplateResult {
    const s = this.s;
    const list = (details && this.nextTask.status === TaskStatus.COMPLETE && this.nextTask.value) || [];
    const first = list[0];
    const jump = () => {
      const day = first!.monthOnly ? this.firstOf(monthOf(first!.first)) : first!.first;
      this.setMonth(monthOf(day), day);
      // The button goes with the gap it explained: focus moves to what it led to.
      this.focusAfter = view === 'month' ? `[data-day="${day}"]` : `[data-key="${CSS.escape(first!.key)}"]`;
    };
    return html`<div class="upcoming" part="upcoming" @click=${this.handleOpen}>
<p class="empty" part="empty">${past ? s.emptyRest : this.q || this.category ? s.emptyFiltered : s.empty}</p>
${first ? details!.renderNext(this.host, list, this.monthTitle(monthOf(first.first)), jump) : nothing}
</div>`;
  }

  private readonly retry = (): void => {
    this.token++;
  };

  private handleToday(): void {
    const today = zonedDay(Date.now(), this.tz);
    this.setMonth(monthOf(today), today);
  }

  private status(e: Event, short?: boolean): TemplateResult | typeof nothing {
    return e.status === 'scheduled' ? nothing : html`<span class="status ${e.status}" part="status">${this.statusText(e, short)}</span>`;
  }

  /**
   * What an event that does not take place as planned says: "abgesagt"; "verschoben – neuer Termin
   * folgt"; "verschoben vom 3. März" where a rescheduled event names its former start (the year
   * only when it differs, the time when it moved within its day). `short`, for a day cell, where
   * the title needs the room: the bare "verschoben", and "statt 3.3." ("was 03/03").
   */
  private statusText(e: Event, short?: boolean): string {
    const s = this.s;
    const p = e.status === 'rescheduled' && e.previousStart;
    if (!p) return e.status === 'postponed' && !short ? s.postponed : s.status[e.status as 'cancelled'];
    if (p.length < 10) return s.moved(p.length === 7 ? this.monthTitle(monthOf(parseDay(p + '-01'))) : p, false);
    const timed = p.length > 10;
    const day = timed ? zonedDay(Date.parse(p), this.tz) : parseDay(p);
    const now = timed ? zonedDay(Date.parse(e.start), this.tz) : parseDay(e.start);
    if (timed && now === day) return short ? s.movedShort(this.time(Date.parse(p))) : s.moved(s.clock(this.time(Date.parse(p))), true);
    const year = ymd(now)[0] !== ymd(day)[0];
    const when = this.fmt(`p${+!!short}${+year}`, { day: 'numeric', month: short ? 'numeric' : 'long', ...(year && { year: 'numeric' }) }).format(dateOfDay(day));
    return short ? s.movedShort(when) : s.moved(when, false);
  }

  /**
   * An event in a day cell: its time (or, when it does not take place as planned, its status
   * instead: "abgesagt" matters more than the hour, and a day cell has room for one of them) and
   * as much of the title as fits (without a prefix all titles of the month share). The accessible name is that visible text and the date
   * ("abgesagt Netzwerktreffen, 30. November 2016, 18:00–20:00 Uhr"); pointer users get the full
   * title as a tooltip. The name is an attribute, not visually hidden text: a hundred more clipped
   * elements made the month's first layout markedly slower.
   */
  private chip(o: Occurrence, day: number, active: boolean): TemplateResult {
    const e = o.event;
    const when = this.when(o);
    const lead = e.status !== 'scheduled' ? this.statusText(e, true) : o.start !== null && o.first === day ? this.time(o.start) : '';
    // The name holds the visible text as it stands (WCAG 2.5.3, label in name): without the prefix
    // too, which the details dialog and the list show.
    const title = this.titlePrefix && e.title.startsWith(this.titlePrefix) ? e.title.slice(this.titlePrefix.length) : e.title;
    return html`<button type="button" part="event" class="ev ${e.status}${o.first < day ? ' from' : ''}${o.last > day ? ' to' : ''}" data-key=${o.key}
tabindex=${active ? 0 : -1} title=${`${e.title}\n${when}`} aria-label=${`${lead && `${lead} `}${title}, ${when}${e.status === 'rescheduled' && e.previousStart ? `, ${this.statusText(e)}` : ''}`}>${e.status !== 'scheduled' ? html`${this.status(e, true)} ` : lead ? html`<span class="time">${lead}</span> ` : nothing}<span class="title" lang=${this.apiLang}>${title}</span></button>`;
  }

  /**
   * The grid, rebuilt only when something it shows changed. The first month renders twice in a
   * row (with the data loaded before the first render, then once more when the task reports the
   * same data complete): the second pass is a no-op instead of formatting every chip again.
   */
  private grid(occ: Occurrence[], loading: boolean) {
    const deps = [occ, this.weeksOcc, loading, this.cursor, this.focused, zonedDay(Date.now(), this.tz), this.s, this.locale, this.tz];
    return guard(deps, () => this.renderGrid(occ, loading));
  }

  private renderGrid(occ: Occurrence[], loading: boolean): TemplateResult {
    const weeks = monthWeeks(Math.floor(this.cursor / 12), (this.cursor % 12) + 1);
    const today = zonedDay(Date.now(), this.tz);
    const focus = this.focused;
    const monthOnly = occ.filter((o) => o.monthOnly);
    const names = weeks[0]!.map((d) => [this.fmt('w', { weekday: 'short' }).format(dateOfDay(d)).replace('.', ''), this.fmt('W', { weekday: 'long' }).format(dateOfDay(d))]);
    return html`${monthOnly.length ? html`<ul class="month-only">${monthOnly.map((o) => html`<li>${this.chip(o, -1, true)}</li>`)}</ul>` : nothing}
<div role="grid" class="grid" part="grid" aria-labelledby="fk-cal-month" aria-busy=${loading} @keydown=${this.handleGridKey} @focusin=${this.handleGridFocus} @click=${this.handleOpen}>
<div role="row" class="week head">${names.map(([short, long]) => html`<div role="columnheader" class="wd" aria-label=${long!}>${short}</div>`)}</div>
${weeks.map((week, w) => {
  const cells = layoutWeek(week, (occ.length && this.weeksOcc[w]) || []);
  return html`<div role="row" class="week">${week.map((d, i) => {
    const entries = cells[i]!;
    const active = d === focus;
    const total = entries.filter(Boolean).length;
    const rows = entries.length > ROWS ? entries.slice(0, ROWS - 1) : entries;
    const more = total - rows.filter(Boolean).length;
    const date = this.fullDate(d);
    return html`<div role="gridcell" part="day" class="day${monthOf(d) === this.cursor ? '' : ' out'}" data-day=${d} tabindex=${active ? 0 : -1} aria-current=${d === today ? 'date' : nothing}>
<span class="num" aria-hidden="true">${ymd(d)[2]}</span><span class="sr-only">${date}</span>
${rows.map((o) => (o ? this.chip(o, d, active) : html`<span class="gap" aria-hidden="true"></span>`))}
${more > 0 ? html`<button type="button" class="more" part="more" data-more=${d} tabindex=${active ? 0 : -1} aria-label=${`${this.s.more(more)}, ${date}`}>${this.s.more(more)}</button>` : nothing}
</div>`;
  })}</div>`;
})}
</div>`;
  }

  private item(o: Occurrence, withDay: boolean): TemplateResult {
    const e = o.event;
    const timed = o.start !== null && o.first === o.last;
    return html`<li class="item ${e.status}">
<span class="when${withDay && o.first !== o.last ? ' wide' : ''}">${withDay ? this.when(o) : timed ? this.s.clock(`${this.time(o.start!)}${o.end! > o.start! ? `–${this.time(o.end!)}` : ''}`) : this.s.allDay}</span>
<span>${this.status(e)} <button type="button" part="event" class="linklike title" data-key=${o.key}><span lang=${this.apiLang}>${e.title}</span><span class="sr-only">, ${this.when(o)}${e.status === 'scheduled' ? '' : `, ${this.statusText(e)}`}</span></button></span>
${e.venue || e.onlineUrl ? html`<span class="muted small" lang=${e.venue ? this.apiLang : nothing}>${e.venue?.name ?? this.s.online}${e.venue?.address ? `, ${e.venue.address.locality}` : ''}</span>` : nothing}
</li>`;
  }

  protected renderList(occ: Occurrence[], loading: boolean): TemplateResult {
    if (loading) return html`<div class="agenda" part="skeleton" aria-hidden="true">${[80, 60, 70].map((w) => html`<div class="skeleton line w${w}"></div>`)}</div>`;
    const start = this.firstOf(this.cursor);
    const days = new Map<number, Occurrence[]>();
    for (const o of occ) {
      const d = o.monthOnly ? -1 : Math.max(o.first, start);
      const list = days.get(d);
      if (list) list.push(o);
      else days.set(d, [o]);
    }
    return html`<ol class="agenda" part="list" @click=${this.handleOpen}>${[...days].map(([d, list]) => html`<li>
<p class="day-title" role="heading" aria-level=${this.level(2)}>${d < 0 ? this.monthTitle(this.cursor) : this.fullDate(d)}</p>
<ul>${list.map((o) => this.item(o, d < 0 || o.first !== o.last))}</ul>
</li>`)}</ol>`;
  }
}

/**
 * Runs `fn` once the next frame has been painted and the page is idle (Safari, without
 * requestIdleCallback: shortly after the paint). For work the visitor does not wait for.
 */
function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(() => fn(), { timeout: 1000 }) : setTimeout(fn, 50))));
}

/** How many next events a month without any (left) shows. */
const NEXT = 3;

/**
 * The start of the first title up to and with its first ": " ("Beispiel: "), when every title
 * starts with it, there are at least two different ones, and none is only that; else ''. Day cells
 * show titles without it, so that narrow cells show what tells the events apart; tooltips and the
 * details keep it.
 */
export function sharedPrefix(titles: readonly string[]): string {
  const first = titles[0] ?? '';
  const i = first.indexOf(': ');
  const p = i > 0 ? first.slice(0, i + 2) : '';
  return p && titles.some((t) => t !== first) && titles.every((t) => t.startsWith(p) && t.length > p.length) ? p : '';
}

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
