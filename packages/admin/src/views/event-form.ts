import { type Event as FkEvent, type EventInput, type EventPatch, occurrences } from '@fachkraefte/sdk';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { field, troubleBox, View } from '../ctx.js';
import { CATEGORY_LABELS, formatDate, formatTime, L, statusLabel } from '../i18n.js';
import { freshnessNote, trouble, type Trouble } from '../problems.js';
import { DAYS, dayName, describe, emptyRepeat, fromRrule, toRrule, type Repeat } from '../recurrence.js';
import { addDays, berlinDateTime, berlinParts, berlinToday } from '../time.js';
import './alliance-picker.js';

/** The form as typed: strings, so that nothing the person typed is ever lost or reformatted. */
interface Form {
  title: string; summary: string; description: string;
  allDay: boolean; startDate: string; startTime: string; endDate: string; endTime: string;
  place: boolean; venueName: string; street: string; postalCode: string; locality: string;
  online: boolean; onlineUrl: string; registrationUrl: string;
  categories: string[]; status: FkEvent['status'];
  repeat: Repeat; exdates: string[];
  /** The organising alliances (slugs); the signed-in one is always added when saving. */
  alliances: string[];
}

const CATEGORIES = Object.keys(CATEGORY_LABELS);

/** Field names the server's `errors[].parameter` may name, and the input each is shown at. */
const FIELD_IDS: Record<string, string> = {
  title: 'ev-title', summary: 'ev-summary', description: 'ev-description', start: 'ev-start-date', end: 'ev-end-date',
  allDay: 'ev-allday', venue: 'ev-venue-name', 'venue.name': 'ev-venue-name', 'venue.address': 'ev-locality',
  'venue.address.streetAddress': 'ev-street', 'venue.address.postalCode': 'ev-postal', 'venue.address.locality': 'ev-locality',
  onlineUrl: 'ev-online-url', registrationUrl: 'ev-registration', categories: 'ev-categories', status: 'ev-status',
  // The former start of a rescheduled event is taken from the event, not typed: its errors belong to the new start.
  previousStart: 'ev-start-date',
  recurrence: 'ev-freq', 'recurrence.rrule': 'ev-freq', 'recurrence.exdates': 'ev-freq', alliances: 'ev-alliance-search',
};

function blank(): Form {
  const start = addDays(berlinToday(), 14);
  return {
    title: '', summary: '', description: '', allDay: false, startDate: start, startTime: '17:00', endDate: start, endTime: '19:00',
    place: true, venueName: '', street: '', postalCode: '', locality: '', online: false, onlineUrl: '', registrationUrl: '',
    categories: [], status: 'scheduled', repeat: emptyRepeat(), exdates: [], alliances: [],
  };
}

function fromEvent(e: FkEvent): Form {
  const [startDate, startTime] = e.allDay ? [e.start, ''] : berlinParts(e.start);
  const [endDate, endTime] = e.end ? (e.allDay ? [e.end, ''] : berlinParts(e.end)) : [e.allDay ? '' : startDate, ''];
  return {
    title: e.title, summary: e.summary ?? '', description: e.description ?? '', allDay: e.allDay,
    startDate, startTime, endDate, endTime,
    place: !!e.venue, venueName: e.venue?.name ?? '', street: e.venue?.address?.streetAddress ?? '',
    postalCode: e.venue?.address?.postalCode ?? '', locality: e.venue?.address?.locality ?? '',
    online: !!e.onlineUrl, onlineUrl: e.onlineUrl ?? '', registrationUrl: e.registrationUrl ?? '',
    categories: [...e.categories], status: e.status,
    repeat: fromRrule(e.recurrence?.rrule, startDate),
    exdates: (e.recurrence?.exdates ?? []).map((x) => (x.length === 10 ? x : berlinParts(x)[0])),
    alliances: [...e.alliances],
  };
}

/** @summary Creates, edits, duplicates and postpones an event, with the recurrence builder. */
export class FkAdminEventForm extends View {
  @state() accessor form: Form = blank();
  @state() accessor original: FkEvent | null = null;
  @state() accessor loading = false;
  @state() accessor saving = false;
  @state() accessor problem: Trouble | null = null;
  @state() accessor loadProblem: Trouble | null = null;

