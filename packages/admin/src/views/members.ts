import type { Member, Organisation } from '@fachkraefte/sdk';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { doneBox, troubleBox, View } from '../ctx.js';
import { L, ORG_TYPE_LABELS, pair, ROLE_LABELS } from '../i18n.js';
import { freshnessNote, trouble, type Trouble } from '../problems.js';

/** @summary The alliance's members: search, add an existing organisation or a new one, edit, remove. */
export class FkAdminMembers extends View {
  @state() accessor items: Member[] | null = null;
  @state() accessor q = '';
  @state() accessor problem: Trouble | null = null;
  @state() accessor done: string | null = null;
  @state() accessor found: Organisation[] | null = null;
  @state() accessor findQ = '';

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = this.ctx.drafts.get('members-list') as { done?: string } | undefined;
    if (saved?.done) {
      this.done = saved.done;
      this.ctx.drafts.delete('members-list');
    }
    void this.load();
  }

  private async load() {
    this.items = null;
    this.problem = null;
    try {
      const items: Member[] = [];
      for await (const m of this.ctx.client.alliances.iterateMembers(this.ctx.alliance, { limit: 200 })) items.push(m);
      this.items = items;
    } catch (error) {
      this.problem = trouble(error);
      this.ctx.fail(this.problem);
    }
  }

  private async find(e: SubmitEvent) {
    e.preventDefault();
    this.findQ = ((e.target as HTMLFormElement).elements.namedItem('find') as HTMLInputElement).value.trim();
    if (!this.findQ) return;
    this.found = null;
    try {
      this.found = (await this.ctx.client.organisations.list({ q: this.findQ, limit: 20 })).items;
    } catch (error) {
      this.problem = trouble(error);
      this.ctx.fail(this.problem);
    }
  }

  private async removeItem(m: Member) {
    if (!window.confirm(L(`„${m.name}“ aus der Allianz entfernen? Die Organisation selbst bleibt erhalten.`, `Remove “${m.name}” from the alliance? The organisation itself stays.`))) return;
    this.problem = null;
    try {
      await this.ctx.client.alliances.deleteMember(this.ctx.alliance, m.id);
      this.done = `${L(`„${m.name}“ ist kein Mitglied mehr.`, `“${m.name}” is no longer a member.`)} ${freshnessNote()}`;
      this.ctx.announce(this.done);
      await this.load();
    } catch (error) {
      this.problem = trouble(error);
      this.ctx.fail(this.problem);
    }
  }

  override render() {
    const q = this.q.trim().toLowerCase();
    const shown = (this.items ?? []).filter((m) => !q || `${m.name} ${m.address?.locality ?? ''}`.toLowerCase().includes(q));
    const memberIds = new Set((this.items ?? []).map((m) => m.id));
    return html`
      <div class="view-head"><h1 tabindex="-1">${L('Mitglieder', 'Members')}</h1>
        <a class="button" href="#/members/new">${L('Neue Organisation anlegen', 'Create a new organisation')}</a></div>
      ${doneBox(this.done)}
      ${troubleBox(this.problem)}
      <section class="box" aria-labelledby="add-h">
        <h2 id="add-h">${L('Bestehende Organisation aufnehmen', 'Add an existing organisation')}</h2>
        <form class="search" role="search" @submit=${this.find}>
          <label for="find">${L('Organisation suchen (Name oder Ort)', 'Find an organisation (name or town)')}</label>
          <input id="find" name="find" type="search" .value=${this.findQ}>
          <button type="submit" class="secondary">${L('Suchen', 'Search')}</button>
        </form>
        ${this.found === null ? nothing : this.found.length === 0
          ? html`<p role="status">${L(`Nichts gefunden zu „${this.findQ}“. Legen Sie die Organisation neu an.`, `Nothing found for “${this.findQ}”. Create the organisation.`)}</p>`
          : html`<ul class="plain" role="list" aria-label=${L('Suchergebnisse', 'Search results')}>${this.found.map((o) => html`<li class="found">
              <span>${o.name} <span class="meta">${pair(ORG_TYPE_LABELS[o.type], o.type)}${o.address ? ` · ${o.address.locality}` : ''}</span></span>
              ${memberIds.has(o.id) ? html`<span class="meta">${L('schon Mitglied', 'already a member')}</span>`
                : html`<a class="button small" href="#/members/${encodeURIComponent(o.id)}/join">${L('Aufnehmen', 'Add')}<span class="visually-hidden">: ${o.name}</span></a>`}
            </li>`)}</ul>`}
      </section>
      <div class="toolbar"><div class="search">
        <label for="member-q">${L('Mitglieder filtern', 'Filter members')}</label>
        <input id="member-q" type="search" .value=${this.q} @input=${(e: InputEvent) => (this.q = (e.target as HTMLInputElement).value)}>
      </div></div>
      ${this.items === null ? (this.problem ? html`<button type="button" class="secondary" @click=${() => this.load()}>${L('Erneut laden', 'Load again')}</button>` : html`<p class="loading" role="status">${L('Mitglieder werden geladen …', 'Loading members …')}</p>`)
        : html`<p class="count" role="status">${L(`${shown.length} von ${this.items.length} Mitgliedern`, `${shown.length} of ${this.items.length} members`)}</p>
        <ul class="cards">${shown.map((m) => html`<li class="card" data-member=${m.id}>
          <h2 class="card-title"><a href="#/members/${encodeURIComponent(m.id)}">${m.name}</a></h2>
          <p class="meta">${pair(ORG_TYPE_LABELS[m.type], m.type)}${m.address ? ` · ${m.address.locality}` : ''} · ${pair(ROLE_LABELS[m.membership.role], m.membership.role)}${m.membership.since ? ` ${L('seit', 'since')} ${m.membership.since}` : ''}${m.position ? '' : html` · <span class="warn">${L('ohne Kartenposition', 'no map position')}</span>`}</p>
          <div class="actions">
            <a class="button secondary" href="#/members/${encodeURIComponent(m.id)}">${L('Bearbeiten', 'Edit')}<span class="visually-hidden">: ${m.name}</span></a>
            <button type="button" class="danger" @click=${() => this.removeItem(m)}>${L('Entfernen', 'Remove')}<span class="visually-hidden">: ${m.name}</span></button>
          </div></li>`)}</ul>`}`;
  }
}

if (!customElements.get('fk-admin-members')) customElements.define('fk-admin-members', FkAdminMembers);
