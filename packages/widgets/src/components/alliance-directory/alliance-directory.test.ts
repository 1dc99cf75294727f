import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { API, FAULTY } from 'fk-test-env';
import type { Alliance, Member } from '@fachkraefte/schema';
import type { FkErrorEvent } from '../../events/fk-error.js';
import type { FkSelectEvent } from '../../events/fk-select.js';
import { $, $$, choose, deepActive, root, text, typeInto, unique, waitFor } from '../../../test/helpers.js';
import { sendKeys } from '../../../test/commands.js';
import '../event-calendar/event-calendar.js';
import './alliance-directory.js';
import type FkAllianceDirectory from './alliance-directory.component.js';
import { hashWith } from './hash-state.js';

const SUEDWEST = 'fachkraefteallianz-suedwest';
const HEILBRONN = 'fachkraeftebuendnis-heilbronn-franken';
const LEINE_WESER = 'fachkraeftebuendnis-leine-weser';

/**
 * Resizes the browser window through web-test-runner's built-in `set-viewport` command (the same
 * socket as `sendKeys` in test/commands.ts).
 */
async function setViewport(size: { width: number; height: number }): Promise<void> {
  const sessionId = new URL(location.href).searchParams.get('wtr-session-id');
  const socket = (await import('/__web-dev-server__web-socket.js' as string)) as {
    sendMessageWaitForResponse(message: unknown): Promise<{ executed: boolean }>;
  };
  const response = await socket.sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command: 'set-viewport', payload: size });
  if (!response.executed) throw new Error('set-viewport was not executed');
}

/** A section of a profile by its heading text. */
function sectionTitled(el: Element, title: string): HTMLElement | undefined {
  return $$(el, '[part~="profile"] section').find((s) => s.querySelector('.section-title')?.textContent === title);
}
const LIST = '[part~="list"]';

async function list(api = `${API}/v1`): Promise<FkAllianceDirectory> {
  const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory api=${api}></fk-alliance-directory>`);
  await waitFor(el, LIST);
  return el;
}

async function profile(slug = SUEDWEST, api = `${API}/v1`): Promise<FkAllianceDirectory> {
  const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory api=${api} alliance=${slug}></fk-alliance-directory>`);
  await waitFor(el, '[part~="profile"]');
  return el;
}

