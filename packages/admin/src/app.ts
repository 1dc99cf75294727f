import type { Alliance } from '@fachkraefte/sdk';
import type { ApiKey } from '@fachkraefte/sdk/admin';
import { createAdminClient, type FkAdminClient } from '@fachkraefte/sdk/admin';
import { html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { Ctx } from './ctx.js';
import { L, lang, setLang, type Lang } from './i18n.js';
import { trouble, type Trouble } from './problems.js';
import './views/events.js';
import './views/event-form.js';
import './views/members.js';
import './views/member-form.js';
import './views/profile.js';
import './views/import.js';
import './views/history.js';
import './views/keys.js';
import './views/alliances.js';

/** The key lives for this tab only: never localStorage, cookies or the URL. */
const KEY_ITEM = 'fk-admin-key';
const LANG_ITEM = 'fk-admin-lang';

/**
 * The browser must not answer the app's reads from its HTTP cache (the API allows 60 s): the
 * coordinator sees what they just saved. The SDK still revalidates with its own ETags.
 */
const noStore: typeof fetch = (input, init) => fetch(input instanceof Request ? new Request(input, { cache: 'no-store' }) : input, { ...init, cache: 'no-store' });

interface NavItem { path: string; de: string; en: string; admin?: boolean }
const NAV: NavItem[] = [
  { path: 'events', de: 'Termine', en: 'Events' },
  { path: 'members', de: 'Mitglieder', en: 'Members' },
  { path: 'profile', de: 'Profil', en: 'Profile' },
  { path: 'import', de: 'Import', en: 'Import' },
  { path: 'history', de: 'Verlauf', en: 'History' },
  { path: 'keys', de: 'Schlüssel', en: 'Keys', admin: true },
  { path: 'alliances', de: 'Allianzen', en: 'Alliances', admin: true },
];

/**
 * @summary The coordinators' app: sign-in with a personal key, then the alliance's events,
 * members, profile, imports and history; keys and alliances for admin keys.
 */
export class FkAdminApp extends LitElement {
  @state() accessor client: FkAdminClient | null = null;
  @state() accessor me: ApiKey | null = null;
  @state() accessor alliance = '';
  @state() accessor alliances: Alliance[] = [];
  @state() accessor route: string[] = ['events'];
  @state() accessor signInTrouble: Trouble | null = null;
  @state() accessor signInNote = '';
  @state() accessor busy = false;
  @state() accessor offline = !navigator.onLine;
  @state() accessor live = '';
  private dirty = false;
  private drafts = new Map<string, unknown>();
  private lastHash = location.hash;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    setLang((sessionStorage.getItem(LANG_ITEM) as Lang | null) ?? 'de');
    this.route = this.parseHash();
    window.addEventListener('hashchange', this.handleHashChange);
    window.addEventListener('beforeunload', this.handleBeforeUnload);
    window.addEventListener('online', this.handleOnline);
    window.addEventListener('offline', this.handleOnline);
    const saved = sessionStorage.getItem(KEY_ITEM);
    if (saved) void this.signIn(saved, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
    window.removeEventListener('beforeunload', this.handleBeforeUnload);
    window.removeEventListener('online', this.handleOnline);
    window.removeEventListener('offline', this.handleOnline);
  }

  private parseHash(): string[] {
    const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
    return parts.length ? parts : ['events'];
  }

  private handleOnline = () => {
    this.offline = !navigator.onLine;
  };

  private handleBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.dirty) return;
    event.preventDefault();
    event.returnValue = '';
  };

  /** In-app navigation with unsaved changes asks first; "stay" puts the old address back. */
  private handleHashChange = () => {
    if (location.hash === this.lastHash) return;
    if (this.dirty && !window.confirm(L('Sie haben ungespeicherte Änderungen. Seite trotzdem verlassen? Die Änderungen gehen verloren.', 'You have unsaved changes. Leave anyway? The changes will be lost.'))) {
      history.replaceState(null, '', this.lastHash || '#/events');
      return;
    }
    if (this.dirty) this.drafts.delete(this.route.join('/'));
    this.dirty = false;
    this.lastHash = location.hash;
    this.route = this.parseHash();
    this.focusMain();
  };

  private focusMain() {
    void this.updateComplete.then(() => {
      const h = this.querySelector<HTMLElement>('main h1');
      h?.focus();
    });
  }

  go(path: string) {
    location.hash = `#/${path}`;
  }

  private async signIn(key: string, restoring = false) {
    this.busy = true;
    this.signInTrouble = null;
    const client = createAdminClient({ baseUrl: location.origin, apiKey: key, retry: 0, fetch: noStore, timeout: 15_000 });
    try {
      const me = await client.keys.self();
      const alliances = (await client.alliances.list({ limit: 500 })).items;
      sessionStorage.setItem(KEY_ITEM, key);
      this.client = client;
      this.me = me;
      this.alliances = alliances;
      const picked = sessionStorage.getItem('fk-admin-alliance');
      this.alliance = me.scope !== 'admin' ? me.scope : picked && alliances.some((a) => a.slug === picked) ? picked : (alliances[0]?.slug ?? '');
      this.signInNote = '';
      if (!restoring) this.focusMain();
    } catch (error) {
      sessionStorage.removeItem(KEY_ITEM);
      const t = trouble(error);
      if (t.kind === 'auth') t.message = L('Dieser Schlüssel ist unbekannt oder widerrufen. Bitte prüfen Sie ihn oder fragen Sie Ihre Administration.', 'This key is unknown or revoked. Please check it, or ask your administrator.');
      this.signInTrouble = t;
      await this.updateComplete;
      this.querySelector<HTMLElement>('#key')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private signOut(note = '') {
    if (this.dirty && !note && !window.confirm(L('Sie haben ungespeicherte Änderungen. Trotzdem abmelden?', 'You have unsaved changes. Sign out anyway?'))) return;
    sessionStorage.removeItem(KEY_ITEM);
    this.client = null;
    this.me = null;
    this.dirty = false;
    if (!note) this.drafts.clear();
    this.signInNote = note;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('#key')?.focus());
  }

  private handleSignIn(e: SubmitEvent) {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('key') as HTMLInputElement;
    const key = input.value.trim();
    if (!key) {
      this.signInTrouble = { kind: 'invalid', message: L('Bitte geben Sie Ihren Schlüssel ein.', 'Please enter your key.'), fields: { key: L('Pflichtfeld', 'Required') }, other: [] };
      input.focus();
      return;
    }
    void this.signIn(key);
  }

  private switchLang(next: Lang) {
    setLang(next);
    sessionStorage.setItem(LANG_ITEM, next);
    this.requestUpdate();
    // Views render with the language too.
    for (const v of this.querySelectorAll('main > *')) (v as LitElement).requestUpdate?.();
  }

  private pickAlliance(e: Event) {
    const slug = (e.target as HTMLSelectElement).value;
    if (this.dirty && !window.confirm(L('Sie haben ungespeicherte Änderungen. Trotzdem wechseln?', 'You have unsaved changes. Switch anyway?'))) {
      (e.target as HTMLSelectElement).value = this.alliance;
      return;
    }
    this.dirty = false;
    this.alliance = slug;
    sessionStorage.setItem('fk-admin-alliance', slug);
  }

  private ctx(): Ctx {
    return {
      client: this.client!, me: this.me!, alliance: this.alliance, alliances: this.alliances, lang: lang(), route: this.route,
      drafts: this.drafts,
      fail: (t) => {
        if (t.kind === 'auth') this.signOut(t.message);
        if (t.kind === 'offline') this.offline = true;
      },
      announce: (m) => {
        this.live = '';
        void this.updateComplete.then(() => (this.live = m));
      },
      setDirty: (d) => {
        this.dirty = d;
      },
      go: (p) => this.go(p),
    };
  }

  private langSwitch() {
    const other: Lang = lang() === 'de' ? 'en' : 'de';
    return html`<button type="button" class="link-button lang" lang=${other} @click=${() => this.switchLang(other)}
      aria-label=${other === 'en' ? 'English – switch language' : 'Deutsch – Sprache wechseln'}>${other === 'en' ? 'English' : 'Deutsch'}</button>`;
  }

  override render() {
    if (!this.client || !this.me) return this.renderSignIn();
    const isAdmin = this.me.scope === 'admin';
    const top = this.route[0] ?? 'events';
    const allianceName = this.alliances.find((a) => a.slug === this.alliance)?.name ?? this.alliance;
    const ctx = this.ctx();
    return html`
      <a class="skip" href="#main" @click=${(e: Event) => { e.preventDefault(); this.querySelector<HTMLElement>('main h1')?.focus(); }}>${L('Zum Inhalt springen', 'Skip to content')}</a>
      <header class="top">
        <div class="top-inner">
          <p class="brand">${L('Verwaltung', 'Admin')} <span class="brand-sub">${L('Fachkräfteallianzen', 'Skilled-worker alliances')}</span></p>
          <div class="who">
            <p><span class="visually-hidden">${L('Angemeldet als', 'Signed in as')} </span><strong data-who>${this.me.label ?? this.me.id}</strong>
              · ${isAdmin ? html`<span data-scope>${L('Administration (alle Allianzen)', 'Administration (all alliances)')}</span>` : html`<span data-scope>${allianceName}</span>`}</p>
            ${isAdmin ? html`<label class="inline">${L('Allianz', 'Alliance')}
              <select @change=${this.pickAlliance} .value=${this.alliance}>
                ${this.alliances.map((a) => html`<option value=${a.slug} ?selected=${a.slug === this.alliance}>${a.name}</option>`)}
              </select></label>` : nothing}
            ${this.langSwitch()}
            <button type="button" class="secondary" @click=${() => this.signOut()}>${L('Abmelden', 'Sign out')}</button>
          </div>
        </div>
        <nav aria-label=${L('Bereiche', 'Sections')}>
          <ul>${NAV.filter((n) => !n.admin || isAdmin).map((n) => html`<li><a href="#/${n.path}" aria-current=${top === n.path ? 'page' : 'false'}>${L(n.de, n.en)}</a></li>`)}</ul>
        </nav>
      </header>
      ${this.offline ? html`<div class="notice notice-offline banner" role="alert">${L('Keine Verbindung zum Server. Ihre Eingaben bleiben erhalten; speichern Sie, sobald die Verbindung wieder steht.', 'No connection to the server. What you typed is kept; save once the connection is back.')}
        <button type="button" class="secondary" @click=${() => { this.offline = !navigator.onLine; }}>${L('Erneut prüfen', 'Check again')}</button></div>` : nothing}
      <main id="main">${keyed(`${this.alliance}|${this.route.join('/')}`, this.renderView(top, ctx, isAdmin))}</main>
      <div class="visually-hidden" role="status" aria-live="polite">${this.live}</div>
      <footer class="foot"><p>${L('Änderungen erscheinen auf den Seiten der Kommunen spätestens 2 Minuten nach dem Speichern.', 'Changes appear on the municipalities’ pages at most 2 minutes after saving.')}
        <a href="/">${L('Demoseite', 'Demo page')}</a></p></footer>`;
  }

  private renderView(top: string, ctx: Ctx, isAdmin: boolean) {
    switch (top) {
      case 'events':
        return this.route[1] ? html`<fk-admin-event-form .ctx=${ctx}></fk-admin-event-form>` : html`<fk-admin-events .ctx=${ctx}></fk-admin-events>`;
      case 'members':
        return this.route[1] ? html`<fk-admin-member-form .ctx=${ctx}></fk-admin-member-form>` : html`<fk-admin-members .ctx=${ctx}></fk-admin-members>`;
      case 'profile': return html`<fk-admin-profile .ctx=${ctx}></fk-admin-profile>`;
      case 'import': return html`<fk-admin-import .ctx=${ctx}></fk-admin-import>`;
      case 'history': return html`<fk-admin-history .ctx=${ctx}></fk-admin-history>`;
      case 'keys': return isAdmin ? html`<fk-admin-keys .ctx=${ctx}></fk-admin-keys>` : this.notAllowed();
      case 'alliances': return isAdmin ? html`<fk-admin-alliances .ctx=${ctx}></fk-admin-alliances>` : this.notAllowed();
      default: return html`<h1 tabindex="-1">${L('Seite nicht gefunden', 'Page not found')}</h1><p><a href="#/events">${L('Zu den Terminen', 'To the events')}</a></p>`;
    }
  }

  private notAllowed() {
    return html`<h1 tabindex="-1">${L('Nur für die Administration', 'Administrators only')}</h1>
      <p>${L('Dieser Bereich braucht einen Administrationsschlüssel.', 'This section needs an admin key.')}</p>`;
  }

  private renderSignIn() {
    const t = this.signInTrouble;
    return html`
      <header class="top"><div class="top-inner"><p class="brand">${L('Verwaltung', 'Admin')} <span class="brand-sub">${L('Fachkräfteallianzen', 'Skilled-worker alliances')}</span></p>
        <div class="who">${this.langSwitch()}</div></div></header>
      <main id="main" class="signin">
        <h1 tabindex="-1">${L('Anmelden', 'Sign in')}</h1>
        <p>${L('Melden Sie sich mit dem persönlichen Schlüssel an, den Sie von der Administration erhalten haben. Der Schlüssel bleibt nur in diesem Browser-Tab und wird beim Abmelden vergessen.', 'Sign in with the personal key you received from your administrator. The key stays in this browser tab only and is forgotten when you sign out.')}</p>
        ${this.signInNote ? html`<div class="notice notice-auth" role="alert" data-trouble="auth">${this.signInNote}</div>` : nothing}
        ${t && !t.fields['key'] ? html`<div class="notice notice-${t.kind}" role="alert" data-trouble=${t.kind}>${t.message}</div>` : nothing}
        <form @submit=${this.handleSignIn} novalidate>
          <div class="field ${t?.fields['key'] || t?.kind === 'auth' ? 'has-error' : ''}">
            <label for="key">${L('Persönlicher Schlüssel', 'Personal key')}</label>
            <input id="key" name="key" type="password" autocomplete="off" spellcheck="false" required
              aria-invalid=${t?.fields['key'] || t?.kind === 'auth' ? 'true' : 'false'} aria-describedby=${t?.fields['key'] ? 'key-error' : nothing}>
            ${t?.fields['key'] ? html`<p class="error" id="key-error">${t.fields['key']}</p>` : nothing}
          </div>
          <button type="submit" ?disabled=${this.busy}>${this.busy ? L('Anmelden …', 'Signing in …') : L('Anmelden', 'Sign in')}</button>
        </form>
      </main>`;
  }
}

if (!customElements.get('fk-admin-app')) customElements.define('fk-admin-app', FkAdminApp);
