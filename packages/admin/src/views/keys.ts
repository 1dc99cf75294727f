import type { ApiKey, ApiKeyCreated } from '@fachkraefte/sdk/admin';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { doneBox, field, troubleBox, View } from '../ctx.js';
import { Draft } from '../form-kit.js';
import { formatDateTime, L } from '../i18n.js';
import { trouble, type Trouble } from '../problems.js';

/** @summary Admin: API keys — create (label and scope; the secret shown once, with a copy button), revoke. */
export class FkAdminKeys extends View {
  @state() accessor items: ApiKey[] | null = null;
  @state() accessor label = '';
  @state() accessor scope = '';
  @state() accessor created: ApiKeyCreated | null = null;
  @state() accessor copied = false;
  @state() accessor problem: Trouble | null = null;
  @state() accessor done: string | null = null;

  private readonly draft = new Draft<{ label: string; scope: string }>(this, () => 'keys');

  override connectedCallback(): void {
    super.connectedCallback();
    const draft = this.draft.restore();
    this.label = draft?.label ?? '';
    this.scope = draft?.scope ?? this.ctx.alliance;
    void this.load();
  }

  private async load() {
    try {
      this.items = (await this.ctx.client.keys.list()).items;
    } catch (error) {
      this.problem = trouble(error);
      this.ctx.fail(this.problem);
    }
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    this.problem = null;
    this.done = null;
    this.copied = false;
    try {
      this.created = await this.ctx.client.keys.create({ label: this.label.trim(), scope: this.scope });
      this.label = '';
      this.draft.clear();
      await this.load();
      await this.updateComplete;
      this.querySelector<HTMLElement>('#new-key')?.focus();
    } catch (error) {
      this.problem = trouble(error, ['label', 'scope']);
      this.ctx.fail(this.problem);
    }
  }

  private async copy() {
    const input = this.querySelector<HTMLInputElement>('#new-key')!;
    input.select();
    try {
      await navigator.clipboard.writeText(this.created!.key);
      this.copied = true;
    } catch {
      // No clipboard permission: the key is selected, Ctrl+C copies it.
      this.copied = false;
      this.done = L('Der Schlüssel ist markiert: kopieren Sie ihn mit Strg+C.', 'The key is selected: copy it with Ctrl+C.');
    }
  }

  private async revoke(k: ApiKey) {
    const self = k.id === this.ctx.me.id;
    const question = self
      ? L('Das ist Ihr eigener Schlüssel: nach dem Widerruf sind Sie abgemeldet. Widerrufen?', 'This is your own key: after revoking it you are signed out. Revoke?')
      : L(`Schlüssel „${k.label ?? k.id}“ widerrufen? Er funktioniert ab sofort nicht mehr.`, `Revoke the key “${k.label ?? k.id}”? It stops working at once.`);
    if (!window.confirm(question)) return;
    this.problem = null;
    try {
      await this.ctx.client.keys.revoke(k.id);
      this.done = L(`Schlüssel „${k.label ?? k.id}“ ist widerrufen.`, `The key “${k.label ?? k.id}” is revoked.`);
      this.ctx.announce(this.done);
      if (self) {
        this.ctx.fail({ kind: 'auth', message: L('Ihr Schlüssel ist widerrufen. Sie sind abgemeldet.', 'Your key is revoked. You are signed out.'), fields: {}, other: [] });
        return;
      }
      await this.load();
    } catch (error) {
      this.problem = trouble(error);
      this.ctx.fail(this.problem);
    }
  }

