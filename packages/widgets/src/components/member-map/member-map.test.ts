import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ORGANISATION_TYPES, type Member } from '@fachkraefte/schema';
import { API, FAULTY } from 'fk-test-env';
import { MAPDATA, TILES } from 'fk-map-env';
import type { FkErrorEvent } from '../../events/fk-error.js';
import type { FkSelectEvent } from '../../events/fk-select.js';
import { $, $$, deepActive, root, text, unique, waitFor } from '../../../test/helpers.js';
import { sendKeys } from '../../../test/commands.js';
import './member-map.js';
import FkMemberMap from './member-map.component.js';

const SUEDWEST = 'fachkraefteallianz-suedwest';
const MARKS = '[part~="marker"], [part~="cluster"]';
const SAME_ORIGIN_TILES = '/__map/tiles/{z}/{x}/{y}.png';

type ProbeWindow = Window & { __violations: string[]; __errors: string[]; __origins(): string[]; __resources(): string[] };

async function planeMap(api = `${API}/v1`, alliance = SUEDWEST, extra = ''): Promise<FkMemberMap> {
  const wrapper = await fixture(html`<div></div>`);
  // Built from a string so every test can add attributes (lang, tiles …) without a template each.
  wrapper.innerHTML = `<fk-member-map api="${api}" alliance="${alliance}" tiles="none" ${extra}></fk-member-map>`;
  const el = wrapper.firstElementChild as FkMemberMap;
  await waitFor(el, MARKS);
  await el.updateComplete;
  return el;
}

async function tileLog(reset = false): Promise<{ path: string; referer: string | null }[]> {
  return (await fetch(reset ? '/__map/tile-log/reset' : '/__map/tile-log')).json();
}

/** The marker or cluster buttons, in Tab order. */
const marks = (el: Element) => $$(el, MARKS);
const clusterCounts = (el: Element) => $$(el, '[part~="cluster"]').map((c) => Number(c.textContent));

async function iframe(src: string): Promise<{ frame: HTMLIFrameElement; win: () => ProbeWindow; map: () => Element | null }> {
  const frame = await fixture<HTMLIFrameElement>(html`<iframe src=${src} title="Karte" width="1000" height="700"></iframe>`);
  const win = () => frame.contentWindow as ProbeWindow;
  const map = () => frame.contentDocument?.querySelector('fk-member-map') ?? null;
  return { frame, win, map };
}


/** One member of every organisation type, side by side: the whole legend through the data seam. */
class AllTypesMap extends FkMemberMap {
  protected override loadMembers(): Promise<Member[]> {
    return Promise.resolve(
      ORGANISATION_TYPES.map((type, i) => ({
        id: `typ-${i}`, name: `Organisation ${type}`, aliases: [], type, fictitious: true,
        address: { streetAddress: null, postalCode: null, locality: 'Lörrach', countryCode: 'DE' },
        position: { lat: 47.6 + (i % 6) * 0.4, lon: 7.6 + Math.floor(i / 6) * 0.8 }, website: null,
        membership: { role: 'member', since: null },
      })) as Member[],
    );
  }
}
customElements.define('fk-test-all-types-map', AllTypesMap);