  private get recordId() { return this.ctx.route[1] === 'new' ? null : this.ctx.route[1]!; }
  private get mode(): 'new' | 'edit' | 'copy' | 'postpone' {
    if (!this.recordId) return 'new';
    return this.ctx.route[2] === 'copy' ? 'copy' : this.ctx.route[2] === 'postpone' ? 'postpone' : 'edit';
  }
  private get draftKey() { return this.ctx.route.join('/'); }

  override connectedCallback(): void {
    super.connectedCallback();
    // The preview brings the calendar's code: loaded when a form opens, not with the app (its size budget).
    import('@fachkraefte/widgets/event-preview.js').catch((error: unknown) => console.warn('[verwaltung] no event preview:', error));
    const draft = this.ctx.drafts.get(this.draftKey) as Form | undefined;
    if (draft) {
      this.form = draft;
      this.ctx.setDirty(true);
    }
    if (this.recordId) void this.load(!draft);
  }

  private async load(fill: boolean) {
    this.loading = true;
    this.loadProblem = null;
    try {
      const e = await this.ctx.client.events.get(this.recordId!);
      this.original = e;
      if (fill) {
        const f = fromEvent(e);
        if (this.mode === 'copy') {
          f.status = 'scheduled';
          f.title = e.title;
          // A copy is a new event of the signed-in alliance: an alliance's key may not create one
          // in other alliances' calendars (they add themselves); an admin key keeps the list.
          if (this.ctx.me.scope !== 'admin') f.alliances = [this.ctx.alliance];
        }
        this.form = f;
      }
      if (this.mode === 'postpone') {
        await this.updateComplete;
        this.querySelector<HTMLElement>('#ev-status-postponed')?.focus();
      }
    } catch (error) {
      this.loadProblem = trouble(error);
      this.ctx.fail(this.loadProblem);
    } finally {
      this.loading = false;
    }
  }

  private set<K extends keyof Form>(key: K, value: Form[K]) {
    this.form = { ...this.form, [key]: value };
    this.ctx.drafts.set(this.draftKey, this.form);
    this.ctx.setDirty(true);
  }

  private setRepeat<K extends keyof Repeat>(key: K, value: Repeat[K]) {
    this.set('repeat', { ...this.form.repeat, [key]: value });
  }

  private input(key: keyof Form) {
    return (e: InputEvent) => this.set(key, (e.target as HTMLInputElement).value as never);
  }

