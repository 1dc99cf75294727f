import type { Member, Organisation, OrganisationInput } from '@fachkraefte/sdk';
import type { OrganisationDetail } from '@fachkraefte/sdk/admin';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { field, troubleBox, View } from '../ctx.js';
import { Draft, focusFirstError } from '../form-kit.js';
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

/** The organisation's own fields (not the membership's): what only its alliances together may change. */
const ORG_FIELDS = ['name', 'type', 'website', 'street', 'postalCode', 'locality', 'lat', 'lon'] as const;

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
  @state() accessor org: OrganisationDetail | null = null;
  @state() accessor member: Member | null = null;
  @state() accessor others: { lat: number; lon: number; name: string }[] = [];
  @state() accessor problem: Trouble | null = null;
  @state() accessor loadProblem: Trouble | null = null;
  @state() accessor saving = false;
  @state() accessor loading = false;

  private get recordId() { return this.ctx.route[1] === 'new' ? null : this.ctx.route[1]!; }
  private get mode(): 'new' | 'join' | 'edit' { return !this.recordId ? 'new' : this.ctx.route[2] === 'join' ? 'join' : 'edit'; }
  private readonly draft = new Draft<Form>(this, () => this.ctx.route.join('/'));

  override connectedCallback(): void {
    super.connectedCallback();
    const draft = this.draft.restore();
    if (draft) this.form = draft;
    void this.load(!draft);
  }

  /** Names of the other alliances the organisation belongs to (the app knows every alliance's name). */
  private get otherAlliances(): string[] {
    return (this.org?.alliances ?? []).filter((a) => a !== this.ctx.alliance)
      .map((slug) => this.ctx.alliances.find((a) => a.slug === slug)?.name ?? slug);
  }

  /** Shared with another alliance, and this is no admin key: the organisation's fields are not this key's to change. */
  private get locked(): boolean {
    return this.ctx.me.scope !== 'admin' && this.otherAlliances.length > 0;
  }

  /** Whether the form holds changes to the organisation's own fields. */
  private get orgChanged(): boolean {
    if (!this.org) return false;
    const before = fromOrg(this.org);
    return ORG_FIELDS.some((k) => before[k] !== this.form[k]);
  }

  /** Puts the organisation's stored fields back in the form; role and "since" stay as typed. */
  private resetOrg() {
    if (!this.org) return;
    const stored = fromOrg(this.org);
    this.form = { ...this.form, ...Object.fromEntries(ORG_FIELDS.map((k) => [k, stored[k]])) };
    this.draft.keep(this.form);
    this.problem = null;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('#org-role')?.focus());
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
    this.draft.keep(this.form);
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
        // Only what changed: a role change must not need the right to edit a shared organisation.
        if (this.orgChanged) this.org = await c.organisations.update(id!, this.orgBody());
      } else if (this.org) name = this.org.name;
      await c.alliances.putMember(this.ctx.alliance, id!, { role: this.form.role as 'member', since: this.form.since.trim() || null });
      this.draft.clear();
      const done = `${this.mode === 'edit' ? L(`„${name}“ ist geändert.`, `“${name}” is changed.`) : L(`„${name}“ ist jetzt Mitglied.`, `“${name}” is now a member.`)} ${freshnessNote()}`;
      this.ctx.drafts.set('members-list', { done });
      this.ctx.announce(done);
      this.ctx.go('members');
    } catch (error) {
      const t = trouble(error, Object.keys(FIELD_IDS));
      // Refused while changing the organisation itself (not the membership): say who shares it.
      if (t.kind === 'forbidden' && this.mode === 'edit' && this.org && this.orgChanged) await this.explainRefusal(t);
      this.problem = t;
      this.ctx.fail(t);
      await focusFirstError(this, t, (n) => FIELD_IDS[n]);
    } finally {
      this.saving = false;
    }
  }

  /**
   * A refused change of the organisation: it became shared since the form was opened (or the key
   * lost the right). Its alliances are read afresh and named; what was typed stays in the form.
   */
  private async explainRefusal(t: Trouble) {
    try {
      this.org = await this.ctx.client.organisations.get(this.org!.id);
    } catch {
      return; // the server's own words stay
    }
    const others = this.otherAlliances;
    if (!others.length) return;
    t.message = L(
      `Nicht gespeichert: „${this.org.name}“ ist auch Mitglied in ${others.join(', ')}. Name, Art, Website, Adresse und Position einer geteilten Organisation ändert nur die Administration – oder Sie sprechen sich mit diesen Allianzen ab. Ihre Eingaben stehen noch im Formular.`,
      `Not saved: “${this.org.name}” is also a member of ${others.join(', ')}. Name, type, website, address and position of a shared organisation are changed by an administrator only – or by agreement with those alliances. What you typed is still in the form.`,
    );
    t.other = [];
  }

  private sharedBox() {
    const others = this.otherAlliances;
    if (!this.org || !others.length) return nothing;
    const why = this.ctx.me.scope === 'admin'
      ? L('Was Sie an Name, Art, Website, Adresse und Position ändern, gilt für alle diese Allianzen.', 'What you change in name, type, website, address and position applies to all these alliances.')
      : this.mode === 'join'
        ? L('Nach der Aufnahme ändert ihre Angaben (Name, Art, Website, Adresse, Position) nur die Administration oder alle Allianzen gemeinsam.', 'Once added, its details (name, type, website, address, position) are changed by an administrator only, or by all its alliances together.')
        : L('Deshalb ändert ihre Angaben (Name, Art, Website, Adresse, Position) nur die Administration – oder Sie sprechen sich mit diesen Allianzen ab. Rolle und „Mitglied seit“ ändern Sie hier.', 'So its details (name, type, website, address, position) are changed by an administrator only – or by agreement with those alliances. Role and “member since” you change here.');
    return html`<div class="shared" data-shared>
      <p><strong>${L('Auch Mitglied in:', 'Also a member of:')}</strong> ${others.join(', ')}</p>
      <p>${why}</p>
    </div>`;
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
    // A shared organisation is shown, not edited — unless the form already holds changes to it
    // (typed before it became shared): those stay visible until saved or put back.
    const orgEditable = this.mode !== 'join' && (!this.locked || this.orgChanged);
    const orgSummary = this.org ? html`<p>${this.org.name} – ${L(ORG_TYPE_LABELS[this.org.type]![0], ORG_TYPE_LABELS[this.org.type]![1])}${this.org.address ? `, ${this.org.address.locality}` : ''}${this.org.website ? html` · <a href=${this.org.website} rel="noreferrer">${this.org.website}</a>` : nothing}</p>` : nothing;
    return html`
      <p class="back"><a href="#/members">← ${L('Mitglieder', 'Members')}</a></p>
      <h1 tabindex="-1">${title}${this.org ? html`: <span class="sub">${this.org.name}</span>` : nothing}</h1>
      ${troubleBox(this.problem)}
      ${this.problem?.kind === 'forbidden' && this.locked && this.orgChanged
        ? html`<p><button type="button" class="secondary" @click=${() => this.resetOrg()}>${L('Angaben der Organisation zurücksetzen (Rolle und „seit“ bleiben)', 'Put the organisation’s details back (role and “since” stay)')}</button></p>`
        : nothing}
      ${this.sharedBox()}
      <form @submit=${this.save} novalidate>
        ${orgEditable ? html`<fieldset><legend>${L('Organisation', 'Organisation')}</legend>
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
        </fieldset>` : html`<fieldset><legend>${L('Organisation', 'Organisation')}</legend>${orgSummary}</fieldset>`}
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
