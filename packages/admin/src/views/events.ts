import type { Event } from '@fachkraefte/sdk';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { doneBox, troubleBox, View } from '../ctx.js';
import { CATEGORY_LABELS, formatDate, formatTime, L, pair, statusLabel } from '../i18n.js';
import { freshnessNote, trouble, type Trouble } from '../problems.js';
import { berlinToday } from '../time.js';

/** When an event takes place, in words: "Do., 4. März 2027, 17:00–19:00". */
export function whenText(e: Pick<Event, 'start' | 'end' | 'allDay'>): string {
  if (e.allDay) return e.end && e.end !== e.start ? `${formatDate(e.start)} – ${formatDate(e.end)}` : formatDate(e.start);
  const sameDay = e.end && e.end.slice(0, 10) === e.start.slice(0, 10);
  if (!e.end) return `${formatDate(e.start)}, ${formatTime(e.start)}`;
  return sameDay ? `${formatDate(e.start)}, ${formatTime(e.start)}–${formatTime(e.end)}` : `${formatDate(e.start)}, ${formatTime(e.start)} – ${formatDate(e.end)}, ${formatTime(e.end)}`;
}

/** @summary The alliance's events: upcoming and past, searchable, with the actions on each. */
export class FkAdminEvents extends View {
  @state() accessor tab: 'upcoming' | 'past' = 'upcoming';
  @state() accessor q = '';
  @state() accessor items: Event[] | null = null;
  @state() accessor problem: Trouble | null = null;
  @state() accessor done: string | null = null;
  private loadSeq = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = this.ctx.drafts.get('events-list') as { tab: 'upcoming' | 'past'; q: string; done?: string } | undefined;
    if (saved) {
      this.tab = saved.tab;
      this.q = saved.q;
      this.done = saved.done ?? null;
      this.ctx.drafts.set('events-list', { tab: saved.tab, q: saved.q });
    }
    void this.load();
  }

  private async load() {
    const seq = ++this.loadSeq;
    this.items = null;
    this.problem = null;
    const today = berlinToday();
    try {
      const filters = { alliance: [this.ctx.alliance], limit: 200, ...(this.q.trim() ? { q: this.q.trim() } : {}), ...(this.tab === 'upcoming' ? { from: today as `${number}-${number}-${number}` } : { to: today as `${number}-${number}-${number}` }) };
      const items: Event[] = [];
      for await (const e of this.ctx.client.events.iterate(filters)) {
        items.push(e);
        if (items.length >= 1000) break;
      }
      if (seq !== this.loadSeq) return;
      // Past events: the most recent first.
      if (this.tab === 'past') items.reverse();
      this.items = items;
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.problem = trouble(error);
      this.ctx.fail(this.problem);
    }
  }

  private remember() {
    this.ctx.drafts.set('events-list', { tab: this.tab, q: this.q });
  }

  private handleSearch(e: SubmitEvent) {
    e.preventDefault();
    this.q = ((e.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement).value;
    this.remember();
    void this.load();
  }

  private showTab(tab: 'upcoming' | 'past') {
    this.tab = tab;
    this.remember();
    void this.load();
  }

  private async cancel(e: Event) {
    if (!window.confirm(L(`„${e.title}“ absagen? Der Termin bleibt sichtbar und wird als „abgesagt“ markiert.`, `Cancel “${e.title}”? The event stays visible, marked as “cancelled”.`))) return;
    await this.write(() => this.ctx.client.events.update(e.id, { status: 'cancelled' }), L(`„${e.title}“ ist abgesagt.`, `“${e.title}” is cancelled.`));
  }

  private async reinstate(e: Event) {
    await this.write(() => this.ctx.client.events.update(e.id, { status: 'scheduled' }), L(`„${e.title}“ findet wieder statt.`, `“${e.title}” takes place again.`));
  }

  private async removeItem(e: Event) {
    if (!window.confirm(L(`„${e.title}“ endgültig löschen? Das lässt sich nicht rückgängig machen. (Absagen hält den Termin sichtbar.)`, `Delete “${e.title}” for good? This cannot be undone. (Cancelling keeps the event visible.)`))) return;
    await this.write(() => this.ctx.client.events.delete(e.id), L(`„${e.title}“ ist gelöscht.`, `“${e.title}” is deleted.`));
  }

  private async write(run: () => Promise<unknown>, what: string) {
    this.problem = null;
    this.done = null;
    try {
      await run();
      this.done = `${what} ${freshnessNote()}`;
      this.ctx.announce(this.done);
      await this.load();
    } catch (error) {
      this.problem = trouble(error);
      this.ctx.fail(this.problem);
    }
  }

  override render() {
    return html`
      <div class="view-head">
        <h1 tabindex="-1">${L('Termine', 'Events')}</h1>
        <a class="button" href="#/events/new">${L('Neuer Termin', 'New event')}</a>
      </div>
      ${doneBox(this.done)}
      ${troubleBox(this.problem)}
      <div class="toolbar">
        <div class="tabs" role="group" aria-label=${L('Welche Termine', 'Which events')}>
          <button type="button" class="tab" aria-pressed=${this.tab === 'upcoming'} @click=${() => this.showTab('upcoming')}>${L('Kommende', 'Upcoming')}</button>
          <button type="button" class="tab" aria-pressed=${this.tab === 'past'} @click=${() => this.showTab('past')}>${L('Vergangene', 'Past')}</button>
        </div>
        <form class="search" role="search" @submit=${this.handleSearch}>
          <label for="event-q">${L('Termine durchsuchen', 'Search events')}</label>
          <input id="event-q" name="q" type="search" .value=${this.q}>
          <button type="submit" class="secondary">${L('Suchen', 'Search')}</button>
        </form>
      </div>
      ${this.renderList()}`;
  }

  private renderList() {
    if (this.items === null) return this.problem ? html`<button type="button" class="secondary" @click=${() => this.load()}>${L('Erneut laden', 'Load again')}</button>` : html`<p class="loading" role="status">${L('Termine werden geladen …', 'Loading events …')}</p>`;
    if (!this.items.length) {
      return html`<p class="empty">${this.q ? L(`Keine Termine zu „${this.q}“.`, `No events match “${this.q}”.`) : this.tab === 'upcoming' ? L('Keine kommenden Termine. Legen Sie den ersten an!', 'No upcoming events. Add the first one!') : L('Keine vergangenen Termine.', 'No past events.')}</p>`;
    }
    return html`<p class="count">${L(`${this.items.length} Termine`, `${this.items.length} events`)}</p>
      <ul class="cards">${this.items.map((e) => html`<li class="card" data-event=${e.id}>
        <h2 class="card-title"><a href="#/events/${encodeURIComponent(e.id)}">${e.title}</a>
          ${e.status !== 'scheduled' ? html`<span class="badge badge-${e.status}">${statusLabel(e.status)}</span>` : nothing}</h2>
        <p class="meta">${whenText(e)}${e.recurrence ? html` · <span>${L('Serie', 'Series')}</span>` : nothing}${e.venue ? ` · ${e.venue.name}` : e.onlineUrl ? ` · ${L('online', 'online')}` : ''}</p>
        ${e.categories.length ? html`<p class="meta">${e.categories.map((c) => pair(CATEGORY_LABELS[c], c)).join(', ')}</p>` : nothing}
        <div class="actions">
          <a class="button secondary" href="#/events/${encodeURIComponent(e.id)}">${L('Bearbeiten', 'Edit')}<span class="visually-hidden">: ${e.title}</span></a>
          <a class="button secondary" href="#/events/${encodeURIComponent(e.id)}/copy">${L('Duplizieren', 'Duplicate')}<span class="visually-hidden">: ${e.title}</span></a>
          ${e.status === 'cancelled'
            ? html`<button type="button" class="secondary" @click=${() => this.reinstate(e)}>${L('Wieder ansetzen', 'Reinstate')}<span class="visually-hidden">: ${e.title}</span></button>`
            : html`<button type="button" class="secondary" @click=${() => this.cancel(e)}>${L('Absagen', 'Cancel event')}<span class="visually-hidden">: ${e.title}</span></button>`}
          <a class="button secondary" href="#/events/${encodeURIComponent(e.id)}/postpone">${L('Verschieben', 'Postpone')}<span class="visually-hidden">: ${e.title}</span></a>
          <button type="button" class="danger" @click=${() => this.removeItem(e)}>${L('Löschen', 'Delete')}<span class="visually-hidden">: ${e.title}</span></button>
        </div>
      </li>`)}</ul>`;
  }
}

if (!customElements.get('fk-admin-events')) customElements.define('fk-admin-events', FkAdminEvents);