  private body(): EventInput {
    const f = this.form;
    const start = f.allDay ? f.startDate : (berlinDateTime(f.startDate, f.startTime) ?? `${f.startDate}T${f.startTime}`);
    let end: string | null;
    if (f.allDay) end = f.endDate && f.endDate !== f.startDate ? f.endDate : null;
    else end = f.endTime ? (berlinDateTime(f.endDate || f.startDate, f.endTime) ?? `${f.endDate}T${f.endTime}`) : null;
    const rrule = toRrule(f.repeat, f.startDate);
    return {
      title: f.title.trim(),
      summary: f.summary.trim() || null,
      description: f.description.trim() || null,
      allDay: f.allDay, start, end,
      // "At a place" with nothing typed yet: no venue, rather than an error about an empty name.
      venue: f.place && (f.venueName.trim() || f.street.trim() || f.postalCode.trim() || f.locality.trim()) ? {
        name: f.venueName.trim(),
        address: f.locality.trim() || f.street.trim() || f.postalCode.trim()
          ? { streetAddress: f.street.trim() || null, postalCode: f.postalCode.trim() || null, locality: f.locality.trim(), countryCode: 'DE' }
          : null,
        // A position set elsewhere (API, import) stays while the place is the same.
        position: this.original?.venue && this.original.venue.name === f.venueName.trim() ? this.original.venue.position : null,
      } : null,
      onlineUrl: f.online ? f.onlineUrl.trim() : null,
      registrationUrl: f.registrationUrl.trim() || null,
      categories: f.categories as EventInput['categories'],
      status: f.status,
      recurrence: rrule ? { rrule, exdates: f.exdates } : null,
      alliances: this.allianceList(),
    };
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    if (this.saving) return;
    this.saving = true;
    this.problem = null;
    try {
      const body = this.body();
      let saved: FkEvent;
      if (this.mode === 'edit' || this.mode === 'postpone') {
        const { alliances, ...patch } = body;
        const p: EventPatch & { previousStart?: string | null } = patch;
        // Sent only when changed: the list is replaced as a whole, and a key of a co-organising
        // alliance may change nothing else of a shared event.
        if (this.alliancesChanged()) p.alliances = alliances;
        if (this.original && body.status === 'rescheduled' && this.original.status !== 'rescheduled' && 'previousStart' in this.original) {
          p.previousStart = this.original.start;
        } else if (this.original?.previousStart && body.status !== 'rescheduled') {
          // The server keeps a former start only on a rescheduled event and refuses to drop it
          // silently: an event set back to "scheduled" (or cancelled) says so.
          p.previousStart = null;
        }
        saved = await this.ctx.client.events.update(this.recordId!, p);
      } else {
        saved = await this.ctx.client.events.create(body);
      }
      this.ctx.setDirty(false);
      this.ctx.drafts.delete(this.draftKey);
      const what = this.mode === 'edit' || this.mode === 'postpone' ? L(`„${saved.title}“ ist geändert.`, `“${saved.title}” is changed.`) : L(`„${saved.title}“ ist angelegt.`, `“${saved.title}” is created.`);
      const done = `${what} ${freshnessNote()}`;
      this.ctx.drafts.set('events-list', { tab: 'upcoming', q: '', done });
      this.ctx.announce(done);
      this.ctx.go('events');
    } catch (error) {
      this.problem = trouble(error, Object.keys(FIELD_IDS));
      // A refusal (403) names no field; when the alliances were changed, it is about them.
      if (this.problem.kind === 'forbidden' && this.alliancesChanged()) this.problem.fields.alliances = this.problem.message;
      this.ctx.fail(this.problem);
      await this.updateComplete;
      const first = Object.keys(this.problem.fields)[0];
      const target = first ? this.querySelector<HTMLElement>(`#${FIELD_IDS[first]}`) : this.querySelector<HTMLElement>('[data-trouble]');
      target?.focus();
    } finally {
      this.saving = false;
    }
  }

  /**
   * The signed-in alliance, always among the organisers — except on another alliance's event
   * (opened by its address): saving that must not make the alliance a co-organiser unasked; there
   * the picker offers it like any other (co-organising is what an alliance's key may do there).
   */
  private get ownAlliance(): string {
    const o = this.original;
    const theirs = (this.mode === 'edit' || this.mode === 'postpone') && o && !o.alliances.includes(this.ctx.alliance);
    return theirs ? '' : this.ctx.alliance;
  }

  /** The organising alliances as saved: the form's list, with the signed-in alliance in it (see ownAlliance). */
  private allianceList(): string[] {
    const list = this.form.alliances ?? [];
    const own = this.ownAlliance;
    return !own || list.includes(own) ? [...list] : [own, ...list];
  }

  /** Whether the alliances differ from the saved event's (a new event: whether others were added). */
  private alliancesChanged(): boolean {
    const now = this.allianceList();
    const before = this.mode === 'edit' || this.mode === 'postpone' ? this.original?.alliances ?? [] : [this.ctx.alliance];
    return now.length !== before.length || now.some((a) => !before.includes(a));
  }

  #preview: [Form, FkEvent[]] | null = null;