  override render() {
    const errs = this.problem?.fields ?? {};
    return html`<h1 tabindex="-1">${L('Schlüssel', 'Keys')}</h1>
      <p>${L('Jede Person bekommt ihren eigenen Schlüssel: Er erscheint mit seiner Bezeichnung im Verlauf und lässt sich einzeln widerrufen.', 'Give each person their own key: it appears with its label in the history and can be revoked on its own.')}</p>
      ${troubleBox(this.problem)}
      ${doneBox(this.done)}
      ${this.created ? html`<section class="box box-key" aria-labelledby="created-h">
        <h2 id="created-h">${L('Neuer Schlüssel – nur jetzt sichtbar', 'New key – shown only now')}</h2>
        <p>${L(`Für „${this.created.label}“ (${this.created.scope}). Geben Sie ihn der Person auf sicherem Weg weiter; der Server speichert ihn nicht lesbar und zeigt ihn nie wieder.`, `For “${this.created.label}” (${this.created.scope}). Pass it on safely; the server does not keep it readable and never shows it again.`)}</p>
        <div class="field"><label for="new-key">${L('Schlüssel', 'Key')}</label>
          <input id="new-key" readonly .value=${this.created.key} spellcheck="false" class="mono"></div>
        <div class="actions"><button type="button" @click=${this.copy}>${L('Kopieren', 'Copy')}</button>
          <button type="button" class="secondary" @click=${() => (this.created = null)}>${L('Fertig – Schlüssel ausblenden', 'Done – hide the key')}</button>
          <span role="status">${this.copied ? L('Kopiert.', 'Copied.') : ''}</span></div>
      </section>` : nothing}
      <section class="box" aria-labelledby="new-h"><h2 id="new-h">${L('Schlüssel anlegen', 'Create a key')}</h2>
        <form @submit=${this.create} novalidate>
          ${field('key-label', L('Bezeichnung (wessen Schlüssel?)', 'Label (whose key?)'), (a) => html`<input id=${a.id} .value=${this.label} @input=${(e: Event) => { this.label = (e.target as HTMLInputElement).value; this.draft.keep({ label: this.label, scope: this.scope }); }} placeholder=${L('z. B. Geschäftsstelle Südwest (G. Gempp)', 'e.g. Office Südwest (G. Gempp)')} aria-invalid=${a.invalid ? 'true' : 'false'} aria-describedby=${a.describedby || nothing}>`, errs['label'])}
          ${field('key-scope', L('Darf ändern', 'May change'), (a) => html`<select id=${a.id} @change=${(e: Event) => { this.scope = (e.target as HTMLSelectElement).value; this.draft.keep({ label: this.label, scope: this.scope }); }} aria-invalid=${a.invalid ? 'true' : 'false'} aria-describedby=${a.describedby || nothing}>
            ${this.ctx.alliances.map((al) => html`<option value=${al.slug} ?selected=${this.scope === al.slug}>${al.name}</option>`)}
            <option value="admin" ?selected=${this.scope === 'admin'}>${L('alles (Administration)', 'everything (administration)')}</option></select>`, errs['scope'])}
          <button type="submit">${L('Schlüssel anlegen', 'Create key')}</button>
        </form></section>
      <h2>${L('Alle Schlüssel', 'All keys')}</h2>
      ${this.items === null ? html`<p class="loading" role="status">${L('Wird geladen …', 'Loading …')}</p>` : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${L('Schlüssel', 'Keys')}><table>
        <thead><tr><th scope="col">${L('Bezeichnung', 'Label')}</th><th scope="col">${L('Darf ändern', 'May change')}</th><th scope="col">${L('Angelegt', 'Created')}</th><th scope="col">${L('Status', 'Status')}</th></tr></thead>
        <tbody>${this.items.map((k) => html`<tr data-key-id=${k.id}>
          <td>${k.label ?? '—'}${k.id === this.ctx.me.id ? html` <span class="badge">${L('Ihr Schlüssel', 'your key')}</span>` : nothing}</td>
          <td>${k.scope === 'admin' ? L('alles', 'everything') : (this.ctx.alliances.find((a) => a.slug === k.scope)?.name ?? k.scope)}</td>
          <td>${formatDateTime(k.createdAt)}</td>
          <td>${k.revokedAt ? L(`widerrufen ${formatDateTime(k.revokedAt)}`, `revoked ${formatDateTime(k.revokedAt)}`)
            : html`<button type="button" class="danger small" @click=${() => this.revoke(k)}>${L('Widerrufen', 'Revoke')}<span class="visually-hidden">: ${k.label ?? k.id}</span></button>`}</td>
        </tr>`)}</tbody></table></div>`}`;
  }
}

if (!customElements.get('fk-admin-keys')) customElements.define('fk-admin-keys', FkAdminKeys);
