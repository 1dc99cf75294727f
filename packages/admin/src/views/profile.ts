import type { Alliance, FocusArea, Member } from '@fachkraefte/sdk';
import type { AlliancePatch } from '@fachkraefte/sdk/admin';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { doneBox, field, troubleBox, View } from '../ctx.js';
import { Draft, focusFirstError, type Keyed, listEditor, moved, nextKey, placeErrors, slugify } from '../form-kit.js';
import { L } from '../i18n.js';
import { freshnessNote, trouble, type Trouble } from '../problems.js';

type Person = Alliance['contacts'][number];

// The profile as a form: every text as typed (numbers too: "12a" goes to the server, which names
// the field), every list as keyed items so that ids and focus stay with an item when it moves.

interface PersonItem extends Keyed {
  name: string; role: string; organisation: string; organisationName: string;
  from: string; to: string; email: string; phone: string;
}
interface AreaItem extends Keyed { value: string }
interface FocusItem extends Keyed { name: string; slug: string }
interface GroupItem extends Keyed { name: string; description: string }

const PEOPLE_LISTS = ['coordinatorPeople', 'contacts', 'patrons', 'representatives'] as const;
type PeopleList = (typeof PEOPLE_LISTS)[number];

interface Form {
  name: string; description: string; website: string; founded: string; statedMemberCount: string; membershipFee: string;
  areas: AreaItem[];
  coordinatorOrganisation: string; coordinatorOrganisationName: string;
  coordinatorPeople: PersonItem[]; contacts: PersonItem[]; patrons: PersonItem[]; representatives: PersonItem[];
  focusAreas: FocusItem[];
  projectGroups: GroupItem[];
}

/** The API's name of each list (its path in the body and in `errors[].parameter`). */
const API_LIST: Record<PeopleList | 'areas' | 'focusAreas' | 'projectGroups', string> = {
  coordinatorPeople: 'coordinator.people', contacts: 'contacts', patrons: 'patrons', representatives: 'representatives',
  areas: 'areas', focusAreas: 'focusAreas', projectGroups: 'projectGroups',
};
/** At most this many items (AllianceInput in packages/schema). */
const MAX: Record<keyof typeof API_LIST, number> = {
  coordinatorPeople: 20, contacts: 20, patrons: 20, representatives: 50, areas: 50, focusAreas: 30, projectGroups: 30,
};
const SCALARS = ['name', 'description', 'website', 'founded', 'statedMemberCount', 'membershipFee'] as const;
const SCALAR_IDS: Record<string, string> = {
  name: 'pr-name', description: 'pr-description', website: 'pr-website', founded: 'pr-founded', statedMemberCount: 'pr-count',
  membershipFee: 'pr-fee', coordinator: 'pr-coordinator', 'coordinator.organisation': 'pr-coord-org', 'coordinator.organisationName': 'pr-coord-orgname',
};
const PERSON_FIELDS = ['name', 'role', 'organisation', 'organisationName', 'email', 'phone', 'from', 'to'] as const;
const PERSON_LABELS: Record<(typeof PERSON_FIELDS)[number], [string, string]> = {
  name: ['Name', 'Name'], role: ['Funktion (optional)', 'Role (optional)'],
  organisation: ['Organisation aus den Mitgliedern', 'Organisation from the members'],
  organisationName: ['Name der Organisation, wie veröffentlicht', 'Organisation’s name as published'],
  email: ['E-Mail (optional)', 'E-mail (optional)'], phone: ['Telefon (optional)', 'Phone (optional)'],
  from: ['Seit (optional)', 'From (optional)'], to: ['Bis (optional)', 'Until (optional)'],
};

const person = (key: number, p?: Person): PersonItem => ({
  key, name: p?.name ?? '', role: p?.role ?? '', organisation: p?.organisation ?? '', organisationName: p?.organisationName ?? '',
  from: p?.from ?? '', to: p?.to ?? '', email: p?.email ?? '', phone: p?.phone ?? '',
});

