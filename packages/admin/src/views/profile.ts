import type { Alliance } from '@fachkraefte/sdk';
import type { AlliancePatch } from '@fachkraefte/sdk/admin';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { doneBox, field, troubleBox, View } from '../ctx.js';
import { L } from '../i18n.js';
import { freshnessNote, trouble, type Trouble } from '../problems.js';

interface Form { name: string; description: string; website: string; areas: string; founded: string; statedMemberCount: string; membershipFee: string }

const FIELD_IDS: Record<string, string> = {
  name: 'pr-name', description: 'pr-description', website: 'pr-website', areas: 'pr-areas', founded: 'pr-founded',
  statedMemberCount: 'pr-count', membershipFee: 'pr-fee',
};

const fromAlliance = (a: Alliance): Form => ({
  name: a.name, description: a.description ?? '', website: a.website ?? '', areas: a.areas.join('\n'), founded: a.founded ?? '',
  statedMemberCount: a.statedMemberCount === null ? '' : String(a.statedMemberCount),
  membershipFee: a.membershipFee === null ? '' : String(a.membershipFee),
});

/** @summary The alliance's profile: the texts and lists its own key may change. */
export class FkAdminProfile extends View {
  @state() accessor alliance: Alliance | null = null;
  @state() accessor form: Form | null = null;
  @state() accessor problem: Trouble | null = null;
  @state() accessor done: string | null = null;
  @state() accessor saving = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.problem = null;
    try {
      this.alliance = await this.ctx.client.alliances.get(this.ctx.alliance);
      const draft = this.ctx.drafts.get('profile') as Form | undefined;
      this.form = draft ?? fromAlliance(this.alliance);
      if (draft) this.ctx.setDirty(true);
    } catch (error) {
      this.problem = trouble(error);
      this.ctx.fail(this.problem);
    }
  }

  private set(key: keyof Form) {
    return (e: Event) => {
      this.form = { ...this.form!, [key]: (e.target as HTMLInputElement).value };
      this.ctx.drafts.set('profile', this.form);
      this.ctx.setDirty(true);
      this.done = null;
    };
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    const f = this.form!;
    const count = f.statedMemberCount.trim();
    const patch: AlliancePatch = {
      name: f.name.trim(), description: f.description.trim() || null, website: f.website.trim() || null,
      areas: f.areas.split('\n').map((s) => s.trim()).filter(Boolean), founded: f.founded.trim() || null,
      statedMemberCount: count === '' ? null : (Number(count) as number),
      membershipFee: f.membershipFee === '' ? null : f.membershipFee === 'true',
    };
    this.saving = true;
    this.problem = null;
    try {
      this.alliance = await this.ctx.client.alliances.update(this.ctx.alliance, patch);
      this.form = fromAlliance(this.alliance);
      this.ctx.drafts.delete('profile');
      this.ctx.setDirty(false);
      this.done = freshnessNote();
      this.ctx.announce(this.done);
    } catch (error) {
      this.problem = trouble(error, Object.keys(FIELD_IDS));
      this.ctx.fail(this.problem);
      await this.updateComplete;
      const first = Object.keys(this.problem.fields)[0];
      (first ? this.querySelector<HTMLElement>(`#${FIELD_IDS[first]}`) : this.querySelector<HTMLElement>('[data-trouble]'))?.focus();
    } finally {
      this.saving = false;
    }
  }

  override render() {
    const f = this.form;
    const err = (n: string) => this.problem?.fields[n];
    const aria = (a: { invalid: boolean; describedby: string }) => [a.invalid ? 'true' : 'false', a.describedby || nothing] as const;
    return html`<h1 tabindex="-1">${L('Profil der Allianz', 'Alliance profile')}${this.alliance ? html`: <span class="sub">${this.alliance.name}</span>` : nothing}</h1>
      ${doneBox(this.done)}
      ${troubleBox(this.problem)}
      ${!f ? (this.problem ? html`<button type="button" class="secondary" @click=${() => this.load()}>${L('Erneut laden', 'Load again')}</button>` : html`<p class="loading" role="status">${L('Wird geladen …', 'Loading …')}</p>`) : html`
      <form @submit=${this.save} novalidate>
        ${field('pr-name', L('Name', 'Name'), (a) => html`<input id=${a.id} .value=${f.name} @input=${this.set('name')} aria-invalid=${aria(a)[0]} aria-describedby=${aria(a)[1]}>`, err('name'))}
        ${field('pr-description', L('Beschreibung', 'Description'), (a) => html`<textarea id=${a.id} rows="6" .value=${f.description} @input=${this.set('description')} aria-invalid=${aria(a)[0]} aria-describedby=${aria(a)[1]}></textarea>`, err('description'))}
        ${field('pr-website', L('Website', 'Website'), (a) => html`<input id=${a.id} type="url" placeholder="https://" .value=${f.website} @input=${this.set('website')} aria-invalid=${aria(a)[0]} aria-describedby=${aria(a)[1]}>`, err('website'))}
        ${field('pr-areas', L('Gebiet (ein Kreis oder eine Stadt je Zeile)', 'Area (one district or town per line)'), (a) => html`<textarea id=${a.id} rows="4" .value=${f.areas} @input=${this.set('areas')} aria-invalid=${aria(a)[0]} aria-describedby=${aria(a)[1]}></textarea>`, err('areas'))}
        <div class="row">
          ${field('pr-founded', L('Gegründet', 'Founded'), (a) => html`<input id=${a.id} .value=${f.founded} @input=${this.set('founded')} placeholder=${L('JJJJ-MM', 'YYYY-MM')} aria-invalid=${aria(a)[0]} aria-describedby=${aria(a)[1]}>`, err('founded'))}
          ${field('pr-count', L('Genannte Mitgliederzahl', 'Stated member count'), (a) => html`<input id=${a.id} type="number" min="0" .value=${f.statedMemberCount} @input=${this.set('statedMemberCount')} aria-invalid=${aria(a)[0]} aria-describedby=${aria(a)[1]}>`, err('statedMemberCount'))}
        </div>
        ${field('pr-fee', L('Mitgliedsbeitrag', 'Membership fee'), (a) => html`<select id=${a.id} @change=${this.set('membershipFee')} aria-invalid=${aria(a)[0]} aria-describedby=${aria(a)[1]}>
          <option value="" ?selected=${f.membershipFee === ''}>${L('unbekannt', 'unknown')}</option>
          <option value="true" ?selected=${f.membershipFee === 'true'}>${L('ja', 'yes')}</option>
          <option value="false" ?selected=${f.membershipFee === 'false'}>${L('nein, beitragsfrei', 'no, free')}</option></select>`, err('membershipFee'))}
        <p class="hint">${L('Kürzel, Art und übergeordnete Allianz ändert die Administration.', 'Slug, kind and parent alliance are changed by an administrator.')}</p>
        <div class="actions sticky"><button type="submit" ?disabled=${this.saving}>${this.saving ? L('Wird gespeichert …', 'Saving …') : L('Profil speichern', 'Save profile')}</button></div>
      </form>`}`;
  }
}

if (!customElements.get('fk-admin-profile')) customElements.define('fk-admin-profile', FkAdminProfile);
