import type { Alliance } from '@fachkraefte/sdk';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { L } from '../i18n.js';

/** Lower case without accents and ß, for matching names as people type them ("fachkrafte sudwest"). */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').toLowerCase();
/** How many matches the list shows at once. */
const SHOWN = 8;

/**
 * @summary The alliances that organise an event: the signed-in one fixed, others added by name
 * (a searchable combobox, ARIA 1.2 pattern with a listbox popup) and removed by button.
 *
 * @fires change - `detail` is the new list of slugs (the fixed one always first).
 */
export class FkAdminAlliancePicker extends LitElement {
  /** Every alliance, from `/v1/alliances`. */
  @property({ attribute: false }) accessor options: Alliance[] = [];
  /** The chosen slugs. */
  @property({ attribute: false }) accessor value: string[] = [];
  /** The signed-in alliance: always in the list, never removable here. */
  @property() accessor fixed = '';
  /** The server's refusal or field error, shown at the field. */
  @property() accessor error: string | undefined;
  @state() accessor query = '';
  @state() accessor open = false;
  @state() accessor active = 0;
  @state() accessor said = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private nameOf(slug: string): string {
    return this.options.find((a) => a.slug === slug)?.name ?? slug;
  }

  /** Alliances not chosen yet whose name (or slug) holds every word typed. */
  private candidates(): Alliance[] {
    const words = fold(this.query).split(/\s+/).filter(Boolean);
    return this.options
      .filter((a) => !this.value.includes(a.slug) && a.slug !== this.fixed)
      .filter((a) => words.every((w) => fold(`${a.name} ${a.slug}`).includes(w)))
      .slice(0, SHOWN);
  }

  private emit(value: string[]) {
    this.value = value;
    this.dispatchEvent(new CustomEvent('change', { detail: value, bubbles: true }));
  }

  private add(a: Alliance) {
    this.emit([...this.value, a.slug]);
    this.query = '';
    this.open = false;
    this.active = 0;
    this.said = L(`${a.name} hinzugefügt.`, `${a.name} added.`);
    this.querySelector<HTMLInputElement>('#ev-alliance-search')?.focus();
  }

  private drop(slug: string) {
    const i = this.value.indexOf(slug);
    this.emit(this.value.filter((s) => s !== slug));
    this.said = L(`${this.nameOf(slug)} entfernt.`, `${this.nameOf(slug)} removed.`);
    // Focus to the next remove button, or back to the search field: never lost on a removed node.
    void this.updateComplete.then(() => {
      const buttons = [...this.querySelectorAll<HTMLButtonElement>('[data-remove]')];
      (buttons[Math.min(i - 1, buttons.length - 1)] ?? this.querySelector<HTMLElement>('#ev-alliance-search'))?.focus();
    });
  }

  private handleKey(e: KeyboardEvent) {
    const list = this.candidates();
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.open) this.open = true;
        else this.active = list.length ? (this.active + 1) % list.length : 0;
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!this.open) this.open = true;
        else this.active = list.length ? (this.active - 1 + list.length) % list.length : 0;
        break;
      case 'Enter':
        // Enter picks; it must not submit the event form.
        if (this.open && list[this.active]) {
          e.preventDefault();
          this.add(list[this.active]!);
        } else if (this.query) e.preventDefault();
        break;
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          e.stopPropagation();
          this.open = false;
        } else if (this.query) {
          e.preventDefault();
          this.query = '';
        }
        break;
      default:
    }
  }

  override render() {
    const list = this.open ? this.candidates() : [];
    const active = Math.min(this.active, Math.max(0, list.length - 1));
    const chosen = [this.fixed, ...this.value.filter((s) => s !== this.fixed)].filter(Boolean);
    const describedby = ['ev-alliance-hint', this.error ? 'ev-alliance-error' : ''].filter(Boolean).join(' ');
    return html`<fieldset id="ev-alliances" class="picker ${this.error ? 'has-error' : ''}"><legend>${L('Veranstaltende Allianzen', 'Organising alliances')}</legend>
      <ul class="chosen" aria-label=${L('Gewählt', 'Chosen')}>
        ${chosen.map((slug) => html`<li data-alliance=${slug}><span>${this.nameOf(slug)}</span>
          ${slug === this.fixed ? html`<span class="muted">(${L('Ihre Allianz', 'your alliance')})</span>`
            : html`<button type="button" class="small secondary" data-remove=${slug} @click=${() => this.drop(slug)}>${L('Entfernen', 'Remove')}<span class="visually-hidden">: ${this.nameOf(slug)}</span></button>`}</li>`)}
      </ul>
      <div class="field combo">
        <label for="ev-alliance-search">${L('Weitere Allianz hinzufügen', 'Add another alliance')}</label>
        <p class="hint" id="ev-alliance-hint">${L(
          'Namen eintippen, mit den Pfeiltasten wählen, mit der Eingabetaste übernehmen. Nach den Regeln des Servers trägt nur ein Admin-Schlüssel andere Allianzen ein; mit dem Schlüssel einer Allianz tragen sich die anderen Allianzen selbst als Mitveranstalter ein.',
          'Type a name, choose with the arrow keys, take it with Enter. By the server’s rules only an admin key adds other alliances; with an alliance’s key the other alliances add themselves as co-organisers.',
        )}</p>
        <input id="ev-alliance-search" type="text" role="combobox" autocomplete="off" spellcheck="false"
          aria-autocomplete="list" aria-expanded=${this.open && list.length > 0 ? 'true' : 'false'} aria-controls="ev-alliance-options"
          aria-activedescendant=${this.open && list.length ? `ev-alliance-opt-${active}` : nothing}
          aria-describedby=${describedby} aria-invalid=${this.error ? 'true' : 'false'}
          .value=${this.query}
          @input=${(e: InputEvent) => { this.query = (e.target as HTMLInputElement).value; this.open = true; this.active = 0; }}
          @keydown=${this.handleKey}
          @focus=${() => (this.said = '')}
          @blur=${() => { this.open = false; }}>
        <ul id="ev-alliance-options" role="listbox" aria-label=${L('Passende Allianzen', 'Matching alliances')} ?hidden=${!(this.open && list.length)}>
          ${list.map((a, i) => html`<li role="option" id="ev-alliance-opt-${i}" aria-selected=${i === active ? 'true' : 'false'}
            @mousedown=${(e: MouseEvent) => e.preventDefault()} @click=${() => this.add(a)}>${a.name}</li>`)}
        </ul>
        ${this.open && this.query && !list.length ? html`<p class="hint">${L('Keine weitere Allianz mit diesem Namen.', 'No other alliance by that name.')}</p>` : nothing}
        ${this.error ? html`<p class="error" id="ev-alliance-error">${this.error}</p>` : nothing}
      </div>
      <p class="visually-hidden" role="status">${this.said}</p>
    </fieldset>`;
  }
}

if (!customElements.get('fk-admin-alliance-picker')) customElements.define('fk-admin-alliance-picker', FkAdminAlliancePicker);