function fromAlliance(a: Alliance): Form {
  let key = 0;
  const k = () => ++key;
  return {
    name: a.name, description: a.description ?? '', website: a.website ?? '', founded: a.founded ?? '',
    statedMemberCount: a.statedMemberCount === null ? '' : String(a.statedMemberCount),
    membershipFee: a.membershipFee === null ? '' : String(a.membershipFee),
    areas: a.areas.map((value) => ({ key: k(), value })),
    coordinatorOrganisation: a.coordinator?.organisation ?? '', coordinatorOrganisationName: a.coordinator?.organisationName ?? '',
    coordinatorPeople: (a.coordinator?.people ?? []).map((p) => person(k(), p)),
    contacts: a.contacts.map((p) => person(k(), p)),
    patrons: a.patrons.map((p) => person(k(), p)),
    representatives: a.representatives.map((p) => person(k(), p)),
    focusAreas: a.focusAreas.map((f) => ({ key: k(), name: f.name, slug: f.slug })),
    projectGroups: a.projectGroups.map((g) => ({ key: k(), name: g.name, description: g.description ?? '' })),
  };
}

const orNull = (s: string) => s.trim() || null;
const blankPerson = (p: PersonItem) => PERSON_FIELDS.every((f) => !p[f].trim());

/**
 * The body of the PATCH, and for each list the form item behind each item sent (blank items are
 * left out, so the server's `contacts[2]` may be the form's fourth contact).
 */
function toPatch(f: Form, known: FocusArea[]): { patch: AlliancePatch; sent: Record<string, number[]> } {
  const sent: Record<string, number[]> = {};
  const keep = <T extends Keyed>(list: string, items: T[], blank: (i: T) => boolean) => {
    const kept = items.filter((i) => !blank(i));
    sent[list] = kept.map((i) => i.key);
    return kept;
  };
  const people = (list: PeopleList): Person[] => keep(API_LIST[list], f[list], blankPerson).map((p) => ({
    name: p.name.trim(), role: orNull(p.role), organisation: orNull(p.organisation), organisationName: orNull(p.organisationName),
    from: orNull(p.from), to: orNull(p.to), email: orNull(p.email), phone: orNull(p.phone),
  }));
  const coordinatorPeople = people('coordinatorPeople');
  const count = f.statedMemberCount.trim();
  const patch: AlliancePatch = {
    name: f.name.trim(), description: orNull(f.description), website: orNull(f.website), founded: orNull(f.founded),
    // As typed when it is no number ("zwölf"): the server names the field (NaN would go out as null).
    statedMemberCount: count === '' ? null : Number.isFinite(Number(count)) ? Number(count) : (count as unknown as number),
    membershipFee: f.membershipFee === '' ? null : f.membershipFee === 'true',
    areas: keep('areas', f.areas, (a) => !a.value.trim()).map((a) => a.value.trim()),
    coordinator: coordinatorPeople.length || f.coordinatorOrganisation || f.coordinatorOrganisationName.trim()
      ? { organisation: orNull(f.coordinatorOrganisation), organisationName: orNull(f.coordinatorOrganisationName), people: coordinatorPeople }
      : null,
    contacts: people('contacts'), patrons: people('patrons'), representatives: people('representatives'),
    focusAreas: keep('focusAreas', f.focusAreas, (a) => !a.name.trim()).map((a) => {
      const name = a.name.trim();
      // A known focus area keeps its slug: that is how the directory finds every alliance naming it.
      const match = known.find((k) => k.name.toLowerCase() === name.toLowerCase());
      return { name, slug: match?.slug || a.slug || slugify(name) };
    }),
    projectGroups: keep('projectGroups', f.projectGroups, (g) => !g.name.trim() && !g.description.trim())
      .map((g) => ({ name: g.name.trim(), description: orNull(g.description) })),
  };
  return { patch, sent };
}

