import type { Change } from '@fachkraefte/sdk/admin';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { troubleBox, View } from '../ctx.js';
import { formatDateTime, L } from '../i18n.js';
import { trouble, type Trouble } from '../problems.js';

const KIND: Record<string, [string, string]> = {
  alliance: ['Profil', 'Profile'], organisation: ['Organisation', 'Organisation'], membership: ['Mitgliedschaft', 'Membership'],
  event: ['Termin', 'Event'], key: ['Schlüssel', 'Key'],
};
const ACTION: Record<string, [string, string]> = { created: ['angelegt', 'created'], updated: ['geändert', 'changed'], deleted: ['gelöscht', 'deleted'] };

/** @summary The alliance's change history (`/v1/changes`), newest first: who, when, what. */
export class FkAdminHistory extends View {
  @state() accessor items: Change[] | null = null;
  @state() accessor problem: Trouble | null = null;
  @state() accessor days = 90;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.items = null;
    this.problem = null;
    try {
      const since = new Date(Date.now() - this.days * 86_400_000).toISOString();
      const items: Change[] = [];
      for await (const c of this.ctx.client.changes.iterate({ alliance: this.ctx.alliance, since, limit: 200 })) {
        items.push(c);
        if (items.length >= 2000) break;
      }
      this.items = items.reverse();
    } catch (error) {
      this.problem = trouble(error);
      this.ctx.fail(this.problem);
    }
  }

  override render() {
    return html`<h1 tabindex="-1">${L('Verlauf', 'History')}</h1>
      <p>${L('Alle Änderungen an den Daten der Allianz: wer, wann, was. Gelöschtes bleibt hier vermerkt.', 'Every change to the alliance’s data: who, when, what. Deletions stay on record here.')}</p>
      <div class="toolbar"><label class="inline">${L('Zeitraum', 'Period')}
        <select @change=${(e: Event) => { this.days = Number((e.target as HTMLSelectElement).value); void this.load(); }}>
          ${[7, 30, 90, 365, 3650].map((d) => html`<option value=${d} ?selected=${d === this.days}>${d === 3650 ? L('alles', 'everything') : L(`letzte ${d} Tage`, `last ${d} days`)}</option>`)}
        </select></label></div>
      ${troubleBox(this.problem)}
      ${this.items === null ? (this.problem ? nothing : html`<p class="loading" role="status">${L('Wird geladen …', 'Loading …')}</p>`)
        : !this.items.length ? html`<p class="empty">${L('Keine Änderungen in diesem Zeitraum.', 'No changes in this period.')}</p>`
        : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${L('Änderungen', 'Changes')}><table>
          <thead><tr><th scope="col">${L('Wann', 'When')}</th><th scope="col">${L('Wer', 'Who')}</th><th scope="col">${L('Was', 'What')}</th></tr></thead>
          <tbody>${this.items.map((c) => html`<tr data-change=${c.id}>
            <td>${formatDateTime(c.at)}</td>
            <td>${c.by.label ?? (c.by.scope === 'system' ? L('Betrieb (Datenimport)', 'Operator (data load)') : c.by.scope === 'admin' ? L('Administration', 'Administration') : c.by.scope)}</td>
            <td>${L(KIND[c.kind]![0], KIND[c.kind]![1])} <code>${c.id}</code> ${L(ACTION[c.action]![0], ACTION[c.action]![1])}${c.fields.length ? html` <span class="meta">(${c.fields.join(', ')})</span>` : nothing}</td>
          </tr>`)}</tbody></table></div>`}`;
  }
}

if (!customElements.get('fk-admin-history')) customElements.define('fk-admin-history', FkAdminHistory);