/** WCAG relative luminance of `#rrggbb` or `rgb(r, g, b)`. */
function luminance(colour: string): number {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour.trim());
  const parts = hex ? [0, 2, 4].map((i) => parseInt(hex[1]!.slice(i, i + 2), 16)) : (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  const [r, g, b] = parts.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

/** Dispatches a pointer event on the map surface, as a finger would. */
function pointer(target: Element, type: string, id: number, x: number, y: number): void {
  target.dispatchEvent(new PointerEvent(type, { pointerId: id, clientX: x, clientY: y, bubbles: true, composed: true, pointerType: 'touch', isPrimary: id === 1 }));
}

/** Where each marker or cluster is drawn, by key. */
const positions = (el: Element) => marks(el).map((m) => `${m.dataset.k}@${m.style.transform}`).sort();

describe('<fk-member-map>', () => {
  it('passes axe in the tile-free mode with the members of the reference server', async () => {
    const el = await planeMap();
    await expect(el).to.be.accessible();
    expect($(el, '[part~="count"]').textContent).to.equal('26 Mitglieder');
    expect($$(el, '[part~="list-item"]')).to.have.length(26);
  });

  describe('orientation without tiles', () => {
    it('draws the 16 Länder behind the markers, where the members are, credits the data, and asks no other host', async () => {
      const el = await planeMap();
      await waitUntil(() => $$(el, '[part~="outline"] path').length === 16, 'Länder outlines', { timeout: 15_000 });
      const paths = $$(el, '[part~="outline"] path');
      // The outlines are a chunk from the widget's own folder: no request leaves the page's hosts.
      const hosts = new Set(performance.getEntriesByType('resource').map((r) => new URL(r.name).hostname));
      expect([...hosts].filter((h) => h !== 'localhost' && h !== '127.0.0.1' && h !== '[::1]')).to.deep.equal([]);
      expect(paths.map((p) => p.dataset.land)).to.include.members(['Baden-Württemberg', 'Bayern', 'Niedersachsen', 'Thüringen']);
      expect($(el, '[part~="outline"]').getAttribute('aria-hidden')).to.equal('true');
      expect($(el, '[part~="attribution"]').textContent).to.equal('Ländergrenzen: © GeoBasis-DE / BKG (2017)');
      // The outlines share the markers' projection: Lörrach's members lie inside Baden-Württemberg.
      const bw = paths.find((p) => p.dataset.land === 'Baden-Württemberg') as unknown as SVGPathElement;
      const surface = $(el, '[part~="surface"]').getBoundingClientRect();
      const inside = (button: HTMLElement) => {
        const r = button.getBoundingClientRect();
        const m = bw.getScreenCTM()!.inverse();
        const p = new DOMPoint(r.x + r.width / 2, r.y + r.height / 2).matrixTransform(m);
        return bw.isPointInFill(p);
      };
      const marks = $$(el, MARKS).filter((b) => {
        const r = b.getBoundingClientRect();
        return r.top > surface.top && r.bottom < surface.bottom;
      });
      expect(marks.length).to.be.greaterThan(2);
      expect(marks.every(inside), 'every Südwest marker inside Baden-Württemberg').to.equal(true);
      const bavaria = paths.find((p) => p.dataset.land === 'Bayern') as unknown as SVGPathElement;
      const m = bavaria.getScreenCTM()!.inverse();
      const r = marks[0]!.getBoundingClientRect();
      expect(bavaria.isPointInFill(new DOMPoint(r.x + r.width / 2, r.y + r.height / 2).matrixTransform(m))).to.equal(false);
      // Zooming moves the outlines with the markers.
      const before = bw.getBoundingClientRect().width;
      $$(el, '[part~="controls"] button')[1]!.click();
      await waitUntil(() => bw.getBoundingClientRect().width < before * 0.6, 'outlines follow the zoom');
      expect(marks.length && $$(el, MARKS).every((b) => b.isConnected)).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('credits the outlines in English too', async () => {
      const el = await planeMap(`${API}/v1`, SUEDWEST, 'lang="en"');
      expect($(el, '[part~="attribution"]').textContent).to.equal('State borders: © GeoBasis-DE / BKG (2017)');
    });
  });

  describe('page speed', () => {
    it('loads and lays out nothing while far below the viewport, and does so when scrolled near', async () => {
      const wrapper = await fixture(html`<div><div style="height: 5000px"></div>
        <fk-member-map api=${`${API}/v1`} alliance="fachkraefteallianz-suedwest" tiles="none"></fk-member-map></div>`);
      const el = wrapper.querySelector('fk-member-map')!;
      await el.updateComplete;
      await aTimeout(500);
      expect($$(el, MARKS)).to.have.length(0);
      expect($$(el, '[part~="list-item"]')).to.have.length(0);
      // Meanwhile it shows its loading state: the map's box is there, not a collapsed element.
      expect($(el, '[part~="map"]').getBoundingClientRect().height).to.be.above(300);
      el.scrollIntoView();
      await waitFor(el, MARKS);
      await expect(el).to.be.accessible();
      window.scrollTo(0, 0);
    });
  });

  describe('privacy', () => {
    it('asks before loading third-party tiles: the list works, no request to any host but the API', async () => {
      await tileLog(true);
      const { win, map } = await iframe(`/__map/privacy.html?api=${encodeURIComponent(API)}`);
      await waitUntil(() => map()?.shadowRoot?.querySelector('[part~="list-item"]'), 'list before consent', { timeout: 15_000 });
      const el = map()!;
      const consent = el.shadowRoot!.querySelector('[part~="consent"]')!;
      expect(consent.textContent).to.contain(new URL(TILES).host);
      expect(consent.textContent).to.contain('IP-Adresse');
      expect(el.shadowRoot!.querySelector('[part~="consent-button"]')!.textContent).to.equal('Karte laden');
      await aTimeout(300);
      const self = new URL(location.href).origin;
      expect(win().__origins()).to.deep.equal([API, self].sort());
      expect(win().__resources().some((r) => r.includes('leaflet-view'))).to.equal(false);
      expect(await tileLog()).to.deep.equal([]);
      // Without JavaScript the light DOM list shows; with it, the widget's own list replaces it.
      expect(el.shadowRoot!.querySelector('slot')).to.equal(null);

      (el.shadowRoot!.querySelector('[part~="consent-button"]') as HTMLElement).click();
      await waitUntil(() => el.shadowRoot!.querySelectorAll('img.leaflet-tile-loaded').length > 0, 'tiles after consent', { timeout: 15_000 });
      await waitUntil(() => el.shadowRoot!.querySelector(MARKS), 'markers on tiles');
      expect(win().__origins()).to.deep.equal([API, self, TILES].sort());
      expect(win().__resources().some((r) => r.includes('leaflet-view'))).to.equal(true);
      const log = await tileLog();
      expect(log.length).to.be.greaterThan(0);
      expect(log.every((r) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(r.path))).to.equal(true);
      // The tile host learns the IP address, not the page: no Referer.
      expect(log.every((r) => r.referer === null)).to.equal(true);
      expect(el.shadowRoot!.querySelector('[part~="attribution"]')!.textContent).to.equal('© Test-Kacheln');
      // Focus moved from the vanished button to the map.
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('surface');
      expect(win().__errors).to.deep.equal([]);
    });

    it('runs with tiles under a strict CSP with zero violations (Leaflet CSS in the shadow root)', async () => {
      const { win, map } = await iframe(`/__map/csp.html?api=${encodeURIComponent(API)}`);
      await waitUntil(() => map()?.shadowRoot?.querySelector('[part~="consent-button"]'), 'consent on CSP page', { timeout: 15_000 });
      const el = map()!;
      (el.shadowRoot!.querySelector('[part~="consent-button"]') as HTMLElement).click();
      await waitUntil(() => el.shadowRoot!.querySelectorAll('img.leaflet-tile-loaded').length > 0, 'tiles on CSP page', { timeout: 15_000 });
      const tile = el.shadowRoot!.querySelector('img.leaflet-tile')!;
      // leaflet.css is applied inside the shadow root (tiles absolutely positioned), none in the page.
      expect(getComputedStyle(tile).position).to.equal('absolute');
      expect(win().document.querySelectorAll('link[rel="stylesheet"], style')).to.have.length(0);
      // Zoom and pan (tiles are cancelled and replaced), open a popup: the whole flow.
      const [zoomIn, zoomOut] = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.ctl')];
      const surface = el.shadowRoot!.querySelector('[part~="surface"]') as HTMLElement;
      zoomIn!.click();
      for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) surface.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      zoomOut!.click();
      await aTimeout(300);
      await waitUntil(() => el.shadowRoot!.querySelector(MARKS), 'markers after zoom');
      (el.shadowRoot!.querySelector(MARKS) as HTMLElement).click();
      await waitUntil(() => el.shadowRoot!.querySelector('dialog[open]'), 'popup on CSP page');
      expect(win().document.activeElement === el, 'focus in the widget').to.equal(true);
      await aTimeout(300);
      expect(win().__violations).to.deep.equal([]);
      expect(win().__errors).to.deep.equal([]);
    });

    it('names basemap.de as the default tile host, and loads nothing from it before consent', async () => {
      const el = await fixture<FkMemberMap>(html`<fk-member-map api=${`${API}/v1`} alliance=${SUEDWEST}></fk-member-map>`);
      const consent = await waitFor(el, '[part~="consent"]');
      expect(consent.textContent).to.contain('sgx.geodatenzentrum.de');
      expect(consent.textContent).to.contain('Ihre Wahl gilt für diesen Seitenaufruf.');
      await waitFor(el, '[part~="list-item"]');
      expect(performance.getEntriesByType('resource').some((r) => r.name.includes('geodatenzentrum'))).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('loads self-hosted tiles (same origin) at once, without asking', async () => {
      const el = await fixture<FkMemberMap>(
        html`<fk-member-map api=${`${API}/v1`} alliance=${SUEDWEST} tiles=${SAME_ORIGIN_TILES} tiles-attribution="© Eigene Kacheln"></fk-member-map>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelectorAll('img.leaflet-tile-loaded').length > 0, 'own tiles', { timeout: 15_000 });
      expect($$(el, '[part~="consent"]')).to.have.length(0);
      expect($(el, '[part~="attribution"]').textContent).to.equal('© Eigene Kacheln');
      await waitFor(el, MARKS);
      await expect(el).to.be.accessible();
    });

    it('remembers consent only when remember-consent allows it, and for the page view otherwise', async () => {
      // localhost and 127.0.0.1 are two origins of the one tile server: two "hosts" for this test.
      const port = new URL(TILES).port;
      const template = `http://localhost:${port}/tiles/{z}/{x}/{y}.png`;
      sessionStorage.clear();
      const a = await fixture<FkMemberMap>(html`<fk-member-map api=${`${API}/v1`} alliance=${SUEDWEST} tiles=${template}></fk-member-map>`);
      (await waitFor(a, '[part~="consent-button"]')).click();
      await waitFor(a, '[part~="surface"]');
      expect(sessionStorage.length).to.equal(0);
      // A second map on the same page view needs no second click.
      const b = await fixture<FkMemberMap>(html`<fk-member-map api=${`${API}/v1`} alliance=${SUEDWEST} tiles=${template}></fk-member-map>`);
      await waitFor(b, '[part~="surface"]');

      const other = `http://localhost:${port}/other/{z}/{x}/{y}.png`;
      const c = await fixture<FkMemberMap>(
        html`<fk-member-map api=${`${API}/v1`} alliance=${SUEDWEST} tiles=${other.replace('localhost', '[::1]')} remember-consent="session"></fk-member-map>`,
      );
      // The third map stands below the other two: it starts when it comes near the viewport.
      c.scrollIntoView();
      const consent = await waitFor(c, '[part~="consent"]');
      expect(consent.textContent).to.contain('Ihre Wahl wird in diesem Browser gespeichert.');
      $(c, '[part~="consent-button"]').click();
      expect(sessionStorage.getItem(`fk-map-consent:http://[::1]:${port}`)).to.equal('1');
      sessionStorage.clear();
    });
  });

  describe('clusters', () => {
    it('clusters nearby markers with a name saying how many, and splits them when activated', async () => {
      const el = await planeMap(`${MAPDATA}/many/v1`, 'viele');
      expect($(el, '[part~="count"]').textContent).to.equal('600 Mitglieder');
      const clusters = $$(el, '[part~="cluster"]');
      expect(clusters.length).to.be.greaterThan(0);
      const total = clusterCounts(el).reduce((a, b) => a + b, 0) + $$(el, '[part~="marker"]').length;
      expect(total).to.equal(600);
      const big = clusters.sort((a, b) => Number(b.textContent) - Number(a.textContent))[0]!;
      expect(big.getAttribute('aria-label')).to.equal(`${big.textContent} Mitglieder`);
      // Read now: marker buttons are reused by position, so after the zoom this node may show another cluster.
      const bigCount = Number(big.textContent);
      const before = marks(el).length;
      big.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await el.updateComplete;
      // Focus lands on what the cluster split into, not on the page body.
      const active = deepActive() as HTMLElement;
      expect(active.matches(MARKS)).to.equal(true);
      expect(marks(el).length).to.not.equal(before);
      expect($$(el, '[part~="cluster"]').every((c) => Number(c.textContent) < bigCount)).to.equal(true);
      await expect(el).to.be.accessible();
      // Zooming out merges them again.
      ($$(el, '.ctl')[2] as HTMLElement).click();
      await el.updateComplete;
      expect(clusterCounts(el).reduce((a, b) => a + b, 0) + $$(el, '[part~="marker"]').length).to.equal(600);
    });

    it('opens members sharing one spot as a list, since their cluster can never split', async () => {
      const el = await planeMap();
      // The seed data places members at their town's centre: Lörrach holds several.
      const loerrach = $$(el, '[part~="cluster"]').sort((a, b) => Number(b.textContent) - Number(a.textContent))[0]!;
      let n = Number(loerrach.textContent);
      loerrach.click();
      await el.updateComplete;
      // Clusters of one town may first split by zoom; follow until the popup opens.
      for (let i = 0; i < 20 && !$(el, 'dialog').hasAttribute('open'); i++) {
        const next = $$(el, '[part~="cluster"]').sort((a, b) => Number(b.textContent) - Number(a.textContent))[0];
        if (!next) break;
        n = Number(next.textContent);
        next.click();
        await el.updateComplete;
      }
      const dialog = $(el, 'dialog') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      expect($(el, '#fk-pop-title').textContent).to.equal(`${n} Mitglieder an diesem Ort`);
      const choices = dialog.querySelectorAll('.group button');
      expect(choices).to.have.length(n);
      await expect(el).to.be.accessible();
      (choices[0] as HTMLElement).click();
      await el.updateComplete;
      expect(dialog.querySelector('dl')!.textContent).to.contain('Art');
      expect(deepActive()?.id).to.equal('fk-pop-title');
    });
  });

  describe('keyboard', () => {
    it('pans and zooms by keyboard, steps through markers, and moves focus into the popup and back', async () => {
      const el = await planeMap();
      const surface = $(el, '[part~="surface"]');
      surface.focus();
      const first = marks(el)[0]!;
      const x0 = first.getBoundingClientRect().left;
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(first.getBoundingClientRect().left).to.be.closeTo(x0 - 96, 2);
      const countBefore = marks(el).length;
      await sendKeys({ press: '+' });
      await el.updateComplete;
      await sendKeys({ press: '-' });
      await el.updateComplete;
      expect(marks(el).length).to.equal(countBefore);

      // Tab: the zoom buttons, then the markers in reading order.
      await sendKeys({ press: 'Tab' });
      expect(deepActive()?.getAttribute('aria-label')).to.equal('Vergrößern');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      const firstMark = deepActive() as HTMLElement;
      expect(firstMark.matches(MARKS)).to.equal(true);
      expect(getComputedStyle(firstMark).outlineStyle).to.equal('solid');
      await sendKeys({ press: 'ArrowRight' });
      expect(deepActive() === marks(el)[1], 'next marker').to.equal(true);
      await sendKeys({ press: 'ArrowLeft' });
      expect(deepActive() === firstMark, 'previous marker').to.equal(true);

      // Find a single marker (not a cluster) by zooming in on the first cluster if needed.
      let marker = $$(el, '[part~="marker"]')[0];
      for (let i = 0; !marker && i < 6; i++) {
        $$(el, '[part~="cluster"]')[0]!.click();
        await el.updateComplete;
        marker = $$(el, '[part~="marker"]')[0];
      }
      expect(marker, 'a single marker').to.exist;
      expect(marker!.getAttribute('aria-label')).to.match(/, .+, /);
      marker!.focus();
      const key = marker!.dataset.k;
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(($(el, 'dialog') as HTMLDialogElement).open).to.equal(true);
      expect(deepActive()?.id).to.equal('fk-pop-title');
      expect(marker!.getAttribute('aria-label')).to.contain($(el, '#fk-pop-title').textContent!);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(($(el, 'dialog') as HTMLDialogElement).open).to.equal(false);
      expect((deepActive() as HTMLElement | null)?.dataset.k).to.equal(key);
    });
  });

  describe('list and map', () => {
    it('choosing in the list highlights the marker and centres it; choosing a marker highlights the row', async () => {
      const el = await planeMap(`${MAPDATA}/many/v1`, 'viele');
      const row = $$(el, '[part~="list-item"]')[7]!;
      const id = row.closest('li')!.dataset.id!;
      row.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await el.updateComplete;
      expect(row.getAttribute('aria-current')).to.equal('true');
      const current = $$(el, '.marks [aria-current="true"]');
      expect(current).to.have.length(1);
      expect(current[0]!.dataset.k).to.equal(`p${id}`);
      const s = $(el, '[part~="surface"]').getBoundingClientRect();
      const m = current[0]!.getBoundingClientRect();
      expect(m.left + m.width / 2).to.be.closeTo(s.left + s.width / 2, 2);
      expect(m.top + m.height / 2).to.be.closeTo(s.top + s.height / 2, 2);
      expect(deepActive() === row, 'focus stays in the list').to.equal(true);

      // The reverse: a marker opens its details and marks its row, dispatching fk-select.
      const other = $$(el, '[part~="marker"]').find((b) => b.dataset.k !== `p${id}`)!;
      setTimeout(() => other.click());
      const event = (await oneEvent(el, 'fk-select')) as FkSelectEvent;
      expect(event.detail.type).to.equal('organisation');
      await el.updateComplete;
      const otherId = other.dataset.k!.slice(1);
      expect(event.detail).to.include({ id: otherId, alliance: 'viele' });
      const li = $(el, `li[data-id="${otherId}"]`);
      expect(li.classList.contains('sel')).to.equal(true);
      // The row is scrolled into the list's view.
      const rows = $(el, '.rows').getBoundingClientRect();
      const r = li.getBoundingClientRect();
      expect(r.top >= rows.top - 1 && r.bottom <= rows.bottom + 1).to.equal(true);
      ($(el, '[part~="close-button"]')).click();
    });

    it('filters by type through the legend, in list and map alike', async () => {
      const el = await planeMap(`${MAPDATA}/many/v1`, 'viele');
      const boxes = $$(el, '[part~="legend"] input') as HTMLInputElement[];
      expect(boxes).to.have.length(10);
      boxes[0]!.click();
      await el.updateComplete;
      expect($(el, '[part~="count"]').textContent).to.equal('540 von 600 Mitgliedern');
      expect(clusterCounts(el).reduce((a, b) => a + b, 0) + $$(el, '[part~="marker"]').length).to.equal(540);
      expect($$(el, '[part~="marker"]').some((m) => m.getAttribute('aria-label')!.includes('Landkreis'))).to.equal(false);
      expect($(el, '[part~="legend"] summary').textContent).to.equal('Arten filtern (1 von 10 ausgeblendet)');
    });
  });


  describe('legend and markers', () => {
    it('is a compact disclosure on a phone, open on a wide container, and works by keyboard', async () => {
      const narrow = await fixture(html`<div style="width: 360px"></div>`);
      narrow.innerHTML = '<fk-test-all-types-map api="http://127.0.0.1:9/v1" alliance="alle" tiles="none"></fk-test-all-types-map>';
      const el = narrow.firstElementChild as FkMemberMap;
      await waitFor(el, MARKS);
      const details = $(el, '[part~="legend"]') as HTMLDetailsElement;
      expect(details.open).to.equal(false);
      const summary = $(el, '[part~="legend"] summary');
      expect(summary.textContent).to.equal('Arten filtern (18)');
      // The map starts right below the one-line legend, not 18 rows further down.
      expect($(el, '[part~="map"]').getBoundingClientRect().top - el.getBoundingClientRect().top).to.be.below(80);
      await expect(el).to.be.accessible();
      summary.focus();
      await sendKeys({ press: 'Enter' });
      expect(details.open).to.equal(true);
      const boxes = $$(el, '[part~="legend"] input');
      expect(boxes).to.have.length(18);
      boxes[3]!.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(summary.textContent).to.equal('Arten filtern (1 von 18 ausgeblendet)');
      await expect(el).to.be.accessible();

      const wide = await fixture(html`<div style="width: 1000px"></div>`);
      wide.innerHTML = '<fk-test-all-types-map api="http://127.0.0.1:9/v1" alliance="alle" tiles="none"></fk-test-all-types-map>';
      const w = wide.firstElementChild as FkMemberMap;
      // Below the first map and its open legend: it starts when it comes near the viewport.
      w.scrollIntoView();
      await waitFor(w, MARKS);
      expect(($(w, '[part~="legend"]') as HTMLDetailsElement).open).to.equal(true);
      // Several columns: 18 types take far fewer than 18 rows.
      const rows = new Set($$(w, '[part~="legend"] label').map((l) => Math.round(l.getBoundingClientRect().top)));
      expect(rows.size).to.be.at.most(6);
    });

    it('keeps every legend label inside its column and the widget, "Arbeitgeber-/Branchenverband" too (792 px: the demo page at 1280)', async () => {
      for (const width of [792, 360]) {
        const wrapper = await fixture(html`<div style="width: ${width}px"></div>`);
        wrapper.innerHTML = '<fk-test-all-types-map api="http://127.0.0.1:9/v1" alliance="alle" tiles="none"></fk-test-all-types-map>';
        const el = wrapper.firstElementChild as FkMemberMap;
        await waitFor(el, MARKS);
        const details = $(el, '[part~="legend"]') as HTMLDetailsElement;
        details.open = true;
        await el.updateComplete;
        const right = el.getBoundingClientRect().right;
        const labels = $$(el, '[part~="legend"] label');
        expect(labels.map((l) => l.textContent!.trim())).to.include('Arbeitgeber-/Branchenverband (1)');
        for (const l of labels) {
          expect(l.scrollWidth, `${l.textContent!.trim()} at ${width} px`).to.be.at.most(l.clientWidth + 1);
          expect(l.getBoundingClientRect().right, l.textContent!.trim()).to.be.at.most(right + 0.5);
        }
        await expect(el).to.be.accessible();
      }
    });

    it('gives every type its own shape and colour, each at 3:1 or more against its ring, in both themes', async () => {
      for (const theme of ['light', 'dark']) {
        const wrapper = await fixture(html`<div style="width: 1000px"></div>`);
        wrapper.innerHTML = `<fk-test-all-types-map api="http://127.0.0.1:9/v1" alliance="alle" tiles="none" theme="${theme}"></fk-test-all-types-map>`;
        const el = wrapper.firstElementChild as FkMemberMap;
        await waitFor(el, MARKS);
        const syms = $$(el, '[part~="legend"] .sym');
        expect(syms).to.have.length(18);
        const looks = syms.map((sym) => {
          const before = getComputedStyle(sym, '::before');
          return `${before.backgroundColor}|${before.clipPath}|${before.borderRadius}`;
        });
        expect(new Set(looks).size, looks.join('\n')).to.equal(18);
        const plane = getComputedStyle($(el, '[part~="surface"]')).backgroundColor;
        for (const sym of syms) {
          const fill = getComputedStyle(sym, '::before').backgroundColor;
          // The white ring around every marker sets it off from tiles and the plane alike.
          expect(contrast(fill, '#ffffff'), `${fill} against its ring`).to.be.at.least(3);
          // On the plane: the fill itself stands out (light), or the ring does (dark).
          const onPlane = Math.max(contrast(fill, plane), Math.min(contrast(fill, '#ffffff'), contrast('#ffffff', plane)));
          expect(onPlane, `${fill} on ${plane}`).to.be.at.least(3);
        }
        expect(getComputedStyle($(el, '[part~="marker"]')).filter).to.contain('drop-shadow');
        await expect(el).to.be.accessible();
      }
    });

    it('passes axe in the dark theme, with the popup open too', async () => {
      const el = await planeMap(`${API}/v1`, SUEDWEST, 'theme="dark"');
      expect(getComputedStyle($(el, '.root')).colorScheme).to.equal('dark');
      await expect(el).to.be.accessible();
      let marker = $$(el, '[part~="marker"]')[0];
      for (let i = 0; !marker && i < 8; i++) {
        $$(el, '[part~="cluster"]')[0]!.click();
        await el.updateComplete;
        marker = $$(el, '[part~="marker"]')[0];
      }
      marker!.click();
      await el.updateComplete;
      expect(($(el, 'dialog') as HTMLDialogElement).open).to.equal(true);
      await expect(el).to.be.accessible();
      $(el, '[part~="close-button"]').click();
    });

    it('marks German data as German inside an English widget', async () => {
      const el = await planeMap(`${API}/v1`, SUEDWEST, 'lang="en"');
      expect($(el, '[part~="legend"] summary').textContent).to.match(/^Filter by type \(\d+\)$/);
      const item = $$(el, '[part~="list-item"]')[0]!;
      const name = item.querySelector('[lang="de"]')!;
      expect(name.textContent).to.equal(item.textContent);
      const town = item.closest('li')!.querySelector('.muted [lang="de"]');
      expect(town?.textContent).to.match(/^[A-ZÄÖÜ]/);
      item.click();
      await el.updateComplete;
      const current = $$(el, '.marks [aria-current="true"]')[0]!;
      current.click();
      await el.updateComplete;
      if (!$(el, 'dialog').querySelector('dl')) ($(el, 'dialog .group button') as HTMLElement).click();
      await el.updateComplete;
      expect($(el, '#fk-pop-title').getAttribute('lang')).to.equal('de');
      expect($(el, 'dialog dt').textContent).to.equal('Type');
      await expect(el).to.be.accessible();
      $(el, '[part~="close-button"]').click();
    });
  });

  describe('touch', () => {
    it('drags with one finger and zooms with two in the tile-free mode, like the + button', async () => {
      const el = await planeMap(`${MAPDATA}/many/v1`, 'viele');
      const surface = $(el, '[part~="surface"]');
      const r = surface.getBoundingClientRect();
      const [cx, cy] = [r.left + r.width / 2, r.top + r.height / 2];
      const first = marks(el)[0]!;
      const x0 = first.getBoundingClientRect().left;
      pointer(surface, 'pointerdown', 1, cx, cy);
      pointer(surface, 'pointermove', 1, cx - 40, cy);
      pointer(surface, 'pointerup', 1, cx - 40, cy);
      await el.updateComplete;
      expect(marks(el)[0]!.getBoundingClientRect().left).to.be.closeTo(x0 - 40, 2);

      ($$(el, '.ctl')[2] as HTMLElement).click();
      await el.updateComplete;
      const start = positions(el);
      pointer(surface, 'pointerdown', 1, cx - 30, cy);
      pointer(surface, 'pointerdown', 2, cx + 30, cy);
      pointer(surface, 'pointermove', 1, cx - 60, cy);
      pointer(surface, 'pointermove', 2, cx + 60, cy);
      pointer(surface, 'pointerup', 1, cx - 60, cy);
      pointer(surface, 'pointerup', 2, cx + 60, cy);
      await el.updateComplete;
      const pinched = positions(el);
      expect(pinched).to.not.deep.equal(start);

      ($$(el, '.ctl')[2] as HTMLElement).click();
      await el.updateComplete;
      expect(positions(el)).to.deep.equal(start);
      ($$(el, '.ctl')[0] as HTMLElement).click();
      await el.updateComplete;
      expect(positions(el)).to.deep.equal(pinched);
      // The description read with the map names the touch gestures and the buttons.
      expect($(el, '#fk-keys').textContent).to.contain('zwei Fingern');
    });
  });

  describe('faults', () => {
    it('shows a server error in plain words with a retry button, and dispatches fk-error', async () => {
      const errors: FkErrorEvent[] = [];
      const el = await fixture<FkMemberMap>(html`<fk-member-map api=${`${FAULTY}/500/v1`} alliance=${SUEDWEST} tiles="none" @fk-error=${(e: FkErrorEvent) => errors.push(e)}></fk-member-map>`);
      const box = await waitFor(el, '[part~="error"]');
      expect(box.textContent).to.contain('(500)');
      expect(errors[0]!.detail).to.include({ code: 'http', status: 500 });
      await expect(el).to.be.accessible();
    });

    it('loads after a retry once the server recovers', async () => {
      const el = await fixture<FkMemberMap>(html`<fk-member-map api=${`${FAULTY}/recover/${unique()}/v1`} alliance=${SUEDWEST} tiles="none"></fk-member-map>`);
      (await waitFor(el, '[part~="retry-button"]')).click();
      await waitFor(el, MARKS);
      expect($$(el, '[part~="list-item"]')).to.have.length(26);
    });

    it('keeps the map when a refresh fails, with a notice', async () => {
      const el = await planeMap(`${FAULTY}/flip/${unique()}/v1`);
      await el.refresh();
      await waitFor(el, '[part~="stale-notice"]');
      expect(marks(el).length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it('reports malformed data, a missing alliance and a bad tiles value readably', async () => {
      const el = await fixture<FkMemberMap>(html`<fk-member-map api=${`${FAULTY}/malformed/v1`} alliance=${SUEDWEST} tiles="none"></fk-member-map>`);
      expect((await waitFor(el, '[part~="error"]')).textContent).to.contain('unerwartete Daten');
      const warn = console.warn;
      const warnings: string[] = [];
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        const a = await fixture<FkMemberMap>(html`<fk-member-map api=${`${API}/v1`}></fk-member-map>`);
        expect($(a, '[part~="error"]').textContent).to.contain('alliance');
        const b = await fixture<FkMemberMap>(html`<fk-member-map api=${`${API}/v1`} alliance=${SUEDWEST} tiles="javascript:alert(1)/{z}/{x}/{y}"></fk-member-map>`);
        expect($(b, '[part~="error"]').textContent).to.contain('tiles');
        expect(warnings.some((w) => w.includes('attribute "tiles"'))).to.equal(true);
        await expect(b).to.be.accessible();
      } finally {
        console.warn = warn;
      }
    });
  });

  describe('hostile data', () => {
    it('renders markup and script in every field as text: markers, list, popup, attribution', async () => {
      (window as { __xss?: number }).__xss = undefined;
      const xss = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
      const el = await planeMap(`${MAPDATA}/xss/v1`, 'xss-karte', `tiles-attribution='${xss.replace(/'/g, '&#39;')}'`);
      expect(text(el)).to.contain('<script>window.__xss=1</script>');
      let marker = $$(el, '[part~="marker"]')[0];
      for (let i = 0; !marker && i < 6; i++) {
        $$(el, '[part~="cluster"]')[0]!.click();
        await el.updateComplete;
        marker = $$(el, '[part~="marker"]')[0];
      }
      expect(marker!.getAttribute('aria-label')).to.contain('<script>');
      marker!.click();
      await el.updateComplete;
      const dialog = $(el, 'dialog');
      expect(dialog.textContent).to.contain('Straße <img');
      await aTimeout(100);
      expect(root(el).querySelectorAll('img, script, iframe')).to.have.length(0);
      expect((window as { __xss?: number }).__xss).to.equal(undefined);
      for (const a of $$(el, 'a')) expect((a as HTMLAnchorElement).protocol).to.equal('https:');
      ($(el, '[part~="close-button"]')).click();
    });
  });

  describe('host page', () => {
    it('stays below the host page: an element with z-index and a modal dialog cover the tiles', async () => {
      const wrapper = await fixture(html`<div class="hostpage">
        <div class="cover">Menü der Seite</div>
        <fk-member-map api=${`${API}/v1`} alliance=${SUEDWEST} tiles=${SAME_ORIGIN_TILES}></fk-member-map>
        <dialog class="page-dialog"><p>Dialog der Seite</p></dialog>
      </div>`);
      const style = document.createElement('style');
      style.textContent = '.hostpage { position: relative; } .cover { position: absolute; z-index: 10; top: 120px; left: 0; width: 200px; height: 60px; background: #fff; }';
      document.head.append(style);
      try {
        const el = wrapper.querySelector('fk-member-map')!;
        await waitUntil(() => el.shadowRoot!.querySelectorAll('img.leaflet-tile-loaded').length > 0, 'tiles', { timeout: 15_000 });
        const cover = wrapper.querySelector<HTMLElement>('.cover')!.getBoundingClientRect();
        expect(document.elementFromPoint(cover.left + 10, cover.top + 10) === wrapper.querySelector('.cover'), 'page element above the map').to.equal(true);
        const dialog = wrapper.querySelector<HTMLDialogElement>('.page-dialog')!;
        dialog.showModal();
        const d = dialog.getBoundingClientRect();
        expect(document.elementFromPoint(d.left + d.width / 2, d.top + d.height / 2)?.closest('dialog') === dialog, 'page dialog above the map').to.equal(true);
        dialog.close();
      } finally {
        style.remove();
      }
    });
    it('keeps its layout on a hostile page, and its popup above a z-index 1000 element and a transform', async () => {
      const style = document.createElement('style');
      style.textContent = `html { font-size: 10px !important; } * { box-sizing: content-box !important; margin: 0; padding: 0; border: 0; line-height: 0.8; letter-spacing: 0.3em; text-transform: uppercase; }
        .hostile { transform: translateX(0) rotate(0.001deg); font-size: 16px; }
        .overlay { position: fixed; inset: 0 0 auto 0; height: 100vh; z-index: 1000; background: rgb(255 0 0 / 0.2); pointer-events: none; }`;
      document.head.append(style);
      try {
        const wrapper = await fixture(html`<div class="hostile"><div class="overlay"></div><fk-member-map api=${`${API}/v1`} alliance=${SUEDWEST} tiles="none"></fk-member-map></div>`);
        const el = wrapper.querySelector('fk-member-map')!;
        await waitFor(el, MARKS);
        await el.updateComplete;
        expect(parseFloat(getComputedStyle($(el, '.root')).fontSize)).to.equal(16);
        expect(getComputedStyle($(el, '.layout')).boxSizing).to.equal('border-box');
        expect(getComputedStyle($(el, '[part~="list-item"]')).textTransform).to.equal('none');
        for (const b of $$(el, '.ctl')) expect(b.getBoundingClientRect().height).to.be.at.least(44);
        expect($(el, '[part~="legend"] summary').getBoundingClientRect().height).to.be.at.least(44);
        // Markers sit inside the map, at their size in the widget's own em.
        const surface = $(el, '[part~="surface"]').getBoundingClientRect();
        for (const m of marks(el)) {
          const b = m.getBoundingClientRect();
          expect(b.width).to.be.at.least(28);
          expect(b.left + b.width / 2 > surface.left && b.right - b.width / 2 < surface.right).to.equal(true);
        }
        await expect(el).to.be.accessible();
        const cluster = $$(el, '[part~="cluster"]')[0]!;
        cluster.focus();
        let n = 0;
        while (!($(el, 'dialog') as HTMLDialogElement).open && n++ < 12) {
          const next = $$(el, MARKS)[0]!;
          next.click();
          await el.updateComplete;
        }
        const dialog = $(el, 'dialog') as HTMLDialogElement;
        expect(dialog.open).to.equal(true);
        const d = dialog.getBoundingClientRect();
        // The top layer: above the fixed overlay with z-index 1000 and unaffected by the transform.
        const hit = el.shadowRoot!.elementFromPoint(d.left + d.width / 2, d.top + d.height / 2);
        expect(hit?.closest('dialog') === dialog, `hit ${hit?.outerHTML.slice(0, 60)}`).to.equal(true);
        expect(d.width).to.be.above(200);
        expect(dialog.matches(':modal')).to.equal(true);
        expect(deepActive()?.id).to.equal('fk-pop-title');
        await sendKeys({ press: 'Escape' });
        await el.updateComplete;
        expect(dialog.open).to.equal(false);
      } finally {
        style.remove();
      }
    });

    it('survives two copies of the bundle on one page: no error, one warning, both languages', async () => {
      const { frame, win } = await iframe(`/__map/two-copies.html?api=${encodeURIComponent(API)}`);
      const maps = () => [...(frame.contentDocument?.querySelectorAll('fk-member-map') ?? [])];
      await waitUntil(() => maps().length === 2 && maps().every((m) => m.shadowRoot?.querySelector(MARKS)), 'two maps', { timeout: 15_000 });
      await waitUntil(() => frame.contentDocument?.readyState === 'complete', 'page complete', { timeout: 15_000 });
      const w = win() as ProbeWindow & { __warnings: string[] };
      expect(w.__errors).to.deep.equal([]);
      expect(w.__warnings.filter((x) => x.includes('already defined')), JSON.stringify(w.__warnings)).to.have.length(1);
      const [de, en] = maps();
      expect(de!.shadowRoot!.querySelector('[part~="count"]')!.textContent).to.equal('26 Mitglieder');
      await waitUntil(() => en!.shadowRoot!.querySelector('[part~="count"]')!.textContent === '26 members', 'English strings');
      // Both entries run (with their static chunks); only the first copy's lazy chunks load: its class is the one defined.
      const chunks = w.__resources().filter((r) => /\/__map\/(bundle|copy)\/(?!member-map\.js|chunk-)/.test(r));
      expect(chunks.length).to.be.greaterThan(0);
      expect(chunks.every((r) => r.includes('/__map/bundle/')), chunks.join(' ')).to.equal(true);
    });
  });

  describe('language', () => {
    it('speaks English with lang="en"', async () => {
      const el = await planeMap(`${MAPDATA}/many/v1`, 'viele', 'lang="en"');
      const c = $$(el, '[part~="cluster"]')[0]!;
      expect(c.getAttribute('aria-label')).to.equal(`${c.textContent} members`);
      expect($(el, '[part~="count"]').textContent).to.equal('600 members');
      expect($(el, '[part~="legend"] legend').textContent).to.equal('Types of organisation');
      const b = await fixture<FkMemberMap>(html`<fk-member-map lang="en" api=${`${API}/v1`} alliance=${SUEDWEST}></fk-member-map>`);
      expect((await waitFor(b, '[part~="consent-button"]')).textContent).to.equal('Load map');
    });
  });
});