describe('<fk-alliance-directory>', () => {
  it('passes axe with the list of the reference server', async () => {
    const el = await list();
    await expect(el).to.be.accessible();
  });

  describe('list', () => {
    it('shows every alliance of the seed data with areas, founding as given and member count', async () => {
      const el = await list();
      const cards = $$(el, '[part~="item"]');
      expect(cards).to.have.length(6);
      const suedwest = cards.find((c) => c.textContent?.includes('Fachkräfteallianz Südwest'));
      expect(suedwest, 'Südwest card').to.exist;
      const t = suedwest!.textContent!.replace(/\s+/g, ' ');
      expect(t).to.contain('Lörrach');
      expect(t).to.contain('gegründet April 2013');
      expect(t).to.contain('26 Mitglieder');
      expect($(el, '[part~="count"]').textContent).to.equal('6 Allianzen');
    });

    it('says which member counts the alliance states and which members are named, in the card and the profile (de, en)', async () => {
      const facts = (w: Element) => $(w, '[part~="facts"]').textContent!.replace(/\s+/g, ' ');
      const el = await list();
      const card = (name: string) => $$(el, '[part~="item"]').find((c) => c.textContent!.includes(name))!.textContent!.replace(/\s+/g, ' ');
      expect(card('Netzwerk Fachkräfte')).to.contain('26 Mitglieder laut Allianz, 1 namentlich bekannt');
      expect(card('Allianz für Fachkräfte Baden-Württemberg')).to.contain('1 Mitglied namentlich bekannt');
      expect(card('Fachkräfteallianz Südwest')).to.contain('26 Mitglieder').and.not.contain('namentlich');
      const waldshut = await profile('netzwerk-fachkraefte-landkreis-waldshut');
      await expect(waldshut).to.be.accessible();
      expect(facts(waldshut)).to.contain('Die Allianz gibt 26 Mitglieder an; die veröffentlichten Quellen nennen 1 davon mit Namen.');
      const state = await profile('allianz-fuer-fachkraefte-bw');
      expect(facts(state)).to.contain('Wie viele Mitglieder die Allianz insgesamt hat, geben die veröffentlichten Quellen nicht an');
      expect(facts(await profile(SUEDWEST))).not.to.contain('Quellen');
      const en = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory lang="en" api=${`${API}/v1`} alliance="netzwerk-fachkraefte-landkreis-waldshut"></fk-alliance-directory>`);
      await waitUntil(() => en.shadowRoot?.querySelector('[part~="facts"]')?.textContent?.includes('known by name'), 'English profile', { timeout: 15_000 });
      expect(facts(en)).to.contain('26 members as stated by the alliance, 1 known by name');
      expect(facts(en)).to.contain('The alliance states 26 members; the published sources name 1 of them.');
      await expect(en).to.be.accessible();
    });

    it('takes, before its script runs, the space fk.css reserves: the same as once upgraded (412 and 1280 px)', async () => {
      for (const width of [412, 1280]) {
        // A page that links fk.css and the widget, the script added only after the first measure.
        const frame = await fixture<HTMLIFrameElement>(html`<iframe title="fk.css" style="width:${width}px;height:700px;border:0"></iframe>`);
        const doc = frame.contentDocument!;
        doc.open();
        doc.write(`<!doctype html><html lang="de"><head><link rel="stylesheet" href="/static/fk.css"><style>body{margin:0;padding:0 16px;max-width:792px;font-family:sans-serif}</style></head>
<body><fk-alliance-directory api="${API}/v1"><a href="https://example.org/">Allianzen</a></fk-alliance-directory><p id="after">Danach</p></body></html>`);
        doc.close();
        await waitUntil(() => doc.styleSheets.length >= 2, 'fk.css loaded');
        const el = doc.querySelector('fk-alliance-directory')!;
        const before = el.getBoundingClientRect().height;
        expect(before, `reserved at ${width} px`).to.be.above(500);
        const script = doc.createElement('script');
        script.type = 'module';
        script.src = '/__bundles/a/alliance-directory.js';
        doc.head.append(script);
        await waitUntil(() => el.shadowRoot?.querySelector(LIST), 'list in the frame', { timeout: 15_000 });
        await aTimeout(50);
        expect(el.getBoundingClientRect().height, `upgraded at ${width} px`).to.be.closeTo(before, 2);
      }
    });

    it('keeps the bottom border of the last row of cards when another widget follows right below', async () => {
      const wrapper = await fixture(html`<div style="width:361.3px"><fk-alliance-directory api=${`${API}/v1`}></fk-alliance-directory><fk-event-calendar api=${`${API}/v1`} view="list"></fk-event-calendar></div>`);
      const el = wrapper.querySelector('fk-alliance-directory')!;
      await waitFor(el, LIST);
      const last = $$(el, '[part~="item"]').at(-1)!;
      const next = wrapper.querySelector('fk-event-calendar')!;
      // The card's border box ends inside the widget, above the next one's top edge.
      expect(last.getBoundingClientRect().bottom).to.be.below(next.getBoundingClientRect().top - 1);
    });

    it('shows a skeleton with the filters in place while loading, then the list without moving them', async () => {
      const el = await fixture<FkAllianceDirectory>(
        html`<fk-alliance-directory api=${`${FAULTY}/slow/${unique()}/v1`}></fk-alliance-directory>`,
      );
      const skeleton = await waitFor(el, '[part~="skeleton"]');
      expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
      expect($(el, '[part~="count"]').textContent).to.equal('Wird geladen …');
      await expect(el).to.be.accessible();
      const before = $(el, '#fk-q').getBoundingClientRect().top;
      await waitFor(el, LIST);
      expect($(el, '#fk-q').getBoundingClientRect().top).to.equal(before);
    });

    it('keeps its height from skeleton to list at 1280 px: what follows does not move, no layout shift', async () => {
      await setViewport({ width: 1280, height: 1400 });
      const shifts: { value: number; nodes: string[] }[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node }[] })[]) {
          shifts.push({ value: e.value, nodes: (e.sources ?? []).map((s) => (s.node as Element | undefined)?.outerHTML?.slice(0, 80) ?? '?') });
        }
      });
      try {
        const wrapper = await fixture(html`<div>
          <fk-alliance-directory api=${`${FAULTY}/slow/${unique()}/v1`}></fk-alliance-directory>
          <p class="after">Text der Seite nach dem Widget</p>
        </div>`);
        const el = wrapper.querySelector('fk-alliance-directory')!;
        const after = wrapper.querySelector('.after')!;
        await waitFor(el, '[part~="skeleton"]');
        await el.updateComplete;
        // Observe from here on: the shift that matters is skeleton → list.
        observer.observe({ type: 'layout-shift' });
        const height = el.getBoundingClientRect().height;
        const top = after.getBoundingClientRect().top;
        // The paragraph after the widget is on screen, so a shift of it would be measured.
        expect(top).to.be.below(window.innerHeight);
        await waitFor(el, LIST);
        await el.updateComplete;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        await aTimeout(50);
        expect($$(el, '[part~="item"]')).to.have.length(6);
        expect(el.getBoundingClientRect().height).to.equal(height);
        expect(after.getBoundingClientRect().top).to.equal(top);
        observer.takeRecords().forEach((e) => shifts.push({ value: (e as PerformanceEntry & { value: number }).value, nodes: [] }));
        expect(shifts, JSON.stringify(shifts)).to.deep.equal([]);
      } finally {
        observer.disconnect();
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('filters as you type, accent-insensitive, and announces the count', async () => {
      const el = await list();
      typeInto($(el, '#fk-q') as HTMLInputElement, 'lorrach');
      await el.updateComplete;
      expect($$(el, '[part~="item"]').map((c) => c.querySelector('button')!.textContent)).to.deep.equal(['Fachkräfteallianz Südwest']);
      const status = $(el, '[part~="count"]');
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.textContent).to.equal('1 von 6 Allianzen');
    });

    it('filters by Bundesland and by kind', async () => {
      const el = await list();
      choose($(el, '#fk-state') as HTMLSelectElement, 'DE-NI');
      await el.updateComplete;
      expect($$(el, '[part~="item"]').map((c) => c.querySelector('button')!.textContent)).to.deep.equal([
        'Regionales Fachkräftebündnis Leine-Weser',
      ]);
      choose($(el, '#fk-state') as HTMLSelectElement, '');
      choose($(el, '#fk-kind') as HTMLSelectElement, 'state');
      await el.updateComplete;
      expect($$(el, '[part~="item"]').map((c) => c.querySelector('button')!.textContent)).to.deep.equal([
        'Allianz für Fachkräfte Baden-Württemberg',
      ]);
    });

    it('says when nothing matches, passes axe, and resets the search', async () => {
      const el = await list();
      typeInto($(el, '#fk-q') as HTMLInputElement, 'zzzz');
      await el.updateComplete;
      expect($(el, '[part~="empty"]').textContent).to.contain('Keine Allianz passt zu Ihrer Suche.');
      await expect(el).to.be.accessible();
      ($(el, '[part~="empty"] button')).click();
      await el.updateComplete;
      expect($$(el, '[part~="item"]')).to.have.length(6);
      expect(deepActive()?.id).to.equal('fk-q');
    });

    it('says so when the API has no alliances', async () => {
      const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory api=${`${FAULTY}/empty/v1`}></fk-alliance-directory>`);
      const empty = await waitFor(el, '[part~="empty"]');
      expect(empty.textContent).to.contain('Es sind noch keine Allianzen eingetragen.');
      await expect(el).to.be.accessible();
    });
  });

  describe('errors', () => {
    it('shows a server error in plain words with a retry button, and dispatches fk-error', async () => {
      const errors: FkErrorEvent[] = [];
      const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory api=${`${FAULTY}/500/v1`} @fk-error=${(e: FkErrorEvent) => errors.push(e)}></fk-alliance-directory>`);
      const box = await waitFor(el, '[part~="error"]');
      expect(box.getAttribute('role')).to.equal('alert');
      expect(box.textContent).to.contain('Der Server meldet einen Fehler (500).');
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail).to.include({ code: 'http', status: 500 });
      expect(errors[0]!.bubbles && errors[0]!.composed).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('loads after a retry once the server recovers', async () => {
      const id = unique();
      const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory api=${`${FAULTY}/recover/${id}/v1`}></fk-alliance-directory>`);
      await waitFor(el, '[part~="retry-button"]');
      $(el, '[part~="retry-button"]').click();
      await waitFor(el, LIST);
      expect($$(el, '[part~="item"]')).to.have.length(6);
    });

    it('reports malformed answers as unexpected data', async () => {
      const errors: FkErrorEvent[] = [];
      const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory api=${`${FAULTY}/malformed/v1`} @fk-error=${(e: FkErrorEvent) => errors.push(e)}></fk-alliance-directory>`);
      const box = await waitFor(el, '[part~="error"]');
      expect(box.textContent).to.contain('Der Server hat unerwartete Daten geliefert.');
      expect(errors[0]!.detail.code).to.equal('invalid-response');
    });

    it('reports an unreachable API as a network problem', async () => {
      const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory api="http://127.0.0.1:9/v1"></fk-alliance-directory>`);
      const box = await waitFor(el, '[part~="error"]', 20_000);
      expect(box.textContent).to.contain('Der Server ist nicht erreichbar.');
    });

    it('says when an alliance does not exist', async () => {
      const errors: FkErrorEvent[] = [];
      const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory api=${`${API}/v1`} alliance="gibt-es-nicht" @fk-error=${(e: FkErrorEvent) => errors.push(e)}></fk-alliance-directory>`);
      const box = await waitFor(el, '[part~="error"]');
      expect(box.textContent).to.contain('Dieser Eintrag wurde nicht gefunden.');
      expect(errors[0]!.detail).to.include({ code: 'not-found', status: 404 });
    });

    it('keeps the data visible when a refresh fails, with a notice and a retry button', async () => {
      const errors: FkErrorEvent[] = [];
      const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory api=${`${FAULTY}/flip/${unique()}/v1`} @fk-error=${(e: FkErrorEvent) => errors.push(e)}></fk-alliance-directory>`);
      await waitFor(el, LIST);
      await el.refresh();
      await waitFor(el, '[part~="stale-notice"]');
      expect($$(el, '[part~="item"]')).to.have.length(6);
      expect($(el, '[part~="stale-notice"]').textContent).to.match(/Stand von \d\d:\d\d Uhr/);
      expect(errors).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('shows a readable message and warns naming the attribute when "api" is missing', async () => {
      const warn = console.warn;
      const warnings: string[] = [];
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        const errors: FkErrorEvent[] = [];
        const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory @fk-error=${(e: FkErrorEvent) => errors.push(e)}></fk-alliance-directory>`);
        await el.updateComplete;
        expect($(el, '[part~="error"]').textContent).to.contain('Es ist keine Datenquelle angegeben');
        expect(warnings.some((w) => w.includes('attribute "api"'))).to.equal(true);
        expect(errors[0]!.detail).to.include({ code: 'config', attribute: 'api' });
        await expect(el).to.be.accessible();
      } finally {
        console.warn = warn;
      }
    });

    it('rejects an api that is not http(s) and a malformed alliance slug', async () => {
      const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory api="javascript:alert(1)"></fk-alliance-directory>`);
      expect($(el, '[part~="error"]').textContent).to.contain('"javascript:alert(1)" is not an http(s) URL');
      const el2 = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory api=${`${API}/v1`} alliance="Not A Slug"></fk-alliance-directory>`);
      expect($(el2, '[part~="error"]').textContent).to.contain('alliance');
    });
  });

  describe('configuration', () => {
    it('takes the API base from <meta name="fachkraefte:api"> when the attribute is left out', async () => {
      const meta = document.createElement('meta');
      meta.name = 'fachkraefte:api';
      meta.content = `${API}/v1`;
      document.head.append(meta);
      try {
        const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory></fk-alliance-directory>`);
        await waitFor(el, LIST);
      } finally {
        meta.remove();
      }
    });

    it('switches to English at run time without a German flash, once the English texts have loaded', async () => {
      // First in this file to use English: the catalog is not loaded yet.
      const el = await list();
      el.lang = 'en';
      // The update waits for the English catalog (a separate module): the first render after the
      // change is already English.
      await el.updateComplete;
      expect($(el, '.title').textContent).to.equal('Skilled-worker alliances');
      expect($(el, '[part~="count"]').textContent).to.equal('6 alliances');
      expect($(el, '.root').getAttribute('lang')).to.equal('en');
      await expect(el).to.be.accessible();
    });

    it('speaks English with lang="en", and inherits the language of the page', async () => {
      const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory lang="en" api=${`${API}/v1`}></fk-alliance-directory>`);
      await waitFor(el, LIST);
      expect(text(el)).to.contain('founded April 2013');
      expect($(el, '[part~="count"]').textContent).to.equal('6 alliances');
      const wrapper = await fixture(html`<div lang="en-GB"><fk-alliance-directory api=${`${API}/v1`}></fk-alliance-directory></div>`);
      const inner = wrapper.querySelector('fk-alliance-directory')!;
      await waitFor(inner, LIST);
      expect($(inner, '.title').textContent).to.equal('Skilled-worker alliances');
    });

    it('falls back to German for an unsupported language and warns', async () => {
      const warn = console.warn;
      const warnings: string[] = [];
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory lang="fr" api=${`${API}/v1`}></fk-alliance-directory>`);
        await waitFor(el, LIST);
        expect($(el, '.title').textContent).to.equal('Fachkräfteallianzen');
        expect(warnings.some((w) => w.includes('attribute "lang"'))).to.equal(true);
      } finally {
        console.warn = warn;
      }
    });

    it('switches to dark colours with theme="dark"', async () => {
      const el = await list();
      const light = getComputedStyle($(el, '.root')).backgroundColor;
      el.theme = 'dark';
      await el.updateComplete;
      const dark = getComputedStyle($(el, '.root')).backgroundColor;
      expect(dark).to.not.equal(light);
      expect(dark).to.equal('rgb(22, 26, 30)');
      await expect(el).to.be.accessible();
    });

    it('lets the page set the accent colour and inherits the page font', async () => {
      const wrapper = await fixture(html`<div class="themed"><fk-alliance-directory api=${`${API}/v1`}></fk-alliance-directory></div>`);
      const style = document.createElement('style');
      style.textContent = '.themed { font-family: Georgia, serif; } .themed fk-alliance-directory { --fk-color-accent: rgb(200, 0, 100); }';
      document.head.append(style);
      try {
        const el = wrapper.querySelector('fk-alliance-directory')!;
        await waitFor(el, LIST);
        expect(getComputedStyle($(el, '[part~="item-button"]')).color).to.equal('rgb(200, 0, 100)');
        expect(getComputedStyle($(el, '.root')).fontFamily).to.equal('Georgia, serif');
      } finally {
        style.remove();
      }
    });

    it('shares one request between widgets with the same API base', async () => {
      // The flip server answers the first request per path and fails every later one: both widgets
      // show the list only if they shared that one request.
      const api = `${FAULTY}/flip/${unique()}/v1`;
      const wrapper = await fixture(html`<div>
        <fk-alliance-directory api=${api}></fk-alliance-directory>
        <fk-alliance-directory api=${api}></fk-alliance-directory>
      </div>`);
      const [a, b] = [...wrapper.querySelectorAll('fk-alliance-directory')];
      await waitFor(a!, LIST);
      await waitFor(b!, LIST);
    });
  });

  describe('profile', () => {
    it('passes axe and shows description, areas, founding, patrons, project groups', async () => {
      const el = await profile();
      await expect(el).to.be.accessible();
      const t = text(el);
      expect($(el, '#fk-profile-title').textContent).to.equal('Fachkräfteallianz Südwest');
      expect(t).to.contain('April 2013');
      expect(t).to.contain('Marion Dammann');
      expect(t).to.contain('Projektgruppen');
      expect(t).to.contain('Berufsorientierung');
      expect($$(el, '[part~="back-button"]')).to.have.length(0);
    });

    it('lists the members grouped by type, in the order of the type list, with counts', async () => {
      const el = await profile();
      const groups = $$(el, '.group');
      expect(groups.length).to.be.greaterThan(3);
      const types = groups.map((g) => g.dataset.type);
      expect(types[0]).to.equal('landkreis');
      expect($(el, '.group[data-type="landkreis"] .group-title').textContent).to.equal('Landkreise (2)');
      expect($$(el, '[part~="member"]')).to.have.length(26);
      expect($$(el, '.members [part~="count"]')[0]!.textContent).to.equal('26 Mitglieder');
    });

    it('searches members and filters by type', async () => {
      const el = await profile();
      typeInto($(el, '#fk-mq') as HTMLInputElement, 'handwerk');
      await el.updateComplete;
      const names = $$(el, '[part~="member"] .member-name').map((n) => n.textContent);
      expect(names.length).to.be.greaterThan(0);
      expect(names.every((n) => /handwerk/i.test(n ?? ''))).to.equal(true);
      typeInto($(el, '#fk-mq') as HTMLInputElement, '');
      choose($(el, '#fk-mtype') as HTMLSelectElement, 'landkreis');
      await el.updateComplete;
      expect($$(el, '[part~="member"]')).to.have.length(2);
      expect($(el, '.members [part~="count"]').textContent).to.equal('2 von 26 Mitgliedern');
    });

    it('links contact e-mail and phone', async () => {
      const el = await profile('fachkraeftebuendnis-leine-weser');
      const mail = $(el, 'a[href^="mailto:"]') as HTMLAnchorElement;
      expect(mail.href).to.equal('mailto:edmund.rohde@arl-lw.niedersachsen.de');
      const tel = $(el, 'a[href^="tel:"]') as HTMLAnchorElement;
      expect(tel.getAttribute('href')).to.equal('tel:051219129833');
      expect(tel.textContent).to.equal('05121-9129833');
    });

    it('says so when an alliance names none of its stated members', async () => {
      const el = await profile('netzwerk-fachkraefte-landkreis-waldshut');
      expect(text(el)).to.satisfy((t: string) => t.includes('Die Allianz nennt') || t.includes('Mitglied'));
    });

    it('writes schema.org Organization JSON-LD with its members into the light DOM', async () => {
      const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory json-ld api=${`${API}/v1`} alliance=${SUEDWEST}></fk-alliance-directory>`);
      await waitFor(el, '[part~="profile"]');
      // The JSON-LD code may arrive after the profile: the first render does not wait for it.
      await waitUntil(() => el.querySelector('script[type="application/ld+json"]'), 'JSON-LD written');
      const script = el.querySelector('script[type="application/ld+json"]');
      const data = JSON.parse(script!.textContent!);
      expect(data['@type']).to.equal('Organization');
      expect(data.name).to.equal('Fachkräfteallianz Südwest');
      expect(data.member).to.have.length(26);
    });
  });

  describe('people involved (representatives)', () => {
    it('passes axe and lists the seven people the source quotes for Heilbronn-Franken, apart from contacts', async () => {
      const el = await profile(HEILBRONN);
      await expect(el).to.be.accessible();
      const section = sectionTitled(el, 'Beteiligte Personen');
      expect(section, 'section "Beteiligte Personen"').to.exist;
      const people = [...section!.querySelectorAll<HTMLElement>('.person')];
      expect(people).to.have.length(7);
      const first = people.find((p) => p.querySelector('.person-name')?.textContent === 'Kirsten Hirschmann');
      expect(first, 'Kirsten Hirschmann').to.exist;
      expect(first!.textContent!.replace(/\s+/g, ' ')).to.contain('IHK-Vizepräsidentin').and.to.contain('IHK Heilbronn-Franken');
      // Representatives are quoted, not contacts: no way to write to or call them from here.
      expect(section!.querySelectorAll('a')).to.have.length(0);
      expect(section!.textContent).to.not.match(/E-Mail|Telefon/);
      expect(sectionTitled(el, 'Ansprechpersonen')?.outerHTML, 'no contacts section').to.equal(undefined);
    });

    it('shows a contact with mail and phone links but no "people involved" where the source names only a contact', async () => {
      const el = await profile(LEINE_WESER);
      const contacts = sectionTitled(el, 'Ansprechpersonen');
      expect(contacts, 'section "Ansprechpersonen"').to.exist;
      expect(contacts!.textContent).to.contain('Edmund Rohde');
      expect(contacts!.querySelectorAll('a[href^="mailto:"], a[href^="tel:"]')).to.have.length(2);
      expect(sectionTitled(el, 'Beteiligte Personen')?.outerHTML).to.equal(undefined);
    });

    it('shows one representative for Südwest and three for the Waldshut network, in English as "People involved"', async () => {
      const suedwest = await profile();
      expect(sectionTitled(suedwest, 'Beteiligte Personen')!.querySelectorAll('.person')).to.have.length(1);
      expect(sectionTitled(suedwest, 'Beteiligte Personen')!.textContent).to.contain('Horst Eckert');
      const el = await fixture<FkAllianceDirectory>(
        html`<fk-alliance-directory lang="en" api=${`${API}/v1`} alliance="netzwerk-fachkraefte-landkreis-waldshut"></fk-alliance-directory>`,
      );
      await waitFor(el, '[part~="profile"]');
      const section = sectionTitled(el, 'People involved');
      expect(section, 'section "People involved"').to.exist;
      expect(section!.querySelectorAll('.person')).to.have.length(3);
      expect(section!.textContent).to.contain('Alexander Maas');
      await expect(el).to.be.accessible();
    });
  });

  describe('language of the data', () => {
    /** Every text node of the shadow root, with the language that applies to it. */
    function textLanguages(el: Element): { text: string; lang: string | null }[] {
      const walker = document.createTreeWalker(root(el), NodeFilter.SHOW_TEXT);
      const out: { text: string; lang: string | null }[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent!.replace(/\s+/g, ' ').trim();
        if (text) out.push({ text, lang: n.parentElement!.closest('[lang]')?.getAttribute('lang') ?? null });
      }
      return out;
    }

    /** The German texts of an alliance and its members, as the API serves them. */
    async function apiTexts(slug: string): Promise<Set<string>> {
      const a = (await (await fetch(`${API}/v1/alliances/${slug}`)).json()) as Alliance;
      const m = (await (await fetch(`${API}/v1/alliances/${slug}/members?limit=500`)).json()) as { items: Member[] };
      const people = [...a.patrons, ...a.contacts, ...a.representatives, ...(a.coordinator?.people ?? [])];
      return new Set(
        [
          a.name, a.areas.join(', '), a.coordinator?.organisationName, ...(a.description ?? '').split(/\n\s*\n/),
          ...a.focusAreas.map((f) => f.name), ...a.projectGroups.flatMap((g) => [g.name, g.description]),
          ...people.flatMap((p) => [p.name, p.role, p.organisationName]),
          ...m.items.flatMap((x) => [x.name, x.address?.locality]),
        ]
          .filter((x): x is string => !!x)
          .map((x) => x.replace(/\s+/g, ' ').trim()),
      );
    }

    it('marks every API text lang="de" inside an English profile, and the interface stays English', async () => {
      for (const slug of [SUEDWEST, HEILBRONN]) {
        const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory lang="en" api=${`${API}/v1`} alliance=${slug}></fk-alliance-directory>`);
        await waitFor(el, '[part~="profile"]');
        const german = await apiTexts(slug);
        const nodes = textLanguages(el);
        const data = nodes.filter((n) => german.has(n.text));
        // Name, areas, description, people, focus areas, project groups, every member.
        expect(data.length, 'API texts found').to.be.greaterThan(slug === SUEDWEST ? 40 : 15);
        expect(data.filter((n) => n.lang !== 'de').map((n) => n.text)).to.deep.equal([]);
        for (const ui of ['About the alliance', 'People involved', 'Members', 'Search members']) {
          const node = nodes.find((n) => n.text === ui);
          expect(node, ui).to.exist;
          expect(node!.lang, ui).to.equal('en');
        }
        await expect(el).to.be.accessible();
      }
    });

    it('marks the names and areas of the list lang="de" in English, and adds no lang inside a German widget', async () => {
      const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory lang="en" api=${`${API}/v1`}></fk-alliance-directory>`);
      await waitFor(el, LIST);
      for (const button of $$(el, '[part~="item-button"]')) expect(button.closest('[lang]')!.getAttribute('lang')).to.equal('de');
      const areas = textLanguages(el).find((n) => n.text.startsWith('Landkreis Lörrach'));
      expect(areas?.lang).to.equal('de');
      expect(textLanguages(el).find((n) => n.text === 'Skilled-worker alliances')?.lang).to.equal('en');

      const de = await profile(HEILBRONN);
      expect($$(de, '.root [lang]')).to.have.length(0);
    });
  });

  describe('keyboard and selection', () => {
    it('opens a profile and returns to the list by keyboard alone, with focus following', async () => {
      const el = await list();
      $(el, '#fk-q').focus();
      await sendKeys({ type: 'südwest' });
      await el.updateComplete;
      expect($$(el, '[part~="item"]')).to.have.length(1);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(deepActive()?.getAttribute('part')).to.equal('item-button');
      // The focus ring is visible on the button.
      expect(getComputedStyle(deepActive()!).outlineStyle).to.equal('solid');
      await sendKeys({ press: 'Enter' });
      await waitFor(el, '[part~="profile"]');
      await el.updateComplete;
      expect(deepActive()?.id).to.equal('fk-profile-title');
      await expect(el).to.be.accessible();
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(deepActive()?.getAttribute('part')).to.equal('back-button');
      await sendKeys({ press: 'Enter' });
      await waitFor(el, LIST);
      await el.updateComplete;
      expect(deepActive()?.textContent).to.equal('Fachkräfteallianz Südwest');
    });

    it('dispatches fk-select, and stays on the list when the page cancels it', async () => {
      const el = await list();
      setTimeout(() => ($$(el, '[part~="item-button"]')[0]!).click());
      const event = (await oneEvent(el, 'fk-select')) as FkSelectEvent;
      expect(event.detail.type).to.equal('alliance');
      await waitFor(el, '[part~="profile"]');

      const el2 = await list();
      el2.addEventListener('fk-select', (e) => e.preventDefault());
      ($$(el2, '[part~="item-button"]')[0]!).click();
      await el2.updateComplete;
      await aTimeout(50);
      expect($$(el2, '[part~="profile"]')).to.have.length(0);
    });
  });

  describe('history', () => {
    afterEach(() => history.replaceState(null, '', location.pathname + location.search));

    it('restores the alliance from the hash, and goes back to the list on history.back()', async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#fk-state=DE-BW`);
      const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory history api=${`${API}/v1`}></fk-alliance-directory>`);
      await waitFor(el, LIST);
      expect($$(el, '[part~="item"]')).to.have.length(5);
      expect(($(el, '#fk-state') as HTMLSelectElement).value).to.equal('DE-BW');
      $$(el, '[part~="item-button"]').find((b) => b.textContent === 'Fachkräfteallianz Südwest')!.click();
      await waitFor(el, '[part~="profile"]');
      expect(location.hash).to.contain(`fk-alliance=${SUEDWEST}`);
      history.back();
      await waitFor(el, LIST);
      expect(location.hash).to.equal('#fk-state=DE-BW');
    });

    it('changes only its own keys of the hash and keeps anchors and other widgets\' keys', () => {
      const state = { alliance: SUEDWEST, q: 'lö rrach', state: '', kind: 'regional' };
      expect(hashWith('#kontakt&fk-cal-month=2026-10&fk-state=DE-NI', state)).to.equal(
        `#kontakt&fk-cal-month=2026-10&fk-alliance=${SUEDWEST}&fk-q=l%C3%B6+rrach&fk-kind=regional`,
      );
      expect(hashWith('#kontakt&fk-alliance=x&fk-q=y', { alliance: null, q: '', state: '', kind: '' })).to.equal('#kontakt');
      expect(hashWith('', { alliance: null, q: '', state: '', kind: '' })).to.equal('');
    });

    /** The parts of the URL hash, sorted: who writes first decides the order, not the content. */
    const hashParts = () => location.hash.slice(1).split('&').sort();

    it('shares the hash with a calendar that also has history: each keeps the other\'s keys', async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#anker&fk-cal-month=2016-11&fk-state=DE-BW`);
      const wrapper = await fixture(html`<div>
        <fk-alliance-directory history api=${`${API}/v1`}></fk-alliance-directory>
        <fk-event-calendar history api=${`${API}/v1`}></fk-event-calendar>
      </div>`);
      const dir = wrapper.querySelector('fk-alliance-directory')!;
      const cal = wrapper.querySelector('fk-event-calendar')!;
      await waitFor(dir, LIST);
      await waitUntil(() => cal.shadowRoot?.querySelector('#fk-cal-month')?.textContent === 'November 2016', 'calendar restores its month');
      expect($$(dir, '[part~="item"]')).to.have.length(5);

      // The directory opens a profile: the calendar's month and the page's anchor stay.
      $$(dir, '[part~="item-button"]').find((b) => b.textContent === 'Fachkräfteallianz Südwest')!.click();
      await waitFor(dir, '[part~="profile"]');
      expect(hashParts()).to.deep.equal(['anker', `fk-alliance=${SUEDWEST}`, 'fk-cal-month=2016-11', 'fk-state=DE-BW']);

      // The calendar moves on a month: the directory's alliance and filter stay.
      $(cal, '[aria-label="Nächster Monat"]').click();
      await waitUntil(() => location.hash.includes('fk-cal-month=2016-12'), 'calendar writes its month');
      expect(location.hash).to.contain(`fk-alliance=${SUEDWEST}`).and.to.contain('fk-state=DE-BW').and.to.contain('anker');

      // Back twice: first the calendar's month returns, then the directory's list; neither loses the other.
      history.back();
      await waitUntil(() => $(cal, '#fk-cal-month').textContent === 'November 2016', 'back restores November');
      expect($$(dir, '[part~="profile"]')).to.have.length(1);
      history.back();
      await waitFor(dir, LIST);
      expect(hashParts()).to.deep.equal(['anker', 'fk-cal-month=2016-11', 'fk-state=DE-BW']);
      expect($(cal, '#fk-cal-month').textContent).to.equal('November 2016');
    });
  });

  describe('hostile data', () => {
    it('renders markup and script in every text field as text', async () => {
      (window as { __xss?: number }).__xss = undefined;
      const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory json-ld api=${`${FAULTY}/xss/v1`}></fk-alliance-directory>`);
      await waitFor(el, LIST);
      expect(text(el)).to.contain('<script>window.__xss=1</script>');
      $(el, '[part~="item-button"]').click();
      await waitFor(el, '[part~="profile"]');
      await el.updateComplete;
      await aTimeout(100);
      expect(root(el).querySelectorAll('img, script, iframe')).to.have.length(0);
      expect((window as { __xss?: number }).__xss).to.equal(undefined);
      for (const a of $$(el, 'a')) expect((a as HTMLAnchorElement).protocol).to.match(/^(https?|mailto|tel):$/);
      // The JSON-LD block cannot be closed early by a "</script>" in the data.
      const ld = el.querySelector('script[type="application/ld+json"]')!;
      expect(ld.textContent).to.not.contain('</script>');
      expect(JSON.parse(ld.textContent!).name).to.contain('</script>');
    });

    it('never links a javascript: website (the SDK rejects it; nothing runs)', async () => {
      (window as { __xss?: number }).__xss = undefined;
      const el = await fixture<FkAllianceDirectory>(html`<fk-alliance-directory api=${`${FAULTY}/xss-js/v1`}></fk-alliance-directory>`);
      await waitFor(el, '[part~="error"]');
      expect($$(el, 'a[href^="javascript"]')).to.have.length(0);
      expect((window as { __xss?: number }).__xss).to.equal(undefined);
    });
  });

  describe('unsafe URLs reaching the renderer', () => {
    // The SDK rejects a javascript: URL before a widget sees it; this subclass hands such data to
    // the renderer directly, to prove the rendering alone is safe.
    const site = 'javascript:window.__xss=1';
    class Unsafe extends (customElements.get('fk-alliance-directory') as typeof FkAllianceDirectory) {
      protected override async loadProfile() {
        const alliance: Alliance = {
          slug: 'unsafe', name: 'Unsichere Allianz', kind: 'network', state: 'DE-BW', areas: [], founded: '2013',
          description: null, website: site, coordinator: null, patrons: [], contacts: [], representatives: [], focusAreas: [],
          projectGroups: [], statedMemberCount: null, memberCount: 1, parent: null, membershipFee: null, fictitious: true,
        };
        const member: Member = {
          id: 'unsafe-org', name: 'Unsichere Organisation', aliases: [], type: 'sonstige', address: null,
          position: null, website: 'JaVaScRiPt:window.__xss=1', fictitious: true, membership: { role: 'member', since: null },
        };
        return { alliance, members: [member] };
      }
    }
    customElements.define('fk-test-unsafe-directory', Unsafe);

    it('shows a javascript: website as plain text, never as a link', async () => {
      const el = await fixture<FkAllianceDirectory>(html`<fk-test-unsafe-directory api=${`${API}/v1`} alliance="unsafe"></fk-test-unsafe-directory>`);
      await waitFor(el, '[part~="profile"]');
      expect(text(el)).to.contain(site);
      expect(text(el)).to.contain('JaVaScRiPt:window.__xss=1');
      expect($$(el, 'a')).to.have.length(0);
    });
  });

  describe('long lists', () => {
    it('renders 5,000 members in windows, searches them at once, and shows more on request', async () => {
      const el = await profile('volumen-allianz', `${FAULTY}/volume/v1`);
      expect($$(el, '[part~="member"]')).to.have.length(50);
      expect($(el, '.members [part~="count"]').textContent).to.equal('5.000 Mitglieder');
      typeInto($(el, '#fk-mq') as HTMLInputElement, 'weil am rhein');
      await el.updateComplete;
      expect($(el, '.members [part~="count"]').textContent).to.equal('833 von 5.000 Mitgliedern');
      expect($$(el, '[part~="member"]')).to.have.length(50);
      $(el, '[part~="show-more"]').click();
      await el.updateComplete;
      expect($$(el, '[part~="member"]')).to.have.length(100);
      expect(deepActive()?.getAttribute('data-row')).to.equal('50');
    });
  });

  describe('host page', () => {
    it('renders no inline style attributes', async () => {
      const el = await profile();
      expect(root(el).querySelectorAll('[style]')).to.have.length(0);
    });

    it('runs under a strict CSP with zero violations', async () => {
      const frame = await fixture<HTMLIFrameElement>(html`<iframe src="/__fixtures/csp.html" title="CSP"></iframe>`);
      const win = () => frame.contentWindow as (Window & { __violations?: string[]; __errors?: string[] }) | null;
      await waitUntil(() => win()?.document.querySelector('fk-alliance-directory')?.shadowRoot?.querySelector(LIST), 'CSP page list', { timeout: 15_000 });
      const inner = win()!.document.querySelector('fk-alliance-directory')!;
      (inner.shadowRoot!.querySelector('[part~="item-button"]') as HTMLElement).click();
      await waitUntil(() => inner.shadowRoot!.querySelector('[part~="profile"]'), 'CSP page profile', { timeout: 15_000 });
      await aTimeout(100);
      expect(win()!.__violations).to.deep.equal([]);
      expect(win()!.__errors).to.deep.equal([]);
    });

    it('survives two copies of the bundle on one page: no error, one warning', async () => {
      const frame = await fixture<HTMLIFrameElement>(html`<iframe src="/__fixtures/two-copies.html" title="Two copies"></iframe>`);
      const win = () => frame.contentWindow as (Window & { __warnings?: string[]; __errors?: string[] }) | null;
      await waitUntil(() => win()?.document.querySelector('fk-alliance-directory')?.shadowRoot?.querySelector(LIST), 'two-copies list', { timeout: 15_000 });
      // Module scripts run before the document completes: by then both copies have run.
      await waitUntil(() => frame.contentDocument?.readyState === 'complete', 'two-copies page complete', { timeout: 15_000 });
      expect(win()!.__errors).to.deep.equal([]);
      expect(win()!.__warnings!.filter((w) => w.includes('already defined')), JSON.stringify(win()!.__warnings)).to.have.length(1);
    });

    it('keeps its layout on a hostile page (reset, 10px root, content-box, transform, z-index 1000)', async () => {
      const style = document.createElement('style');
      style.textContent = `html { font-size: 10px !important; } * { box-sizing: content-box !important; margin: 0; padding: 0; border: 0; line-height: 0.8; letter-spacing: 0.3em; text-transform: uppercase; }
        .hostile { transform: translateX(0) rotate(0.001deg); font-size: 16px; }
        .overlay { position: relative; z-index: 1000; height: 10px; }`;
      document.head.append(style);
      try {
        const wrapper = await fixture(html`<div class="hostile"><div class="overlay"></div><fk-alliance-directory api=${`${API}/v1`}></fk-alliance-directory></div>`);
        const el = wrapper.querySelector('fk-alliance-directory')!;
        await waitFor(el, LIST);
        const input = $(el, '#fk-q');
        const box = input.getBoundingClientRect();
        expect(box.height).to.be.at.least(44);
        expect(box.right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
        expect(getComputedStyle($(el, '.card')).boxSizing).to.equal('border-box');
        expect(getComputedStyle($(el, '.card-title')).textTransform).to.equal('none');
        expect(parseFloat(getComputedStyle($(el, '.root')).fontSize)).to.equal(16);
        // Nothing of the page lies over the widget's controls.
        const button = $(el, '[part~="item-button"]');
        const r = button.getBoundingClientRect();
        button.scrollIntoView();
        const r2 = button.getBoundingClientRect();
        const hit = el.shadowRoot!.elementFromPoint(r2.left + 2, r2.top + r2.height / 2);
        expect(hit === button || button.contains(hit), `hit ${hit?.outerHTML.slice(0, 60)} at ${r.top}`).to.equal(true);
        await expect(el).to.be.accessible();
      } finally {
        style.remove();
      }
    });
  });
});