  /**
   * The event as the API would return it after saving, for <fk-event-preview>: empty while the
   * date (or time) is not complete. An end before the start is left out rather than drawn wrong;
   * the server says what is wrong with it on saving.
   */
  private previewEvents(): FkEvent[] {
    if (this.#preview?.[0] === this.form) return this.#preview[1];
    const f = this.form;
    const b = this.body();
    const day = /^\d{4}-\d{2}-\d{2}$/;
    const instant = (x: string | null | undefined) => (x && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(x) ? Date.parse(x) : NaN);
    let events: FkEvent[] = [];
    if (f.allDay ? day.test(b.start) : !Number.isNaN(instant(b.start))) {
      const endOk = f.allDay ? !!b.end && day.test(b.end) && b.end >= b.start : instant(b.end) >= instant(b.start);
      const o = this.original;
      const previousStart = b.status !== 'rescheduled' || !o ? null : o.status === 'rescheduled' ? (o.previousStart ?? null) : o.start;
      events = [{
        ...b, id: 'vorschau', title: b.title || L('(noch ohne Titel)', '(no title yet)'), end: endOk ? b.end : null, previousStart,
        organisers: o?.organisers ?? [], fictitious: false,
      } as FkEvent];
    }
    this.#preview = [f, events];
    return events;
  }

  /**
   * The date typed, in words and in the app's language: date and time fields take the browser's
   * format (an English browser shows 12/19/2026 and 6:00 PM inside the German app), which no page
   * can change; this line says unambiguously what was entered.
   */
  private renderWhenInWords() {
    const f = this.form;
    const day = /^\d{4}-\d{2}-\d{2}$/;
    const time = /^\d{2}:\d{2}$/;
    if (!day.test(f.startDate)) return nothing;
    const clock = (t: string) => L(`${t} Uhr`, t);
    let text = formatDate(f.startDate);
    if (f.allDay) {
      if (day.test(f.endDate) && f.endDate > f.startDate) text += ` ${L('bis', 'to')} ${formatDate(f.endDate)}`;
    } else if (time.test(f.startTime)) {
      text += `, ${clock(f.startTime)}`;
      const sameDay = !f.endDate || f.endDate === f.startDate;
      if (time.test(f.endTime)) text += sameDay ? ` ${L('bis', 'to')} ${clock(f.endTime)}` : ` ${L('bis', 'to')} ${day.test(f.endDate) ? formatDate(f.endDate) : f.endDate}, ${clock(f.endTime)}`;
    }
    return html`<p class="when-words" data-when-words><span>${L('Eingetragen:', 'Entered:')}</span> ${text}</p>`;
  }

  private renderCalendarPreview() {
    const labels = Object.fromEntries(this.ctx.alliances.map((a) => [a.slug, a.name]));
    const events = this.previewEvents();
    return html`<aside class="ev-preview" aria-labelledby="ev-preview-title">
      <h2 id="ev-preview-title">${L('Vorschau: so zeigt der Kalender den Termin', 'Preview: the event as the calendar shows it')}</h2>
      ${events.length ? nothing : html`<p class="hint">${L('Die Vorschau erscheint, sobald Datum und Uhrzeit vollständig sind.', 'The preview appears once date and time are complete.')}</p>`}
      <fk-event-preview lang=${this.ctx.lang} theme="light" heading-level="2" .events=${events} .labels=${labels}>
        <p slot="list-caption" class="caption">${L('In der Liste des Kalenders:', 'In the calendar’s list:')}</p>
        <p slot="details-caption" class="caption">${L('Nach einem Klick auf den Titel:', 'After a click on the title:')}</p>
      </fk-event-preview>
      <p class="hint">${L('Noch nicht gespeichert: Die Seiten der Kommunen zeigen den Termin erst nach dem Speichern.', 'Not saved yet: the municipalities’ pages show the event only after saving.')}</p>
    </aside>`;
  }

  private err(...names: string[]): string | undefined {
    const f = this.problem?.fields ?? {};
    return names.map((n) => f[n]).find(Boolean);
  }

  override render() {
    const titles = {
      new: L('Neuer Termin', 'New event'), edit: L('Termin bearbeiten', 'Edit event'),
      copy: L('Termin duplizieren', 'Duplicate event'), postpone: L('Termin verschieben', 'Postpone event'),
    };
    if (this.loading && !this.original) return html`<h1 tabindex="-1">${titles[this.mode]}</h1><p class="loading" role="status">${L('Wird geladen …', 'Loading …')}</p>`;
    if (this.loadProblem && !this.original) {
      return html`<h1 tabindex="-1">${titles[this.mode]}</h1>${troubleBox(this.loadProblem)}
        <p><button type="button" class="secondary" @click=${() => this.load(true)}>${L('Erneut laden', 'Load again')}</button> <a href="#/events">${L('Zurück zu den Terminen', 'Back to the events')}</a></p>`;
    }
    const f = this.form;
    return html`
      <p class="back"><a href="#/events">← ${L('Termine', 'Events')}</a></p>
      <h1 tabindex="-1">${titles[this.mode]}${this.original && this.mode !== 'new' ? html`: <span class="sub">${this.original.title}</span>` : nothing}</h1>
      ${this.mode === 'copy' ? html`<p class="hint">${L('Eine Kopie des Termins: Ändern Sie das Datum und speichern Sie, um einen neuen Termin anzulegen.', 'A copy of the event: change the date and save to create a new event.')}</p>` : nothing}
      ${troubleBox(this.problem)}
      <form class="with-preview" @submit=${this.save} novalidate>
        <fieldset><legend>${L('Worum geht es?', 'What is it?')}</legend>
          ${field('ev-title', L('Titel', 'Title'), (a) => html`<input id=${a.id} .value=${f.title} @input=${this.input('title')} required maxlength="300" aria-invalid=${a.invalid} aria-describedby=${a.describedby || nothing}>`, this.err('title'))}
          ${field('ev-summary', L('Kurzbeschreibung (optional)', 'Short summary (optional)'), (a) => html`<input id=${a.id} .value=${f.summary} @input=${this.input('summary')} maxlength="1000" aria-invalid=${a.invalid} aria-describedby=${a.describedby || nothing}>`, this.err('summary'))}
          ${field('ev-description', L('Beschreibung (optional)', 'Description (optional)'), (a) => html`<textarea id=${a.id} rows="5" .value=${f.description} @input=${this.input('description')} aria-invalid=${a.invalid} aria-describedby=${a.describedby || nothing}></textarea>`, this.err('description'))}
          <fieldset class="checks" id="ev-categories" tabindex="-1" aria-describedby=${this.err('categories') ? 'ev-categories-error' : nothing}><legend>${L('Kategorien', 'Categories')}</legend>
            ${CATEGORIES.map((c) => html`<label class="check"><input type="checkbox" .checked=${f.categories.includes(c)}
              @change=${(e: Event) => this.set('categories', (e.target as HTMLInputElement).checked ? [...f.categories, c] : f.categories.filter((x) => x !== c))}> ${L(CATEGORY_LABELS[c]![0], CATEGORY_LABELS[c]![1])}</label>`)}
            ${this.err('categories') ? html`<p class="error" id="ev-categories-error">${this.err('categories')}</p>` : nothing}
          </fieldset>
        </fieldset>

        <fieldset><legend>${L('Wann?', 'When?')}</legend>
          <label class="check"><input id="ev-allday" type="checkbox" .checked=${f.allDay} @change=${(e: Event) => this.set('allDay', (e.target as HTMLInputElement).checked)}> ${L('ganztägig (auch mehrtägig)', 'all day (also several days)')}</label>
          <div class="row">
            ${field('ev-start-date', f.allDay ? L('Erster Tag', 'First day') : L('Datum', 'Date'), (a) => html`<input id=${a.id} type="date" .value=${f.startDate} @input=${(e: InputEvent) => {
              const v = (e.target as HTMLInputElement).value;
              // The end moves with the start while it was on the same day.
              if (!f.endDate || f.endDate === f.startDate) this.form = { ...this.form, endDate: f.allDay ? f.endDate : v };
              this.set('startDate', v);
            }} required aria-invalid=${a.invalid} aria-describedby=${a.describedby || nothing}>`, this.err('start'))}
            ${f.allDay ? nothing : field('ev-start-time', L('Beginn', 'Starts at'), (a) => html`<input id=${a.id} type="time" .value=${f.startTime} @input=${this.input('startTime')} required aria-invalid=${a.invalid} aria-describedby=${a.describedby || nothing}>`, undefined)}
          </div>
          <div class="row">
            ${field('ev-end-date', f.allDay ? L('Letzter Tag (optional, bei mehrtägigen Terminen)', 'Last day (optional, for events over several days)') : L('Enddatum', 'End date'), (a) => html`<input id=${a.id} type="date" .value=${f.endDate} @input=${this.input('endDate')} aria-invalid=${a.invalid} aria-describedby=${a.describedby || nothing}>`, this.err('end'))}
            ${f.allDay ? nothing : field('ev-end-time', L('Ende (optional)', 'Ends at (optional)'), (a) => html`<input id=${a.id} type="time" .value=${f.endTime} @input=${this.input('endTime')} aria-invalid=${a.invalid} aria-describedby=${a.describedby || nothing}>`, undefined)}
          </div>
          <p class="hint">${L('Zeiten in deutscher Zeit (Europe/Berlin).', 'Times in German time (Europe/Berlin).')}</p>
          ${this.renderWhenInWords()}
        </fieldset>

        ${this.renderRepeat()}

        <fieldset><legend>${L('Wo?', 'Where?')}</legend>
          <label class="check"><input type="checkbox" .checked=${f.place} @change=${(e: Event) => this.set('place', (e.target as HTMLInputElement).checked)}> ${L('an einem Ort', 'at a place')}</label>
          ${f.place ? html`
            ${field('ev-venue-name', L('Name des Ortes', 'Name of the place'), (a) => html`<input id=${a.id} .value=${f.venueName} @input=${this.input('venueName')} aria-invalid=${a.invalid} aria-describedby=${a.describedby || nothing}>`, this.err('venue.name', 'venue'))}
            ${field('ev-street', L('Straße und Hausnummer', 'Street and number'), (a) => html`<input id=${a.id} .value=${f.street} @input=${this.input('street')} autocomplete="street-address" aria-invalid=${a.invalid} aria-describedby=${a.describedby || nothing}>`, this.err('venue.address.streetAddress'))}
            <div class="row">
              ${field('ev-postal', L('PLZ', 'Postcode'), (a) => html`<input id=${a.id} .value=${f.postalCode} @input=${this.input('postalCode')} inputmode="numeric" autocomplete="postal-code" size="6" aria-invalid=${a.invalid} aria-describedby=${a.describedby || nothing}>`, this.err('venue.address.postalCode'))}
              ${field('ev-locality', L('Ort', 'Town'), (a) => html`<input id=${a.id} .value=${f.locality} @input=${this.input('locality')} autocomplete="address-level2" aria-invalid=${a.invalid} aria-describedby=${a.describedby || nothing}>`, this.err('venue.address.locality', 'venue.address'))}
            </div>` : nothing}
          <label class="check"><input type="checkbox" .checked=${f.online} @change=${(e: Event) => this.set('online', (e.target as HTMLInputElement).checked)}> ${L('online', 'online')}</label>
          ${f.online ? field('ev-online-url', L('Link zur Online-Teilnahme', 'Link to join online'), (a) => html`<input id=${a.id} type="url" .value=${f.onlineUrl} @input=${this.input('onlineUrl')} placeholder="https://" aria-invalid=${a.invalid} aria-describedby=${a.describedby || nothing}>`, this.err('onlineUrl')) : nothing}
          ${field('ev-registration', L('Link zur Anmeldung (optional)', 'Registration link (optional)'), (a) => html`<input id=${a.id} type="url" .value=${f.registrationUrl} @input=${this.input('registrationUrl')} placeholder="https://" aria-invalid=${a.invalid} aria-describedby=${a.describedby || nothing}>`, this.err('registrationUrl'))}
        </fieldset>

        <fk-admin-alliance-picker .options=${this.ctx.alliances} .value=${this.allianceList()} fixed=${this.ownAlliance}
          .error=${this.err('alliances')} @change=${(e: CustomEvent<string[]>) => this.set('alliances', e.detail)}></fk-admin-alliance-picker>

        <fieldset id="ev-status" tabindex="-1"><legend>${L('Findet der Termin statt?', 'Does the event take place?')}</legend>
          ${(['scheduled', 'cancelled', 'postponed', 'rescheduled'] as const).map((s) => html`<label class="check"><input type="radio" name="status" id="ev-status-${s}" value=${s} .checked=${f.status === s} @change=${() => this.set('status', s)}>
            ${{ scheduled: L('findet statt', 'takes place'), cancelled: L('abgesagt', 'cancelled'), postponed: L('verschoben – neuer Termin noch offen', 'postponed – new date not yet known'), rescheduled: L('verlegt – auf das oben eingetragene neue Datum', 'rescheduled – to the new date entered above') }[s]}</label>`)}
          ${f.status === 'rescheduled' && this.original && this.original.status !== 'rescheduled' ? html`<p class="hint">${L(`Bisher: ${this.original.allDay ? formatDate(this.original.start) : `${formatDate(this.original.start)}, ${formatTime(this.original.start)}`}. Tragen Sie oben unter „Wann?“ das neue Datum ein.`, `Until now: ${this.original.allDay ? formatDate(this.original.start) : `${formatDate(this.original.start)}, ${formatTime(this.original.start)}`}. Enter the new date above under “When?”.`)}</p>` : nothing}
          ${this.err('status') ? html`<p class="error">${this.err('status')}</p>` : nothing}
        </fieldset>

        ${this.renderCalendarPreview()}

        <div class="actions sticky">
          <button type="submit" ?disabled=${this.saving}>${this.saving ? L('Wird gespeichert …', 'Saving …') : this.mode === 'edit' || this.mode === 'postpone' ? L('Änderungen speichern', 'Save changes') : L('Termin anlegen', 'Create event')}</button>
          <a class="button secondary" href="#/events">${L('Abbrechen', 'Cancel')}</a>
        </div>
      </form>`;
  }

  private renderRepeat() {
    const r = this.form.repeat;
    const f = this.form;
    const freqs = [
      ['none', L('nein, einmalig', 'no, once')], ['DAILY', L('täglich', 'daily')], ['WEEKLY', L('wöchentlich', 'weekly')],
      ['MONTHLY', L('monatlich', 'monthly')], ['YEARLY', L('jährlich', 'yearly')], ['custom', L('eigene Regel (RRULE)', 'custom rule (RRULE)')],
    ] as const;
    const err = this.err('recurrence', 'recurrence.rrule', 'recurrence.exdates');
    return html`<fieldset><legend>${L('Wiederholung', 'Repeats')}</legend>
      ${field('ev-freq', L('Wiederholt sich', 'Repeats'), (a) => html`<select id=${a.id} @change=${(e: Event) => this.setRepeat('freq', (e.target as HTMLSelectElement).value as Repeat['freq'])} aria-invalid=${a.invalid} aria-describedby=${a.describedby || nothing}>
        ${freqs.map(([v, t]) => html`<option value=${v} ?selected=${r.freq === v}>${t}</option>`)}</select>`, err)}
      ${r.freq === 'none' ? nothing : r.freq === 'custom'
        ? field('ev-rrule', 'RRULE', (a) => html`<input id=${a.id} .value=${r.custom} @input=${(e: InputEvent) => this.setRepeat('custom', (e.target as HTMLInputElement).value)} spellcheck="false" aria-describedby=${a.describedby || nothing}>`, undefined,
          L('Unterstützt: FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS.', 'Supported: FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS.'))
        : html`
        ${field('ev-interval', L({ DAILY: 'alle … Tage', WEEKLY: 'alle … Wochen', MONTHLY: 'alle … Monate', YEARLY: 'alle … Jahre' }[r.freq], { DAILY: 'every … days', WEEKLY: 'every … weeks', MONTHLY: 'every … months', YEARLY: 'every … years' }[r.freq]),
          (a) => html`<input id=${a.id} type="number" min="1" max="99" .value=${r.interval} @input=${(e: InputEvent) => this.setRepeat('interval', (e.target as HTMLInputElement).value)} class="short">`, undefined)}
        ${r.freq === 'WEEKLY' ? html`<fieldset class="checks days"><legend>${L('an diesen Tagen', 'on these days')}</legend>
          ${DAYS.map((d) => html`<label class="check"><input type="checkbox" .checked=${r.weekdays.includes(d)} @change=${(e: Event) => this.setRepeat('weekdays', (e.target as HTMLInputElement).checked ? [...r.weekdays, d] : r.weekdays.filter((x) => x !== d))}> ${dayName(d)}</label>`)}
        </fieldset>` : nothing}
        ${r.freq === 'MONTHLY' ? html`<fieldset class="checks"><legend>${L('an welchem Tag im Monat', 'on which day of the month')}</legend>
          ${(['nth', 'last', 'day'] as const).map((m) => html`<label class="check"><input type="radio" name="monthly" .checked=${r.monthly === m} @change=${() => this.setRepeat('monthly', m)}> ${describe({ ...r, monthly: m, interval: '1', end: 'never' }, f.startDate).replace(/, (ohne Ende|without end)$/, '')}</label>`)}
        </fieldset>` : nothing}
        <fieldset class="checks"><legend>${L('Ende der Serie', 'End of the series')}</legend>
          <label class="check"><input type="radio" name="end" .checked=${r.end === 'count'} @change=${() => this.setRepeat('end', 'count')}> ${L('nach einer Anzahl von Terminen', 'after a number of dates')}</label>
          ${r.end === 'count' ? field('ev-count', L('Anzahl der Termine', 'Number of dates'), (a) => html`<input id=${a.id} type="number" min="1" max="999" class="short" .value=${r.count} @input=${(e: InputEvent) => this.setRepeat('count', (e.target as HTMLInputElement).value)}>`, undefined) : nothing}
          <label class="check"><input type="radio" name="end" .checked=${r.end === 'until'} @change=${() => this.setRepeat('end', 'until')}> ${L('an einem Datum', 'on a date')}</label>
          ${r.end === 'until' ? field('ev-until', L('Letzter möglicher Tag', 'Last possible day'), (a) => html`<input id=${a.id} type="date" .value=${r.until} @input=${(e: InputEvent) => this.setRepeat('until', (e.target as HTMLInputElement).value)}>`, undefined) : nothing}
          <label class="check"><input type="radio" name="end" .checked=${r.end === 'never'} @change=${() => this.setRepeat('end', 'never')}> ${L('ohne Ende', 'no end')}</label>
        </fieldset>`}
      ${r.freq === 'none' ? nothing : this.renderPreview()}
    </fieldset>`;
  }

  /** The next dates of the series in words, each with a button to leave it out (EXDATE). */
  private renderPreview() {
    const f = this.form;
    const rrule = toRrule(f.repeat, f.startDate);
    if (!rrule || !/^\d{4}-\d{2}-\d{2}$/.test(f.startDate)) return nothing;
    const start = f.allDay ? f.startDate : berlinDateTime(f.startDate, f.startTime || '00:00');
    if (!start) return nothing;
    let dates: string[];
    try {
      const probe = { id: 'preview', title: '', start, end: null, allDay: f.allDay, recurrence: { rrule, exdates: [] } } as unknown as FkEvent;
      dates = occurrences(probe, { from: f.startDate as `${number}-${number}-${number}`, to: addDays(f.startDate, 3 * 366) as `${number}-${number}-${number}` }).slice(0, 10).map((o) => o.start);
    } catch (error) {
      return html`<p class="error" role="status">${L('Diese Regel wird nicht unterstützt: ', 'This rule is not supported: ')}${(error as Error).message}</p>`;
    }
    const day = (d: string) => (d.length === 10 ? d : berlinParts(d)[0]);
    return html`<div class="preview">
      <p><strong>${L('So steht es im Kalender:', 'As the calendar says it:')}</strong> <span data-rule-text>${describe(f.repeat, f.startDate)}</span></p>
      <p>${L('Die nächsten Termine – wählen Sie „auslassen“ für Tage, an denen der Termin nicht stattfindet:', 'The next dates – choose “skip” for days on which the event does not take place:')}</p>
      <ol class="dates">${dates.map((d) => {
        const skipped = f.exdates.includes(day(d));
        return html`<li class=${skipped ? 'skipped' : ''}><span>${formatDate(d)}${f.allDay ? '' : `, ${formatTime(d)}`}${skipped ? html` <em>(${L('ausgelassen', 'skipped')})</em>` : nothing}</span>
          <button type="button" class="small secondary" aria-pressed=${skipped}
            @click=${() => this.set('exdates', skipped ? f.exdates.filter((x) => x !== day(d)) : [...f.exdates, day(d)].sort())}>${L('auslassen', 'skip')}<span class="visually-hidden"> ${formatDate(d)}</span></button></li>`;
      })}</ol>
      ${f.exdates.length ? html`<p>${L('Ausgelassen:', 'Skipped:')} ${f.exdates.map((x) => formatDate(x, false)).join('; ')}</p>` : nothing}
    </div>`;
  }
}

if (!customElements.get('fk-admin-event-form')) customElements.define('fk-admin-event-form', FkAdminEventForm);
