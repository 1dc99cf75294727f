import type { Alliance } from '@fachkraefte/sdk';
import type { AllianceInput } from '@fachkraefte/sdk/admin';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { doneBox, field, troubleBox, View } from '../ctx.js';
import { Draft } from '../form-kit.js';
import { L } from '../i18n.js';
import { freshnessNote, trouble, type Trouble } from '../problems.js';

const STATES = ['DE-BW', 'DE-BY', 'DE-BE', 'DE-BB', 'DE-HB', 'DE-HH', 'DE-HE', 'DE-MV', 'DE-NI', 'DE-NW', 'DE-RP', 'DE-SL', 'DE-SN', 'DE-ST', 'DE-SH', 'DE-TH'];
const KINDS: Record<string, [string, string]> = { state: ['Landesebene', 'State level'], regional: ['regional', 'regional'], district: ['Kreis/Stadt', 'District/town'], network: ['Netzwerk', 'Network'] };

/** @summary Admin: the alliances — create and delete. */
export class FkAdminAlliances extends View {
  @state() accessor items: Alliance[] | null = null;
  @state() accessor form = { slug: '', name: '', kind: 'regional', state: 'DE-BW' };
  @state() accessor problem: Trouble | null = null;
  @state() accessor done: string | null = null;
  @state() accessor q = '';
  private readonly draft = new Draft<FkAdminAlliances['form']>(this, () => 'alliances');

  override connectedCallback(): void {
    super.connectedCallback();
    this.form = this.draft.restore() ?? this.form;
    void this.load();
  }

  private async load() {
    try {
      this.items = (await this.ctx.client.alliances.list({ limit: 500 })).items;
    } catch (error) {
      this.problem = trouble(error);
      this.ctx.fail(this.problem);
    }
  }

  private set(key: keyof FkAdminAlliances['form']) {
    return (e: Event) => {
      this.form = { ...this.form, [key]: (e.target as HTMLInputElement).value };
      this.draft.keep(this.form);
    };
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    this.problem = null;
    try {
      const a = await this.ctx.client.alliances.create({ ...this.form, slug: this.form.slug.trim(), name: this.form.name.trim() } as AllianceInput);
      this.done = `${L(`„${a.name}“ ist angelegt. Legen Sie unter „Schlüssel“ einen Schlüssel für die Koordination an.`, `“${a.name}” is created. Create a key for its coordinator under “Keys”.`)} ${freshnessNote()}`;
      this.ctx.announce(this.done);
      this.form = { slug: '', name: '', kind: 'regional', state: 'DE-BW' };
      this.draft.clear();
      await this.load();
    } catch (error) {
      this.problem = trouble(error, ['slug', 'name', 'kind', 'state']);
      this.ctx.fail(this.problem);
    }
  }

  private async removeItem(a: Alliance) {
    if (!window.confirm(L(`Allianz „${a.name}“ löschen? Ihre Mitgliedschaften, ihre Schlüssel und ihre eigenen Termine gehen verloren.`, `Delete the alliance “${a.name}”? Its memberships, keys and own events are lost.`))) return;
    try {
      await this.ctx.client.alliances.delete(a.slug);
      this.done = `${L(`„${a.name}“ ist gelöscht.`, `“${a.name}” is deleted.`)} ${freshnessNote()}`;
      this.ctx.announce(this.done);
      await this.load();
    } catch (error) {
      this.problem = trouble(error);
      this.ctx.fail(this.problem);
    }
  }

  override render() {
    const errs = this.problem?.fields ?? {};
    const a = (x: { invalid: boolean; describedby: string }) => [x.invalid ? 'true' : 'false', x.describedby || nothing] as const;
    const q = this.q.trim().toLowerCase();
    const shown = (this.items ?? []).filter((al) => !q || al.name.toLowerCase().includes(q) || al.slug.includes(q));
    return html`<h1 tabindex="-1">${L('Allianzen', 'Alliances')}</h1>
      ${troubleBox(this.problem)}
      ${doneBox(this.done)}
      <section class="box" aria-labelledby="al-new-h"><h2 id="al-new-h">${L('Allianz anlegen', 'Create an alliance')}</h2>
        <form @submit=${this.create} novalidate>
          ${field('al-name', L('Name', 'Name'), (x) => html`<input id=${x.id} .value=${this.form.name} @input=${this.set('name')} aria-invalid=${a(x)[0]} aria-describedby=${a(x)[1]}>`, errs['name'])}
          ${field('al-slug', L('Kürzel (für Adressen und Einbettungen)', 'Slug (for addresses and embeds)'), (x) => html`<input id=${x.id} .value=${this.form.slug} @input=${this.set('slug')} spellcheck="false" placeholder="fachkraefteallianz-…" aria-invalid=${a(x)[0]} aria-describedby=${a(x)[1]}>`, errs['slug'], L('Kleinbuchstaben, Ziffern und Bindestriche', 'Lower-case letters, digits and hyphens'))}
          <div class="row">
            ${field('al-kind', L('Art', 'Kind'), (x) => html`<select id=${x.id} @change=${this.set('kind')} aria-invalid=${a(x)[0]} aria-describedby=${a(x)[1]}>${Object.entries(KINDS).map(([k, v]) => html`<option value=${k} ?selected=${this.form.kind === k}>${L(v[0], v[1])}</option>`)}</select>`, errs['kind'])}
            ${field('al-state', L('Land', 'State'), (x) => html`<select id=${x.id} @change=${this.set('state')} aria-invalid=${a(x)[0]} aria-describedby=${a(x)[1]}>${STATES.map((s) => html`<option value=${s} ?selected=${this.form.state === s}>${s}</option>`)}</select>`, errs['state'])}
          </div>
          <button type="submit">${L('Allianz anlegen', 'Create alliance')}</button>
        </form></section>
      <h2>${L('Alle Allianzen', 'All alliances')}</h2>
      <div class="toolbar"><div class="search"><label for="al-q">${L('Filtern', 'Filter')}</label><input id="al-q" type="search" .value=${this.q} @input=${(e: Event) => (this.q = (e.target as HTMLInputElement).value)}></div></div>
      ${this.items === null ? html`<p class="loading" role="status">${L('Wird geladen …', 'Loading …')}</p>` : html`<ul class="cards">${shown.map((al) => html`<li class="card" data-alliance=${al.slug}>
        <h3 class="card-title">${al.name}</h3><p class="meta"><code>${al.slug}</code> · ${L(KINDS[al.kind]![0], KINDS[al.kind]![1])} · ${al.state} · ${L(`${al.memberCount} Mitglieder`, `${al.memberCount} members`)}</p>
        <div class="actions"><button type="button" class="danger small" @click=${() => this.removeItem(al)}>${L('Löschen', 'Delete')}<span class="visually-hidden">: ${al.name}</span></button></div></li>`)}</ul>`}`;
  }
}

if (!customElements.get('fk-admin-alliances')) customElements.define('fk-admin-alliances', FkAdminAlliances);
