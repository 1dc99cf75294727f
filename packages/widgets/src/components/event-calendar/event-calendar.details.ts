/**
 * What `<fk-event-calendar>` needs only on interaction or on request: the content of the details
 * dialog (one event, or the list of a full day), the next events after a month without any, and
 * the schema.org JSON-LD of the `json-ld` attribute. Imported with `import()` the first time either is needed, so a visitor who only looks
 * at the month never downloads it (in the CDN build it is its own chunk).
 *
 * @module
 */
import type { Event } from '@fachkraefte/schema';
import { html, nothing, type TemplateResult } from 'lit';
import { safeHttpUrl } from '../../internal/safe-url.js';
import type { CalendarStrings } from './event-calendar.i18n.js';
import type { Occurrence } from './month-grid.js';
import { isoDay } from '@fachkraefte/schema/rrule';

export { writeJsonLd } from '../../internal/json-ld.js';

/** What the dialog and the JSON-LD read from the calendar (its private state, handed over). */
export interface DetailHost {
  s: CalendarStrings;
  /** Names of alliances and organisers by slug, as far as loaded. */
  names: ReadonlyMap<string, string>;
  /** `lang="de"` for API text inside an English widget, else `nothing`. */
  apiLang: 'de' | typeof nothing;
  /** URL of an event's `.ics` file, or '' without an API. */
  ics(id: string): string;
  level(offset?: number): number;
  fullDate(day: number): string;
  when(o: Occurrence): string;
  status(e: Event): TemplateResult | typeof nothing;
  item(o: Occurrence, withDay: boolean): TemplateResult;
  /** The occurrences of a day of the grid. */
  dayList(day: number): Occurrence[];
  close(): void;
}

/** "Nächste Termine" after a month without events (left), with the button to their month. */
export function renderNext(h: DetailHost, list: Occurrence[], month: string, jump: () => void): TemplateResult {
  return html`<p class="next-title" role="heading" aria-level=${h.level(2)}>${h.s.upcoming}</p>
<ul class="agenda">${list.map((o) => h.item(o, true))}</ul>
<p><button type="button" class="btn secondary" part="jump" @click=${jump}>${h.s.jump(month)}</button></p>`;
}

/** The dialog's content: the events of `day`, or the details of `occ`. */
export function renderDetail(h: DetailHost, occ: Occurrence | undefined, day: number | undefined): TemplateResult {
  const s = h.s;
  const close = html`<p class="close-row"><button type="button" class="btn secondary close" autofocus @click=${h.close}>${s.close}</button></p>`;
  if (!occ) {
    return html`${close}<p id="fk-cal-dlg" class="dlg-title" role="heading" aria-level=${h.level(1)}>${s.dayEvents(h.fullDate(day!))}</p>
<ul class="agenda">${h.dayList(day!).map((o) => h.item(o, o.first !== o.last))}</ul>`;
  }
  const e = occ.event;
  const a = e.venue?.address;
  const online = safeHttpUrl(e.onlineUrl);
  const register = safeHttpUrl(e.registrationUrl);
  const organisers = [...e.alliances, ...e.organisers].map((id) => h.names.get(id) ?? id);
  const ics = h.ics(e.id);
  const lang = h.apiLang;
  return html`${close}
<p id="fk-cal-dlg" class="dlg-title ${e.status}" role="heading" aria-level=${h.level(1)} lang=${lang}>${e.title}</p>
${h.status(e)}
<dl class="facts">
<div><dt>${s.when}</dt><dd>${h.when(occ)}</dd></div>
${e.venue ? html`<div><dt>${s.where}</dt><dd lang=${lang}>${e.venue.name}${a ? html`<br>${a.streetAddress ? html`${a.streetAddress}<br>` : nothing}${a.postalCode ?? ''} ${a.locality}` : nothing}</dd></div>` : nothing}
${online ? html`<div><dt>${s.online}</dt><dd><a href=${online} rel="external noopener">${new URL(online).host}</a></dd></div>` : nothing}
${e.categories.length ? html`<div><dt>${s.category}</dt><dd>${e.categories.map((c) => s.categories[c]).join(', ')}</dd></div>` : nothing}
${organisers.length ? html`<div><dt>${s.organisers}</dt><dd lang=${lang}>${organisers.join(', ')}</dd></div>` : nothing}
</dl>
${e.summary ? html`<p class="summary" lang=${lang}>${e.summary}</p>` : nothing}
${(e.description ?? '').split(/\n\s*\n/).filter((p) => p.trim()).map((p) => html`<p lang=${lang}>${p}</p>`)}
<p class="actions">
${register ? html`<a class="btn" href=${register} rel="external noopener">${s.register}</a>` : nothing}
${ics ? html`<a class="btn secondary" href=${ics} download>${s.ics}</a>` : nothing}
</p>`;
}

const MODES = { cancelled: 'EventCancelled', postponed: 'EventPostponed', rescheduled: 'EventRescheduled', scheduled: 'EventScheduled' };

/** schema.org `Event`s of the occurrences (those with a day; month-only dates are left out). */
export function eventsJsonLd(list: readonly Occurrence[], names: ReadonlyMap<string, string>): unknown[] {
  return list
    .filter((o) => !o.monthOnly)
    .map(({ event: e, first, last, start, end }) => {
      const v = e.venue;
      const a = v?.address;
      const online = safeHttpUrl(e.onlineUrl);
      const register = safeHttpUrl(e.registrationUrl);
      const place = v && { '@type': 'Place', name: v.name, ...(a && { address: { '@type': 'PostalAddress', streetAddress: a.streetAddress ?? undefined, postalCode: a.postalCode ?? undefined, addressLocality: a.locality, addressCountry: 'DE' } }) };
      const location = [place, online && { '@type': 'VirtualLocation', url: online }].filter(Boolean);
      return {
        '@context': 'https://schema.org',
        '@type': 'Event',
        name: e.title,
        startDate: start === null ? isoDay(first) : new Date(start).toISOString(),
        endDate: start === null ? isoDay(last) : new Date(end!).toISOString(),
        eventStatus: `https://schema.org/${MODES[e.status]}`,
        // The former start of the event, not of each date of a series.
        ...(e.status === 'rescheduled' && e.previousStart && !e.recurrence && { previousStartDate: e.previousStart }),
        eventAttendanceMode: `https://schema.org/${place && online ? 'Mixed' : online ? 'Online' : 'Offline'}EventAttendanceMode`,
        ...(location.length && { location: location.length === 1 ? location[0] : location }),
        ...((e.summary ?? e.description) && { description: e.summary ?? e.description }),
        ...(register && { offers: { '@type': 'Offer', url: register } }),
        organizer: e.alliances.map((slug) => ({ '@type': 'Organization', name: names.get(slug) ?? slug })),
      };
    });
}
