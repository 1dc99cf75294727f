import type { Member, Organisation, OrganisationInput } from '@fachkraefte/sdk';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { field, troubleBox, View } from '../ctx.js';
import { L, ORG_TYPE_LABELS, ROLE_LABELS } from '../i18n.js';
import { freshnessNote, trouble, type Trouble } from '../problems.js';
import './map.js';

interface Form {
  name: string; type: string; website: string; street: string; postalCode: string; locality: string;
  lat: string; lon: string; role: string; since: string;
}

const FIELD_IDS: Record<string, string> = {
  name: 'org-name', type: 'org-type', website: 'org-website', address: 'org-locality', 'address.streetAddress': 'org-street',
  'address.postalCode': 'org-postal', 'address.locality': 'org-locality', position: 'org-lat', 'position.lat': 'org-lat',
  'position.lon': 'org-lon', role: 'org-role', since: 'org-since', id: 'org-name',
};

const blank = (): Form => ({ name: '', type: 'unternehmen', website: '', street: '', postalCode: '', locality: '', lat: '', lon: '', role: 'member', since: '' });

function fromOrg(o: Organisation, m?: Member): Form {
  return {
    name: o.name, type: o.type, website: o.website ?? '', street: o.address?.streetAddress ?? '', postalCode: o.address?.postalCode ?? '',
    locality: o.address?.locality ?? '', lat: o.position ? String(o.position.lat) : '', lon: o.position ? String(o.position.lon) : '',
    role: m?.membership.role ?? 'member', since: m?.membership.since ?? '',
  };
}

/** @summary Creates an organisation as a member, adds an existing one, or edits a member and its membership. */
export class FkAdminMemberForm extends View {
  @state() accessor form: Form = blank();
  @state() accessor org: Organisation | null = null;
  @state() accessor member: Member | null = null;
  @state() accessor others: { lat: number; lon: number; name: string }[] = [];
  @state() accessor problem: Trouble | null = null;
  @state() accessor loadProblem: Trouble | null = null;
  @state() accessor saving = false;
  @state() accessor loading = false;

  private get recordId() { return this.ctx.route[1] === 'new' ? null : this.ctx.route[1]!; }
  private get mode(): 'new' | 'join' | 'edit' { return !this.recordId ? 'new' : this.ctx.route[2] === 'join' ? 'join' : 'edit'; }
  private get draftKey() { return this.ctx.route.join('/'); }

  override connectedCallback(): void {
    super.connectedCallback();
    const draft = this.ctx.drafts.get(this.draftKey) as Form | undefined;
    if (draft) {
      this.form = draft;
      this.ctx.setDirty(true);
    }
    void this.load(!draft);
  }