/** @summary The alliance's profile: every text and list its own key may change. */
export class FkAdminProfile extends View {
  @state() accessor alliance: Alliance | null = null;
  @state() accessor form: Form | null = null;
  @state() accessor problem: Trouble | null = null;
  @state() accessor done: string | null = null;
  @state() accessor saving = false;
  @state() accessor members: Member[] = [];
  @state() accessor knownFocusAreas: FocusArea[] = [];
  /** After a failed save: every marked field, in page order, named as the page names it. */
  @state() accessor summary: { id: string; where: string; message: string }[] = [];
  private readonly draft = new Draft<Form>(this, () => 'profile');

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.problem = null;
    try {
      this.alliance = await this.ctx.client.alliances.get(this.ctx.alliance);
      this.form = this.draft.restore() ?? fromAlliance(this.alliance);
    } catch (error) {
      this.problem = trouble(error);
      this.ctx.fail(this.problem);
      return;
    }
    // Helpers of the form, not the form: without them the lists still work (slugs as typed).
    try {
      const members: Member[] = [];
      for await (const m of this.ctx.client.alliances.iterateMembers(this.ctx.alliance, { limit: 200 })) members.push(m);
      this.members = members;
      this.knownFocusAreas = (await this.ctx.client.focusAreas.list()).items;
    } catch {
      /* the selects offer what the profile already names */
    }
  }

  private change(next: Partial<Form>) {
    this.form = { ...this.form!, ...next };
    this.draft.keep(this.form);
    this.done = null;
  }

  private set(key: (typeof SCALARS)[number] | 'coordinatorOrganisation' | 'coordinatorOrganisationName') {
    return (e: Event) => this.change({ [key]: (e.target as HTMLInputElement).value });
  }

  /** Changes one field of one item of a list. */
  private setItem<L extends keyof typeof API_LIST>(list: L, key: number, patch: Partial<Form[L][number]>) {
    this.change({ [list]: (this.form![list] as Keyed[]).map((i) => (i.key === key ? { ...i, ...patch } : i)) } as Partial<Form>);
  }

  private async focusOn(selector: string) {
    await this.updateComplete;
    this.querySelector<HTMLElement>(selector)?.focus();
  }

  private listOps<L extends keyof typeof API_LIST>(list: L, blank: (key: number) => Form[L][number], noun: (n: number) => string) {
    const f = this.form!;
    const items = f[list] as Keyed[];
    const title = (i: Keyed) => ('name' in i ? String(i.name) : 'value' in i ? String(i.value) : '').trim();
    return {
      onAdd: () => {
        const key = nextKey([f.areas, f.focusAreas, f.projectGroups, ...PEOPLE_LISTS.map((p) => f[p])]);
        this.change({ [list]: [...items, blank(key)] } as Partial<Form>);
        this.ctx.announce(L(`${noun(items.length + 1)} hinzugefügt.`, `${noun(items.length + 1)} added.`));
        void this.focusOn(`[data-key="${key}"] input, [data-key="${key}"] textarea`);
      },
      onMove: (index: number, by: -1 | 1) => {
        const item = items[index]!;
        this.change({ [list]: moved(items, index, by) } as Partial<Form>);
        this.ctx.announce(L(`„${title(item) || noun(index + 1)}“ ist jetzt an Stelle ${index + by + 1} von ${items.length}.`, `“${title(item) || noun(index + 1)}” is now at position ${index + by + 1} of ${items.length}.`));
        void this.focusOn(`[data-key="${item.key}"] [data-act="${by < 0 ? 'up' : 'down'}"]`);
      },
      onRemove: (index: number) => {
        const item = items[index]!;
        const rest = items.filter((i) => i !== item);
        this.change({ [list]: rest } as Partial<Form>);
        this.ctx.announce(L(`„${title(item) || noun(index + 1)}“ entfernt (wird mit „Profil speichern“ gespeichert).`, `“${title(item) || noun(index + 1)}” removed (saved with “Save profile”).`));
        const next = rest[index] ?? rest[index - 1];
        void this.focusOn(next ? `[data-key="${next.key}"] [data-act="remove"]` : `#pr-${list} [data-act="add"]`);
      },
    };
  }

  /** The field id that shows a server error at `path`, e.g. `contacts[2].email` → the input of that contact's e-mail. */
  private resolve(path: string, sent: Record<string, number[]>): string | null {
    if (SCALAR_IDS[path]) return SCALAR_IDS[path];
    for (const [list, api] of Object.entries(API_LIST)) {
      if (path === api) return `pr-${list}`;
      if (!path.startsWith(`${api}[`)) continue;
      const m = /^\[(\d+)\](?:\.(\w+))?/.exec(path.slice(api.length));
      const key = m ? sent[api]?.[Number(m[1])] : undefined;
      if (key === undefined) return `pr-${list}`;
      const sub = m![2];
      const part = list === 'areas' ? 'value' : list === 'focusAreas' ? 'name' : sub && sub !== 'slug' ? sub : 'name';
      return `pr-${list}-${key}-${part}`;
    }
    return null;
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    if (this.saving) return;
    const { patch, sent } = toPatch(this.form!, this.knownFocusAreas);
    this.saving = true;
    this.problem = null;
    this.summary = [];
    try {
      this.alliance = await this.ctx.client.alliances.update(this.ctx.alliance, patch);
      this.form = fromAlliance(this.alliance);
      this.draft.clear();
      this.done = freshnessNote();
      this.ctx.announce(this.done);
    } catch (error) {
      this.problem = placeErrors(trouble(error), error, (path) => this.resolve(path, sent));
      this.ctx.fail(this.problem);
      await this.updateComplete;
      this.summary = this.summarise();
      await focusFirstError(this, this.problem, () => this.summary[0]?.id);
    } finally {
      this.saving = false;
    }
  }

  /** The marked fields as the page shows them ("Kontakt 2: Gudrun Gempp – E-Mail"), in page order. */
  private summarise() {
    const found = Object.entries(this.problem?.fields ?? {}).flatMap(([id, message]) => {
      const el = this.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
      if (!el) return [];
      const own = el.matches('fieldset') ? el.querySelector(':scope > legend')?.firstChild?.textContent : this.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent;
      const item = el.closest('li.list-item')?.querySelector('fieldset.item > legend')?.textContent;
      return [{ el, id, message, where: [item, own].map((t) => t?.trim()).filter(Boolean).join(' – ') }];
    });
    found.sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return found.map(({ id, where, message }) => ({ id, where, message }));
  }

  private summaryBox(): TemplateResult | typeof nothing {
    if (this.summary.length === 0) return nothing;
    return html`<div class="error-summary" data-summary><p id="pr-summary-h">${L('Markierte Felder (zum Feld springen):', 'Marked fields (go to the field):')}</p><ul aria-labelledby="pr-summary-h">
      ${this.summary.map((s) => html`<li><button type="button" class="linkish" @click=${() => this.querySelector<HTMLElement>(`#${CSS.escape(s.id)}`)?.focus()}>${s.where}</button>: ${s.message}</li>`)}
    </ul></div>`;
  }

  private orgOptions(current: string): TemplateResult {
    const known = this.members.some((m) => m.id === current);
    return html`<option value="" ?selected=${!current}>${L('– keine Auswahl –', '– none –')}</option>
      ${current && !known ? html`<option value=${current} selected>${current}</option>` : nothing}
      ${this.members.map((m) => html`<option value=${m.id} ?selected=${m.id === current}>${m.name}</option>`)}`;
  }

  private personBody(list: PeopleList, p: PersonItem): TemplateResult {
    const err = this.problem?.fields ?? {};
    const input = (name: (typeof PERSON_FIELDS)[number], attrs: { type?: string; placeholder?: string; autocomplete?: string } = {}) => {
      const id = `pr-${list}-${p.key}-${name}`;
      return field(id, L(...PERSON_LABELS[name]), (a) => html`<input id=${a.id} type=${attrs.type ?? 'text'} .value=${p[name]}
        placeholder=${attrs.placeholder ?? nothing} autocomplete="off"
        @input=${(e: Event) => this.setItem(list, p.key, { [name]: (e.target as HTMLInputElement).value })}
        aria-invalid=${a.invalid ? 'true' : 'false'} aria-describedby=${a.describedby || nothing}>`, err[id]);
    };
    const orgId = `pr-${list}-${p.key}-organisation`;
    return html`<div class="row">${input('name')}${input('role')}</div>
      <div class="row">
        ${field(orgId, L(...PERSON_LABELS.organisation), (a) => html`<select id=${a.id} aria-invalid=${a.invalid ? 'true' : 'false'} aria-describedby=${a.describedby || nothing}
          @change=${(e: Event) => {
            const id = (e.target as HTMLSelectElement).value;
            const m = this.members.find((x) => x.id === id);
            // Picking a member fills the published name when none is typed yet.
            this.setItem(list, p.key, { organisation: id, ...(m && !p.organisationName.trim() ? { organisationName: m.name } : {}) });
          }}>${this.orgOptions(p.organisation)}</select>`, err[orgId])}
        ${input('organisationName')}
      </div>
      <div class="row">${input('email', { type: 'email' })}${input('phone', { type: 'tel' })}</div>
      <div class="row">${input('from', { placeholder: L('JJJJ-MM', 'YYYY-MM') })}${input('to', { placeholder: L('JJJJ-MM', 'YYYY-MM') })}</div>`;
  }

  private peopleList(list: PeopleList, legend: string, noun: (n: number) => string, addLabel: string, hint: string): TemplateResult {
    const f = this.form!;
    return listEditor<PersonItem>({
      id: `pr-${list}`, legend, hint, items: f[list], noun, title: (p) => p.name.trim(), max: MAX[list], addLabel,
      error: this.problem?.fields[`pr-${list}`],
      body: (p) => this.personBody(list, p),
      ...this.listOps(list, (key) => person(key), noun),
    });
  }

  override render() {
    const f = this.form;
    const err = (id: string) => this.problem?.fields[id];
    const aria = (a: { invalid: boolean; describedby: string }) => [a.invalid ? 'true' : 'false', a.describedby || nothing] as const;
    const personHint = L(
      'Je Person: Name, dazu was veröffentlicht ist. Organisation: wählen Sie ein Mitglied; steht sie nicht in der Liste, tragen Sie nur ihren Namen ein. Daten als Jahr (2019) oder Monat (2019-04).',
      'Per person: the name, and what is published. Organisation: pick a member; if it is not in the list, type only its name. Dates as a year (2019) or month (2019-04).',
    );
    const datesHint = L('Jahr (2013), Monat (2013-04) oder Tag (2013-04-12)', 'Year (2013), month (2013-04) or day (2013-04-12)');
    return html`<h1 tabindex="-1">${L('Profil der Allianz', 'Alliance profile')}${this.alliance ? html`: <span class="sub">${this.alliance.name}</span>` : nothing}</h1>
      ${doneBox(this.done)}
      ${troubleBox(this.problem)}
      ${this.summaryBox()}
      ${!f ? (this.problem ? html`<button type="button" class="secondary" @click=${() => this.load()}>${L('Erneut laden', 'Load again')}</button>` : html`<p class="loading" role="status">${L('Wird geladen …', 'Loading …')}</p>`) : html`
      <form class="profile" @submit=${this.save} novalidate>
        <fieldset><legend>${L('Allgemein', 'General')}</legend>
        ${field('pr-name', L('Name', 'Name'), (a) => html`<input id=${a.id} .value=${f.name} @input=${this.set('name')} aria-invalid=${aria(a)[0]} aria-describedby=${aria(a)[1]}>`, err('pr-name'))}
        ${field('pr-description', L('Beschreibung', 'Description'), (a) => html`<textarea id=${a.id} rows="6" .value=${f.description} @input=${this.set('description')} aria-invalid=${aria(a)[0]} aria-describedby=${aria(a)[1]}></textarea>`, err('pr-description'))}
        ${field('pr-website', L('Website', 'Website'), (a) => html`<input id=${a.id} type="url" placeholder="https://" .value=${f.website} @input=${this.set('website')} aria-invalid=${aria(a)[0]} aria-describedby=${aria(a)[1]}>`, err('pr-website'))}
        <div class="row">
          ${field('pr-founded', L('Gegründet', 'Founded'), (a) => html`<input id=${a.id} .value=${f.founded} @input=${this.set('founded')} placeholder=${L('JJJJ-MM', 'YYYY-MM')} aria-invalid=${aria(a)[0]} aria-describedby=${aria(a)[1]}>`, err('pr-founded'), datesHint)}
          ${field('pr-count', L('Genannte Mitgliederzahl', 'Stated member count'), (a) => html`<input id=${a.id} inputmode="numeric" .value=${f.statedMemberCount} @input=${this.set('statedMemberCount')} aria-invalid=${aria(a)[0]} aria-describedby=${aria(a)[1]}>`, err('pr-count'), L('wie veröffentlicht; leer, wenn unbekannt', 'as published; empty when unknown'))}
        </div>
        ${field('pr-fee', L('Mitgliedsbeitrag', 'Membership fee'), (a) => html`<select id=${a.id} @change=${this.set('membershipFee')} aria-invalid=${aria(a)[0]} aria-describedby=${aria(a)[1]}>
          <option value="" ?selected=${f.membershipFee === ''}>${L('unbekannt', 'unknown')}</option>
          <option value="true" ?selected=${f.membershipFee === 'true'}>${L('ja', 'yes')}</option>
          <option value="false" ?selected=${f.membershipFee === 'false'}>${L('nein, beitragsfrei', 'no, free')}</option></select>`, err('pr-fee'))}
        </fieldset>

        ${listEditor<AreaItem>({
          id: 'pr-areas', legend: L('Gebiet', 'Area'), hint: L('Die Kreise und Städte, in denen die Allianz arbeitet, je Eintrag einer.', 'The districts and towns the alliance works in, one per entry.'),
          items: f.areas, noun: (n) => L(`Gebiet ${n}`, `Area ${n}`), title: (a) => a.value.trim(), max: MAX.areas, addLabel: L('Gebiet hinzufügen', 'Add an area'),
          error: err('pr-areas'),
          body: (a) => field(`pr-areas-${a.key}-value`, L('Kreis oder Stadt', 'District or town'), (x) => html`<input id=${x.id} .value=${a.value}
            @input=${(e: Event) => this.setItem('areas', a.key, { value: (e.target as HTMLInputElement).value })} aria-invalid=${aria(x)[0]} aria-describedby=${aria(x)[1]}>`, err(`pr-areas-${a.key}-value`)),
          ...this.listOps('areas', (key) => ({ key, value: '' }), (n) => L(`Gebiet ${n}`, `Area ${n}`)),
        })}

        <fieldset class="group ${err('pr-coordinator') ? 'has-error' : ''}" id="pr-coordinator" tabindex="-1"><legend>${L('Koordination (Geschäftsstelle)', 'Coordination (office)')}</legend>
          ${err('pr-coordinator') ? html`<p class="error">${err('pr-coordinator')}</p>` : nothing}
          <div class="row">
            ${field('pr-coord-org', L('Organisation aus den Mitgliedern', 'Organisation from the members'), (a) => html`<select id=${a.id} aria-invalid=${aria(a)[0]} aria-describedby=${aria(a)[1]}
              @change=${(e: Event) => {
                const id = (e.target as HTMLSelectElement).value;
                const m = this.members.find((x) => x.id === id);
                this.change({ coordinatorOrganisation: id, ...(m && !f.coordinatorOrganisationName.trim() ? { coordinatorOrganisationName: m.name } : {}) });
              }}>${this.orgOptions(f.coordinatorOrganisation)}</select>`, err('pr-coord-org'))}
            ${field('pr-coord-orgname', L('Name der Organisation, wie veröffentlicht', 'Organisation’s name as published'), (a) => html`<input id=${a.id} .value=${f.coordinatorOrganisationName} @input=${this.set('coordinatorOrganisationName')} aria-invalid=${aria(a)[0]} aria-describedby=${aria(a)[1]}>`, err('pr-coord-orgname'))}
          </div>
          ${this.peopleList('coordinatorPeople', L('Personen der Koordination', 'People of the coordination'), (n) => L(`Person ${n}`, `Person ${n}`), L('Person hinzufügen', 'Add a person'), personHint)}
        </fieldset>

        ${this.peopleList('contacts', L('Kontakte', 'Contacts'), (n) => L(`Kontakt ${n}`, `Contact ${n}`), L('Kontakt hinzufügen', 'Add a contact'),
          L('Wen man wegen der Allianz ansprechen kann; am besten ein Funktionspostfach. ', 'Whom to contact about the alliance; a role mailbox is best. ') + personHint)}
        ${this.peopleList('patrons', L('Schirmherrschaft', 'Patrons'), (n) => L(`Schirmherr/-in ${n}`, `Patron ${n}`), L('Schirmherr/-in hinzufügen', 'Add a patron'), personHint)}
        ${this.peopleList('representatives', L('Beteiligte Personen', 'People involved'), (n) => L(`Person ${n}`, `Person ${n}`), L('Person hinzufügen', 'Add a person'),
          L('Wer für die Allianz oder ihre Mitglieder zitiert wird; die Seiten zeigen sie als „beteiligt“, nicht als Kontakt. ', 'Who is quoted for the alliance or its members; pages show them as “involved”, not as a contact. ') + personHint)}

        ${listEditor<FocusItem>({
          id: 'pr-focusAreas', legend: L('Handlungsschwerpunkte', 'Focus areas'),
          hint: L('Wählen Sie einen bekannten Schwerpunkt aus den Vorschlägen, damit die Allianz mit den anderen zusammen gefunden wird, oder schreiben Sie einen neuen.', 'Pick a known focus area from the suggestions, so that the alliance is found together with the others, or type a new one.'),
          items: f.focusAreas, noun: (n) => L(`Schwerpunkt ${n}`, `Focus area ${n}`), title: (a) => a.name.trim(), max: MAX.focusAreas, addLabel: L('Schwerpunkt hinzufügen', 'Add a focus area'),
          error: err('pr-focusAreas'),
          body: (a) => field(`pr-focusAreas-${a.key}-name`, L('Schwerpunkt', 'Focus area'), (x) => html`<input id=${x.id} list="pr-focus-known" .value=${a.name}
            @input=${(e: Event) => this.setItem('focusAreas', a.key, { name: (e.target as HTMLInputElement).value, slug: '' })} aria-invalid=${aria(x)[0]} aria-describedby=${aria(x)[1]}>`, err(`pr-focusAreas-${a.key}-name`)),
          ...this.listOps('focusAreas', (key) => ({ key, name: '', slug: '' }), (n) => L(`Schwerpunkt ${n}`, `Focus area ${n}`)),
        })}
        <datalist id="pr-focus-known">${this.knownFocusAreas.map((k) => html`<option value=${k.name}></option>`)}</datalist>

        ${listEditor<GroupItem>({
          id: 'pr-projectGroups', legend: L('Projektgruppen', 'Project groups'), hint: L('Projekt- und Arbeitsgruppen der Allianz.', 'The alliance’s project and working groups.'),
          items: f.projectGroups, noun: (n) => L(`Projektgruppe ${n}`, `Project group ${n}`), title: (g) => g.name.trim(), max: MAX.projectGroups, addLabel: L('Projektgruppe hinzufügen', 'Add a project group'),
          error: err('pr-projectGroups'),
          body: (g) => html`${field(`pr-projectGroups-${g.key}-name`, L('Name', 'Name'), (x) => html`<input id=${x.id} .value=${g.name}
              @input=${(e: Event) => this.setItem('projectGroups', g.key, { name: (e.target as HTMLInputElement).value })} aria-invalid=${aria(x)[0]} aria-describedby=${aria(x)[1]}>`, err(`pr-projectGroups-${g.key}-name`))}
            ${field(`pr-projectGroups-${g.key}-description`, L('Beschreibung (optional)', 'Description (optional)'), (x) => html`<textarea id=${x.id} rows="2" .value=${g.description}
              @input=${(e: Event) => this.setItem('projectGroups', g.key, { description: (e.target as HTMLTextAreaElement).value })} aria-invalid=${aria(x)[0]} aria-describedby=${aria(x)[1]}></textarea>`, err(`pr-projectGroups-${g.key}-description`))}`,
          ...this.listOps('projectGroups', (key) => ({ key, name: '', description: '' }), (n) => L(`Projektgruppe ${n}`, `Project group ${n}`)),
        })}

        <p class="hint">${L('Kürzel, Art und übergeordnete Allianz ändert die Administration.', 'Slug, kind and parent alliance are changed by an administrator.')}</p>
        <div class="actions sticky"><button type="submit" ?disabled=${this.saving}>${this.saving ? L('Wird gespeichert …', 'Saving …') : L('Profil speichern', 'Save profile')}</button></div>
      </form>`}`;
  }
}

if (!customElements.get('fk-admin-profile')) customElements.define('fk-admin-profile', FkAdminProfile);
