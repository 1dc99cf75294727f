/**
 * `<fk-event-preview>`: events that are not saved yet (a form's draft), drawn by the code of
 * `<fk-event-calendar>` — the list entry and the details as a visitor of the calendar sees them —
 * without any request. For editors (the coordinators' app at /verwaltung/), not for public pages.
 *
 * An entry of its own (`@fachkraefte/widgets/event-preview.js`), outside the CDN folder: the
 * widgets' bundles do not change by a byte. It subclasses the calendar; the few members it reads
 * are `protected` there for this reason.
 *
 * @example
 * ```ts
 * import '@fachkraefte/widgets/event-preview.js';
 * const preview = document.createElement('fk-event-preview');
 * preview.events = [draft];              // an `Event` as the API would return it
 * preview.labels = { 'fachkraefteallianz-suedwest': 'Fachkräfteallianz Südwest' };
 * form.append(preview);
 * ```
 *
 * @module
 */
import type { Event } from '@fachkraefte/schema';
import { parseDay, zonedDay } from '@fachkraefte/schema/rrule';
import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { defineElement } from '../../internal/define.js';
import type { ApiBase } from '../../internal/config.js';
import type { ConfigProblem } from '../../internal/fk-element.js';
import FkEventCalendar from './event-calendar.component.js';
import { renderDetail } from './event-calendar.details.js';
import { monthOf, occurrences, type Occurrence } from './month-grid.js';

/** How many dates of a series the list shows. */
const DATES = 3;
/** How far ahead a series' next dates are looked for (days). */
const AHEAD = 3 * 366;

/**
 * Events drawn as `<fk-event-calendar>` draws them, from data handed over instead of the API.
 *
 * @summary Preview of unsaved events as the event calendar shows them (list entry and details).
 * @tag fk-event-preview
 *
 * @slot list-caption - A caption above the list entry (e.g. "In der Liste:").
 * @slot details-caption - A caption above the details (e.g. "Beim Klick auf den Titel:").
 *
 * @csspart entry - The list entry (the calendar's list view, whose own `list` part it holds).
 * @csspart details - The details (the calendar's dialog, shown inline).
 * @csspart empty - Shown when there is nothing to preview (no valid date yet).
 */
export class FkEventPreview extends FkEventCalendar {
  static override styles = [
    ...FkEventCalendar.styles,
    // The dialog's content shown inline: no close button, framed like the dialog.
    css`.close-row { display: none } .details { display: flex; flex-direction: column; gap: 0.75em; padding: 1em; border: 0.0625em solid var(--_border); border-radius: var(--_radius); background: var(--_surface) } .details:focus-visible { outline: 0.1875em solid var(--_focus) }`,
  ];

  static override properties = { ...FkEventCalendar.properties, events: { attribute: false }, labels: { attribute: false } };

  /** The events to show (as the API returns them; a draft needs no real `id`). @default [] */
  declare events: readonly Event[];
  /** Names of alliances and organisations by slug, for "Veranstalter". @default {} */
  declare labels: Readonly<Record<string, string>>;

  #memo: [readonly Event[], string, Occurrence[]] | null = null;

  constructor() {
    super();
    this.events = [];
    this.labels = {};
  }

  /** Never an API: nothing this element shows comes from the network, whatever the page says. */
  protected override get apiBase(): ApiBase {
    return { ok: false, reason: 'missing' };
  }

  /** Without an API by design: that is not a problem to report. */
  protected override configProblems(): ConfigProblem[] {
    return super.configProblems().filter((p) => p.attribute !== 'api');
  }

  /** The first dates of the events (a series: its next {@link DATES}). */
  private dates(): Occurrence[] {
    const tz = this.tz;
    if (this.#memo && this.#memo[0] === this.events && this.#memo[1] === tz) return this.#memo[2];
    const firsts = this.events
      .map((e) => (e.start.length > 10 ? zonedDay(Date.parse(e.start), tz) : parseDay(e.start.length === 7 ? `${e.start}-01` : e.start)))
      .filter((d) => Number.isFinite(d));
    const from = Math.min(...firsts);
    const list = firsts.length ? occurrences(this.events, from, from + AHEAD, tz).slice(0, DATES) : [];
    this.#memo = [this.events, tz, list];
    return list;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('labels')) this.names = new Map(Object.entries(this.labels));
    // The list groups by day from the first of the shown month: the month of the first date.
    const first = this.dates()[0];
    if (first) this.cursor = monthOf(first.first);
  }

  /** A click on a title shows the details, as in the calendar (here: they are already on screen). */
  private handleTitle(e: MouseEvent): void {
    if (!(e.target as HTMLElement).closest('[data-key]')) return;
    const details = this.renderRoot.querySelector<HTMLElement>('.details');
    details?.scrollIntoView({ block: 'nearest' });
    details?.focus();
  }

  protected override renderWidget(): TemplateResult {
    const list = this.dates();
    if (!list.length) return html`<div class="root" lang=${this.locale}><p class="empty" part="empty">${this.s.empty}</p></div>`;
    return html`<div class="root" lang=${this.locale}>
<slot name="list-caption"></slot>
<div part="entry" @click=${this.handleTitle}>${this.renderList(list, false)}</div>
<slot name="details-caption"></slot>
<div class="details" part="details" tabindex="-1">${renderDetail(this.host, list[0], undefined)}</div>
</div>`;
  }
}

export default FkEventPreview;

defineElement('fk-event-preview', FkEventPreview);

declare global {
  interface HTMLElementTagNameMap {
    'fk-event-preview': FkEventPreview;
  }
}