  private async load(fill: boolean) {
    this.loading = true;
    this.loadProblem = null;
    try {
      const members: Member[] = [];
      for await (const m of this.ctx.client.alliances.iterateMembers(this.ctx.alliance, { limit: 200 })) members.push(m);
      this.others = members.filter((m) => m.position && m.id !== this.recordId).map((m) => ({ ...m.position!, name: m.name }));
      if (this.recordId) {
        this.org = await this.ctx.client.organisations.get(this.recordId);
        this.member = members.find((m) => m.id === this.recordId) ?? null;
        if (fill) this.form = fromOrg(this.org, this.member ?? undefined);
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
  private input(key: keyof Form) {
    return (e: Event) => this.set(key, (e.target as HTMLInputElement).value);
  }

  private orgBody(): Omit<OrganisationInput, 'id'> {
    const f = this.form;
    const num = (s: string) => (s.trim() === '' ? NaN : Number(s.replace(',', '.')));
    const hasPos = f.lat.trim() !== '' || f.lon.trim() !== '';
    return {
      name: f.name.trim(), type: f.type as OrganisationInput['type'], website: f.website.trim() || null,
      address: f.locality.trim() || f.street.trim() || f.postalCode.trim()
        ? { streetAddress: f.street.trim() || null, postalCode: f.postalCode.trim() || null, locality: f.locality.trim(), countryCode: 'DE' }
        : null,
      // A half-typed position goes to the server as is: it names the field that is wrong.
      position: hasPos ? { lat: num(f.lat), lon: num(f.lon) } : null,
    };
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    if (this.saving) return;
    this.saving = true;
    this.problem = null;
    const c = this.ctx.client;
    try {
      let id = this.recordId;
      let name = this.form.name.trim();
      if (this.mode === 'new') {
        const created = await c.organisations.create(this.orgBody() as OrganisationInput);
        id = created.id;
        name = created.name;
        // Created: from now on a retry only needs the membership.
        this.ctx.route = ['members', id, 'join'];
      } else if (this.mode === 'edit' && this.org) {
        const body = this.orgBody();
        const before = fromOrg(this.org);
        const changed = (['name', 'type', 'website', 'street', 'postalCode', 'locality', 'lat', 'lon'] as const).some((k) => before[k] !== this.form[k]);
        // Only what changed: a role change must not need the right to edit a shared organisation.
        if (changed) this.org = await c.organisations.update(id!, body);
      } else if (this.org) name = this.org.name;
      await c.alliances.putMember(this.ctx.alliance, id!, { role: this.form.role as 'member', since: this.form.since.trim() || null });
      this.ctx.setDirty(false);
      this.ctx.drafts.delete(this.draftKey);
      const done = `${this.mode === 'edit' ? L(`„${name}“ ist geändert.`, `“${name}” is changed.`) : L(`„${name}“ ist jetzt Mitglied.`, `“${name}” is now a member.`)} ${freshnessNote()}`;
      this.ctx.drafts.set('members-list', { done });
      this.ctx.announce(done);
      this.ctx.go('members');
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

  private err(...names: string[]) {
    const f = this.problem?.fields ?? {};
    return names.map((n) => f[n]).find(Boolean);
  }

  override render() {
    const title = { new: L('Neue Organisation als Mitglied', 'New organisation as a member'), join: L('Mitglied aufnehmen', 'Add a member'), edit: L('Mitglied bearbeiten', 'Edit member') }[this.mode];
    if (this.loading && this.recordId && !this.org) return html`<h1 tabindex="-1">${title}</h1><p class="loading" role="status">${L('Wird geladen …', 'Loading …')}</p>`;
    if (this.loadProblem && this.recordId && !this.org) return html`<h1 tabindex="-1">${title}</h1>${troubleBox(this.loadProblem)}<p><a href="#/members">${L('Zurück zu den Mitgliedern', 'Back to the members')}</a></p>`;
    const f = this.form;
    const a11y = (a: { invalid: boolean; describedby: string }) => ({ invalid: a.invalid ? 'true' : 'false', by: a.describedby || nothing });
    const lat = Number(f.lat), lon = Number(f.lon);
    const orgEditable = this.mode !== 'join';
    return html`
      <p class="back"><a href="#/members">← ${L('Mitglieder', 'Members')}</a></p>
      <h1 tabindex="-1">${title}${this.org ? html`: <span class="sub">${this.org.name}</span>` : nothing}</h1>
      ${troubleBox(this.problem)}
      <form @submit=${this.save} novalidate>
        ${orgEditable ? html`<fieldset><legend>${L('Organisation', 'Organisation')}</legend>
          ${this.mode === 'edit' ? html`<p class="hint">${L('Gehört die Organisation auch zu anderen Allianzen, darf nur die Administration ihre Angaben ändern; Rolle und „seit“ können Sie immer ändern.', 'If the organisation also belongs to other alliances, only an administrator may change its details; role and “since” you can always change.')}</p>` : nothing}
          ${field('org-name', L('Name', 'Name'), (a) => html`<input id=${a.id} .value=${f.name} @input=${this.input('name')} required aria-invalid=${a11y(a).invalid} aria-describedby=${a11y(a).by}>`, this.err('name', 'id'))}
          ${field('org-type', L('Art', 'Type'), (a) => html`<select id=${a.id} @change=${this.input('type')} aria-invalid=${a11y(a).invalid} aria-describedby=${a11y(a).by}>
            ${Object.entries(ORG_TYPE_LABELS).map(([k, v]) => html`<option value=${k} ?selected=${f.type === k}>${L(v[0], v[1])}</option>`)}</select>`, this.err('type'))}
          ${field('org-website', L('Website (optional)', 'Website (optional)'), (a) => html`<input id=${a.id} type="url" placeholder="https://" .value=${f.website} @input=${this.input('website')} aria-invalid=${a11y(a).invalid} aria-describedby=${a11y(a).by}>`, this.err('website'))}
          ${field('org-street', L('Straße und Hausnummer', 'Street and number'), (a) => html`<input id=${a.id} .value=${f.street} @input=${this.input('street')} aria-invalid=${a11y(a).invalid} aria-describedby=${a11y(a).by}>`, this.err('address.streetAddress'))}
          <div class="row">
            ${field('org-postal', L('PLZ', 'Postcode'), (a) => html`<input id=${a.id} inputmode="numeric" size="6" .value=${f.postalCode} @input=${this.input('postalCode')} aria-invalid=${a11y(a).invalid} aria-describedby=${a11y(a).by}>`, this.err('address.postalCode'))}
            ${field('org-locality', L('Ort', 'Town'), (a) => html`<input id=${a.id} .value=${f.locality} @input=${this.input('locality')} aria-invalid=${a11y(a).invalid} aria-describedby=${a11y(a).by}>`, this.err('address.locality', 'address'))}
          </div>
          <fieldset><legend>${L('Position auf der Karte', 'Position on the map')}</legend>
            <p class="hint" id="map-hint">${L('Klicken Sie auf die Karte oder tragen Sie die Koordinaten ein (Breite/Länge, z. B. 47,61 / 7,66). Es wird kein Dienst im Internet gefragt.', 'Click the map or type the coordinates (latitude/longitude, e.g. 47.61 / 7.66). No online service is asked.')}</p>
            <fk-admin-map .lat=${f.lat && !Number.isNaN(lat) ? lat : null} .lon=${f.lon && !Number.isNaN(lon) ? lon : null} .others=${this.others}
              @fk-place=${(e: CustomEvent<{ lat: number; lon: number }>) => { this.form = { ...this.form, lat: String(e.detail.lat) }; this.set('lon', String(e.detail.lon)); }}></fk-admin-map>
            <div class="row">
              ${field('org-lat', L('Breite (lat)', 'Latitude'), (a) => html`<input id=${a.id} inputmode="decimal" .value=${f.lat} @input=${this.input('lat')} aria-invalid=${a11y(a).invalid} aria-describedby=${a11y(a).by}>`, this.err('position.lat', 'position'))}
              ${field('org-lon', L('Länge (lon)', 'Longitude'), (a) => html`<input id=${a.id} inputmode="decimal" .value=${f.lon} @input=${this.input('lon')} aria-invalid=${a11y(a).invalid} aria-describedby=${a11y(a).by}>`, this.err('position.lon'))}
            </div>
            ${f.lat || f.lon ? html`<button type="button" class="small secondary" @click=${() => { this.form = { ...this.form, lat: '' }; this.set('lon', ''); }}>${L('Position entfernen', 'Remove position')}</button>` : nothing}
          </fieldset>
        </fieldset>` : html`<p>${this.org?.name} – ${this.org ? L(ORG_TYPE_LABELS[this.org.type]![0], ORG_TYPE_LABELS[this.org.type]![1]) : ''}${this.org?.address ? `, ${this.org.address.locality}` : ''}</p>`}
        <fieldset><legend>${L('Mitgliedschaft', 'Membership')}</legend>
          ${field('org-role', L('Rolle', 'Role'), (a) => html`<select id=${a.id} @change=${this.input('role')} aria-invalid=${a11y(a).invalid} aria-describedby=${a11y(a).by}>
            ${Object.entries(ROLE_LABELS).map(([k, v]) => html`<option value=${k} ?selected=${f.role === k}>${L(v[0], v[1])}</option>`)}</select>`, this.err('role'))}
          ${field('org-since', L('Mitglied seit (optional)', 'Member since (optional)'), (a) => html`<input id=${a.id} .value=${f.since} @input=${this.input('since')} placeholder=${L('JJJJ-MM oder JJJJ', 'YYYY-MM or YYYY')} aria-invalid=${a11y(a).invalid} aria-describedby=${a11y(a).by}>`, this.err('since'), L('Jahr (2019), Monat (2019-04) oder Tag (2019-04-01)', 'Year (2019), month (2019-04) or day (2019-04-01)'))}
        </fieldset>
        <div class="actions sticky">
          <button type="submit" ?disabled=${this.saving}>${this.saving ? L('Wird gespeichert …', 'Saving …') : this.mode === 'edit' ? L('Änderungen speichern', 'Save changes') : L('Als Mitglied aufnehmen', 'Add as member')}</button>
          <a class="button secondary" href="#/members">${L('Abbrechen', 'Cancel')}</a>
        </div>
      </form>`;
  }
}

if (!customElements.get('fk-admin-member-form')) customElements.define('fk-admin-member-form', FkAdminMemberForm);
