import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import ICAL from 'ical.js';
import { CAL_API, CAL_FAULTS } from 'fk-calendar-env';
import { FAULTY } from 'fk-test-env';
import type { FkErrorEvent } from '../../events/fk-error.js';
import { $, $$, choose, deepActive, text, typeInto, unique, waitFor } from '../../../test/helpers.js';
import { emulateMedia, sendKeys } from '../../../test/commands.js';
import './event-calendar.js';
import { monthWeeks } from './month-grid.js';
import type FkEventCalendar from './event-calendar.component.js';

const API = `${CAL_API}/v1`;
const STATUS = '[role="status"]';

/**
 * Waits until the live region announces a loaded month ("Mai 2026: 9 Termine"). A calendar loads
 * when it comes near the viewport: a test's second or third calendar is scrolled to first.
 */
async function loaded(el: Element): Promise<void> {
  el.scrollIntoView();
  await waitUntil(() => el.shadowRoot?.querySelector(STATUS)?.textContent?.includes(':'), 'calendar loaded', { timeout: 15_000 });
}

/** A calendar of `month` in a container of `width` px. */
async function calendar(month: string, width = 1000, extra: { view?: string; lang?: string; tz?: string; alliance?: string } = {}): Promise<FkEventCalendar> {
  const wrapper = await fixture(html`<div style="width:${width}px"><fk-event-calendar api=${API} month=${month}
    view=${extra.view ?? ''} lang=${extra.lang ?? ''} time-zone=${extra.tz ?? 'Europe/Berlin'} alliance=${extra.alliance ?? ''}></fk-event-calendar></div>`);
  const el = wrapper.querySelector('fk-event-calendar')!;
  await loaded(el);
  return el;
}

const cell = (el: Element, iso: string) => $(el, `[data-day="${Date.parse(`${iso}T00:00Z`) / 864e5}"]`);
const chips = (el: Element, iso: string) => [...cell(el, iso).querySelectorAll<HTMLElement>('[part~="event"]')];
const chipText = (el: Element, iso: string) => chips(el, iso).map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
/** The accessible name of a chip or cell: its aria-label where it has one, else its text. */
const nameOf = (e: Element) => e.getAttribute('aria-label') ?? e.textContent!.replace(/\s+/g, ' ').trim();
const dialog = (el: Element) => $(el, 'dialog') as HTMLDialogElement;

describe('<fk-event-calendar>', () => {
  it('passes axe in the month grid', async () => {
    const el = await calendar('2026-05');
    expect($$(el, '[role="grid"]')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  describe('accessibility in every view and state', () => {
    it('passes axe in the list, in English, in an empty month, with the day list and the details open', async () => {
      const list = await calendar('2026-05', 1000, { view: 'list' });
      await expect(list).to.be.accessible();
      const english = await calendar('2026-03', 1000, { lang: 'en' });
      await expect(english).to.be.accessible();
      const empty = await calendar('2026-08');
      await expect(empty).to.be.accessible();
      const full = await calendar('2026-09');
      $(full, '[part~="more"]').click();
      await waitUntil(() => dialog(full).open);
      await expect(full).to.be.accessible();
      ($(full, 'dialog [data-key]')).click();
      await waitUntil(() => dialog(full).querySelector('.facts'));
      await expect(full).to.be.accessible();
    });

    it('passes axe (colour contrast included) in the dark theme, by attribute and by the system setting', async () => {
      const el = await calendar('2026-05');
      const light = getComputedStyle($(el, '.root')).backgroundColor;
      el.theme = 'dark';
      await el.updateComplete;
      expect(getComputedStyle($(el, '.root')).backgroundColor).to.equal('rgb(22, 26, 30)');
      await expect(el).to.be.accessible();
      chips(el, '2026-05-19')[0]!.click();
      await waitUntil(() => dialog(el).open);
      await expect(el).to.be.accessible();
      dialog(el).close();
      el.theme = 'auto';
      await el.updateComplete;
      expect(getComputedStyle($(el, '.root')).backgroundColor).to.equal(light);
      await emulateMedia({ colorScheme: 'dark' });
      try {
        expect(getComputedStyle($(el, '.root')).backgroundColor).to.equal('rgb(22, 26, 30)');
        await expect(el).to.be.accessible();
        const list = await calendar('2026-05', 1000, { view: 'list', lang: 'en' });
        expect(getComputedStyle($(list, '.root')).backgroundColor).to.equal('rgb(22, 26, 30)');
        await expect(list).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('marks the German API text inside an English widget with lang="de"', async () => {
      const el = await calendar('2026-05', 1000, { lang: 'en' });
      expect($(el, '.root').lang).to.equal('en');
      const title = chips(el, '2026-05-22')[0]!.querySelector('.title')!;
      expect(title.getAttribute('lang')).to.equal('de');
      expect($(el, '#fk-cal-month').closest('[lang]')!.getAttribute('lang')).to.equal('en');
      chips(el, '2026-05-22')[0]!.click();
      await waitUntil(() => dialog(el).querySelector('.facts'));
      expect(dialog(el).querySelector('.dlg-title')!.getAttribute('lang')).to.equal('de');
      expect([...dialog(el).querySelectorAll('p[lang="de"]')].map((p) => p.textContent)).to.include('Zweiter Absatz.');
      dialog(el).close();
      const german = await calendar('2026-05');
      expect(chips(german, '2026-05-22')[0]!.querySelector('.title')!.hasAttribute('lang')).to.equal(false);
    });

    it('fills the empty grid it draws while loading without moving anything, even on a day with 30 events', async () => {
      type Shift = PerformanceEntry & { value: number; sources?: { node?: Node }[] };
      const shifts: string[] = [];
      const record = (e: Shift) => shifts.push(`${e.value.toFixed(4)}: ${(e.sources ?? []).map((x) => (x.node as Element | undefined)?.outerHTML?.slice(0, 60) ?? '?').join(' | ')}`);
      const observer = new PerformanceObserver((list) => (list.getEntries() as Shift[]).forEach(record));
      const wrapper = await fixture(html`<div style="width:1000px">
        <fk-event-calendar api=${`${CAL_FAULTS}/slow/${unique()}/v1`} month="2026-09" view="month"></fk-event-calendar>
        <p class="after">Text der Seite nach dem Kalender</p>
      </div>`);
      const el = wrapper.querySelector('fk-event-calendar')!;
      const after = wrapper.querySelector('.after')!;
      el.scrollIntoView();
      await waitFor(el, '[role="grid"][aria-busy="true"]');
      // Measured once it loads (it starts when near the viewport): the placeholder grid of a slow answer.
      await waitUntil(() => $(el, STATUS).textContent === 'Termine werden geladen …' && el.shadowRoot!.querySelector('.subscribe'), 'loading');
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      observer.observe({ type: 'layout-shift' });
      try {
        const height = el.getBoundingClientRect().height;
        const top = after.getBoundingClientRect().top;
        await loaded(el);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        expect($(el, '[part~="more"]').textContent).to.contain('+28 weitere');
        expect(el.getBoundingClientRect().height).to.equal(height);
        expect(after.getBoundingClientRect().top).to.equal(top);
        (observer.takeRecords() as Shift[]).forEach(record);
        expect(shifts).to.deep.equal([]);
      } finally {
        observer.disconnect();
      }
    });

    it('passes axe while loading (grid in its final shape) and with an error', async () => {
      const el = await fixture<FkEventCalendar>(html`<fk-event-calendar api=${`${FAULTY}/slow/${unique()}/v1`} month="2026-05" view="month"></fk-event-calendar>`);
      await waitFor(el, '[role="grid"][aria-busy="true"]');
      expect($(el, STATUS).textContent).to.equal('Termine werden geladen …');
      await expect(el).to.be.accessible();
      const failing = await fixture<FkEventCalendar>(html`<fk-event-calendar api=${`${FAULTY}/500/v1`} month="2026-05"></fk-event-calendar>`);
      await waitFor(failing, '[part~="error"]');
      await expect(failing).to.be.accessible();
    });
  });

  describe('month grid', () => {
    it('starts the week on Monday with German day names and titles the month', async () => {
      const el = await calendar('2026-05');
      expect($$(el, '[role="columnheader"]').map((h) => h.textContent)).to.deep.equal(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So']);
      expect(nameOf($$(el, '[role="columnheader"]')[0]!)).to.equal('Montag');
      expect($(el, '#fk-cal-month').textContent).to.equal('Mai 2026');
      // 1 May 2026 is a Friday: the grid starts on Monday 27 April.
      expect($$(el, '[role="gridcell"]')[0]!.querySelector('.sr-only')!.textContent).to.equal('Montag, 27. April 2026');
      expect($(el, STATUS).textContent).to.equal('Mai 2026: 6 Termine');
    });

    it('spans all-day and multi-day events over their days, across weeks and months', async () => {
      const el = await calendar('2026-05');
      expect(chipText(el, '2026-05-13')[0]).to.contain('Ganztägiger Aktionstag');
      for (const day of ['2026-05-28', '2026-05-29', '2026-05-30', '2026-05-31']) {
        expect(chips(el, day).map((c) => c.dataset.key), day).to.include('messe');
      }
      expect(chips(el, '2026-05-28').find((c) => c.dataset.key === 'messe')!.className).to.match(/\bto\b/).and.not.match(/\bfrom\b/);
      expect(chips(el, '2026-05-29').find((c) => c.dataset.key === 'messe')!.className).to.match(/\bfrom\b/);
      expect(chips(el, '2026-05-27')).to.have.length(0);
      const label = nameOf(chips(el, '2026-05-28').find((c) => c.dataset.key === 'messe')!);
      expect(label).to.contain('28. Mai – 2. Juni 2026');
      $(el, '[aria-label="Nächster Monat"]').click();
      await waitUntil(() => $(el, STATUS).textContent!.startsWith('Juni 2026:'));
      expect(chips(el, '2026-06-01').map((c) => c.dataset.key)).to.include('messe');
      expect(chips(el, '2026-06-02').map((c) => c.dataset.key)).to.include('messe');
      expect(chips(el, '2026-06-03')).to.have.length(0);
    });

    it('shows the times of the DST week in March in Berlin time, and a weekly series at 18:00 on both sides', async () => {
      const el = await calendar('2026-03');
      expect(chipText(el, '2026-03-28')[0]).to.match(/^10:00 Samstag/);
      expect(chipText(el, '2026-03-29')[0]).to.match(/^10:00 Sonntag/);
      // The name starts with what the chip shows, then says the date.
      expect(nameOf(chips(el, '2026-03-29')[0]!)).to.match(/^10:00 Sonntag.*, 29\. März 2026, 10:00–12:00 Uhr$/);
      for (const day of ['2026-03-18', '2026-03-25', '2026-04-01']) {
        expect(chipText(el, day)[0], day).to.match(/^18:00 Wöchentliche Sprechstunde/);
      }
      expect(chips(el, '2026-03-11')).to.have.length(0);
    });

    it('shows the night of the October switch over two days, and 18:00 before and after it', async () => {
      const el = await calendar('2026-10');
      const night = chips(el, '2026-10-24').find((c) => c.dataset.key === 'nacht-umstellung')!;
      expect(night.textContent).to.match(/^\s*22:00/);
      expect(nameOf(night)).to.contain('06:00');
      expect(chips(el, '2026-10-25').map((c) => c.dataset.key)).to.include('nacht-umstellung');
      expect(chipText(el, '2026-10-26')[0]).to.match(/^09:00/);
      for (const day of ['2026-10-14', '2026-10-21', '2026-10-28']) expect(chipText(el, day)[0], day).to.match(/^18:00 Abendtermin/);
    });

    it('shows cancelled events struck through and labelled, postponed and rescheduled ones labelled', async () => {
      const el = await calendar('2026-05');
      const cancelled = chips(el, '2026-05-19')[0]!;
      expect(cancelled.textContent).to.contain('abgesagt');
      expect(nameOf(cancelled)).to.match(/^abgesagt Abgesagter Workshop, 19\. Mai 2026, 17:00–19:00 Uhr$/);
      expect(getComputedStyle(cancelled.querySelector('.title')!).textDecorationLine).to.equal('line-through');
      expect(chips(el, '2026-05-20')[0]!.textContent).to.contain('verschoben');
      // A rescheduled event with its former date: said beside the new one, in the name too.
      const moved = chips(el, '2026-05-21')[0]!;
      expect(moved.querySelector('.status')!.textContent).to.equal('statt 12.5.');
      expect(nameOf(moved)).to.match(/^statt 12\.5\. Verlegter Infoabend, 21\. Mai 2026, 18:30–20:00 Uhr, verschoben vom 12\. Mai$/);
    });

    it('says where a rescheduled event was before, and that a postponed one gets a new date, in list, details and JSON-LD', async () => {
      const el = await calendar('2026-05', 1000, { view: 'list' });
      const t = text(el);
      expect(t).to.contain('Donnerstag, 21. Mai 2026 18:30–20:00 Uhr verschoben vom 12. Mai Test: Verlegter Infoabend');
      expect(t).to.contain('Mittwoch, 20. Mai 2026 17:00–19:00 Uhr verschoben – neuer Termin folgt Test: Verschobenes Treffen');
      expect(nameOf($(el, '[part~="list"] [data-key="verlegt"]'))).to.contain(', verschoben vom 12. Mai');
      ($(el, '[part~="list"] [data-key="verlegt"]')).click();
      await waitUntil(() => dialog(el).open);
      expect(dialog(el).querySelector('[part~="status"]')!.textContent).to.equal('verschoben vom 12. Mai');
      await expect(el).to.be.accessible();
      dialog(el).close();
      const en = await calendar('2026-05', 1000, { view: 'list', lang: 'en' });
      expect(text(en)).to.contain('moved from 12 May');
      expect(text(en)).to.contain('postponed – new date to follow');
      const ld = await fixture<FkEventCalendar>(html`<fk-event-calendar api=${API} month="2026-05" json-ld></fk-event-calendar>`);
      await loaded(ld);
      await waitUntil(() => ld.querySelector('script[type="application/ld+json"]'), 'JSON-LD written');
      const data = JSON.parse(ld.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<string, string>[];
      const rescheduled = data.find((d) => d.name === 'Test: Verlegter Infoabend')!;
      expect(rescheduled).to.include({ eventStatus: 'https://schema.org/EventRescheduled', previousStartDate: '2026-05-12T18:30:00+02:00' });
      expect(data.filter((d) => 'previousStartDate' in d)).to.have.length(1);
    });

    it('shows the status, and the time where a day cell has room, beside the title; the full title on hover', async () => {
      // 790 px: the main column of the demo page at 1280 px; a day cell is some 110 px wide: the
      // title gets both lines, the time stays in the name and the tooltip.
      const el = await calendar('2026-05', 790);
      const timed = chips(el, '2026-05-22')[0]!;
      expect(timed.title).to.equal('Test: Online-Sprechstunde\n22. Mai 2026, 10:00–11:00 Uhr');
      expect(getComputedStyle(timed.querySelector('.time')!).display).to.equal('none');
      expect(nameOf(timed)).to.match(/^10:00 Online-Sprechstunde, /);
      const wide = await calendar('2026-05', 1000);
      expect(getComputedStyle(chips(wide, '2026-05-22')[0]!.querySelector('.time')!).display).to.not.equal('none');
      for (const [day, status] of [['2026-05-19', 'abgesagt'], ['2026-05-20', 'verschoben'], ['2026-05-21', 'statt 12.5.']] as const) {
        const chip = chips(el, day)[0]!;
        expect(chip.querySelector('.time'), day).to.equal(null);
        const label = chip.querySelector<HTMLElement>('.status')!;
        expect(label.textContent).to.equal(status);
        // The label is whole, inside its chip, and the title still shows a line below or beside it.
        const box = chip.getBoundingClientRect();
        expect(label.getBoundingClientRect().right, `${status} inside its chip`).to.be.at.most(box.right);
        const line = chip.querySelector<HTMLElement>('.title')!.getClientRects()[0]!;
        expect(line.bottom, `title of "${status}" within the chip`).to.be.at.most(box.bottom + 0.5);
        expect(Math.min(line.right, box.right) - line.left, `visible title width beside "${status}"`).to.be.at.least(3 * parseFloat(getComputedStyle(chip).fontSize));
      }
    });

    it('wraps a long title to two lines, all chips of the same height', async () => {
      const el = await calendar('2026-04', 790);
      const [a, b] = [chips(el, '2026-04-14')[0]!, chips(el, '2026-04-15')[0]!];
      const lh = parseFloat(getComputedStyle(a).lineHeight);
      for (const chip of [a, b]) {
        expect(chip.getBoundingClientRect().height).to.be.closeTo(2 * lh, 1);
        // Two lines of text are shown, the rest clipped (and whole in the tooltip).
        expect(chip.scrollHeight).to.be.greaterThan(chip.clientHeight);
        expect(chip.title).to.match(/^Test: Informationsabend der /);
      }
      const single = chips(el, '2026-04-01')[0]!;
      expect(single.getBoundingClientRect().height).to.equal(a.getBoundingClientRect().height);
    });

    it('says so for a month without events, and keeps the grid', async () => {
      const el = await calendar('2026-08');
      expect($(el, '[part~="empty"]').textContent).to.equal('In diesem Monat gibt es keine Termine.');
      expect($(el, STATUS).textContent).to.equal('August 2026: 0 Termine');
      expect($$(el, '[role="gridcell"]').length).to.be.at.least(35);
    });

    it('leaves out a prefix all titles of the month share ("Test: ") in the day cells, not in tooltips and details', async () => {
      const el = await calendar('2026-03', 790);
      const chip = chips(el, '2026-03-28')[0]!;
      expect(chip.querySelector('.title')!.textContent).to.equal('Samstag vor der Umstellung');
      expect(nameOf(chip)).to.match(/^10:00 Samstag vor der Umstellung, 28\. März 2026/);
      expect(chip.title).to.match(/^Test: Samstag vor der Umstellung\n/);
      // July's titles share nothing: shown whole.
      const july = await calendar('2026-07', 790);
      expect(chips(july, '2026-07-07')[0]!.querySelector('.title')!.textContent).to.match(/^XSS /);
    });

    describe('a month without events (left): the next events', () => {
      const realNow = Date.now;
      /** Today, as the calendar sees it: the test data are fixed in 2026, the clock is not. */
      const today = (iso: string) => {
        Date.now = () => Date.parse(iso);
      };
      afterEach(() => {
        Date.now = realNow;
      });
      const next = (el: Element) => $$(el, '[part~="upcoming"] [data-key]').map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
      const upcomingShown = (el: Element) => waitUntil(() => el.shadowRoot!.querySelector('[part~="jump"]'), 'next events', { timeout: 15_000 });

      it('shows "Nächste Termine" with a button to their month, which moves there and focuses the day (axe clean)', async () => {
        today('2026-08-20T10:00:00Z');
        const el = await calendar('2026-08');
        await upcomingShown(el);
        expect($(el, '[part~="empty"]').textContent).to.equal('In diesem Monat gibt es keine Termine.');
        expect($(el, '[part~="upcoming"] [role="heading"]').textContent).to.equal('Nächste Termine');
        expect(next(el)).to.have.length(3);
        expect(next(el)[0]).to.match(/^Test: Monatlicher Stammtisch, Dienstag, 8\. September 2026|^Test: Monatlicher Stammtisch, 8\. September 2026/);
        expect(next(el).slice(1).every((t) => t.includes('15. September 2026'))).to.equal(true);
        await expect(el).to.be.accessible();
        const jump = $(el, '[part~="jump"]');
        expect(jump.textContent).to.equal('Zu September 2026 wechseln');
        jump.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => $(el, STATUS).textContent!.startsWith('September 2026:'), 'September', { timeout: 15_000 });
        await waitUntil(() => deepActive()?.getAttribute('data-day') === String(Date.parse('2026-09-08T00:00Z') / 864e5), 'focus on 8 September');
        expect($$(el, '[part~="upcoming"]')).to.have.length(0);
      });

      it('shows them when the month\'s events are all past, a series by its next date, in the list and in English too', async () => {
        today('2026-12-20T10:00:00Z');
        const el = await calendar('2026-12', 1000, { view: 'list' });
        await upcomingShown(el);
        expect($(el, '[part~="empty"]').textContent).to.equal('In diesem Monat stehen keine Termine mehr an.');
        // The monthly series began in September: its next dates, not its first.
        expect(next(el)).to.have.length(2);
        expect(next(el)[0]).to.contain('12. Januar 2027');
        expect(next(el)[1]).to.contain('9. Februar 2027');
        await expect(el).to.be.accessible();
        // Opens the details like any event.
        $(el, '[part~="upcoming"] [data-key]').click();
        await waitUntil(() => dialog(el).open);
        expect(dialog(el).textContent).to.contain('12. Januar 2027');
        dialog(el).close();
        const en = await calendar('2026-12', 1000, { lang: 'en' });
        await upcomingShown(en);
        expect($(en, '[part~="empty"]').textContent).to.equal('There are no more events this month.');
        expect($(en, '[part~="upcoming"] [role="heading"]').textContent).to.equal('Upcoming events');
        expect($(en, '[part~="jump"]').textContent).to.equal('Go to January 2027');
        await expect(en).to.be.accessible();
      });

      it('does not show them while the month has events to come, or for a past month that had events', async () => {
        today('2026-05-25T10:00:00Z');
        const may = await calendar('2026-05');
        const march = await calendar('2026-03');
        await new Promise((r) => setTimeout(r, 300));
        expect($$(may, '[part~="upcoming"]')).to.have.length(0);
        expect($$(march, '[part~="upcoming"]')).to.have.length(0);
        // A past month without events: what comes next from today.
        const february = await calendar('2026-02');
        await upcomingShown(february);
        expect(next(february)[0]).to.contain('28. Mai');
      });
    });

    it('shows "+N weitere" on a day with 30 events, which opens the list of the day', async () => {
      const el = await calendar('2026-09');
      expect(chips(el, '2026-09-15')).to.have.length(2);
      const more = $(el, '[part~="more"]');
      expect(more.textContent).to.contain('+28 weitere');
      expect(nameOf(more)).to.equal('+28 weitere, Dienstag, 15. September 2026');
      more.click();
      await waitUntil(() => dialog(el).open);
      expect(dialog(el).querySelector('.dlg-title')!.textContent).to.equal('Termine am Dienstag, 15. September 2026');
      expect(dialog(el).querySelectorAll('[data-key]')).to.have.length(30);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(el).open);
      expect(deepActive()).to.equal(more);
    });

    it('puts a month-only date above the grid, with the day marked open', async () => {
      const el = await calendar('2026-06');
      const chip = $(el, '.month-only [data-key="nur-monat"]');
      expect(nameOf(chip)).to.contain('Juni 2026 (Tag noch offen)');
      expect($$(el, '[role="gridcell"] [data-key="nur-monat"]')).to.have.length(0);
    });
  });

  describe('recurring events', () => {
    it('shows every occurrence of a monthly series except the excluded one, as the server feed says', async () => {
      const el = await calendar('2026-09');
      const seen: string[] = [];
      const months = ['September', 'Oktober', 'November', 'Dezember', 'Januar', 'Februar'];
      for (let i = 0; i < 5; i++) {
        for (const c of $$(el, '[role="gridcell"] [data-key^="serie-monatlich"]')) {
          const day = c.closest<HTMLElement>('[data-day]')!.dataset.day!;
          const iso = new Date(+day * 864e5).toISOString().slice(0, 10);
          if (!seen.includes(iso) && !c.closest('.out')) seen.push(iso);
          expect(c.textContent).to.match(/^\s*19:00/);
        }
        $(el, '[aria-label="Nächster Monat"]').click();
        await waitUntil(() => $(el, STATUS).textContent!.startsWith(`${months[i + 1]} 202`) && $(el, STATUS).textContent!.includes(':'), months[i + 1]);
      }
      expect(seen).to.deep.equal(['2026-09-08', '2026-10-13', '2026-12-08', '2027-01-12']);
      // The feed carries the same RRULE and EXDATE: ical.js expands it to the same days.
      const ics = await (await fetch(`${API}/events/serie-monatlich.ics`)).text();
      const vevent = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent')[0]!;
      const it = new ICAL.Event(vevent).iterator();
      const exdates = vevent.getAllProperties('exdate').map((p) => (p.getFirstValue() as { toString(): string }).toString().slice(0, 10));
      const fromFeed: string[] = [];
      for (let t = it.next(); t; t = it.next()) {
        const d = t.toString().slice(0, 10);
        if (!exdates.includes(d)) fromFeed.push(d);
      }
      expect(fromFeed.filter((d) => d < '2027-02-01')).to.deep.equal(seen);
      expect(fromFeed).to.have.length(5);
    });
  });

  describe('keyboard (WAI-ARIA grid)', () => {
    it('moves through the days with arrows, Home/End and through months with PageUp/PageDown, announcing the month', async () => {
      const el = await calendar('2026-05');
      const active = () => (deepActive() as HTMLElement).dataset.day;
      const iso = (d = active()) => new Date(+d! * 864e5).toISOString().slice(0, 10);
      const first = $(el, '[role="gridcell"][tabindex="0"]');
      expect($$(el, '[role="gridcell"][tabindex="0"]')).to.have.length(1);
      first.focus();
      expect(iso()).to.equal('2026-05-01');
      await sendKeys({ press: 'ArrowRight' });
      expect(iso()).to.equal('2026-05-02');
      await sendKeys({ press: 'ArrowDown' });
      expect(iso()).to.equal('2026-05-09');
      await sendKeys({ press: 'Home' });
      expect(iso()).to.equal('2026-05-04');
      await sendKeys({ press: 'End' });
      expect(iso()).to.equal('2026-05-10');
      await sendKeys({ press: 'ArrowUp' });
      expect(iso()).to.equal('2026-05-03');
      await sendKeys({ press: 'PageDown' });
      await waitUntil(() => active() && iso() === '2026-06-03', 'focus on 3 June');
      await waitUntil(() => $(el, STATUS).textContent === 'Juni 2026: 2 Termine', `announced: ${$(el, STATUS).textContent}`);
      expect($(el, '#fk-cal-month').textContent).to.equal('Juni 2026');
      await sendKeys({ press: 'PageUp' });
      await waitUntil(() => iso() === '2026-05-03');
      // Leaving the month with an arrow key shows the neighbouring month.
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await waitUntil(() => iso() === '2026-04-24');
      expect($(el, '#fk-cal-month').textContent).to.equal('April 2026');
      expect($$(el, '[role="gridcell"][tabindex="0"]')).to.have.length(1);
    });

    it('reaches the events of the focused day with Tab, and opens the day list with Enter', async () => {
      const el = await calendar('2026-05');
      cell(el, '2026-05-01').focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => (deepActive() as HTMLElement).dataset.day === cell(el, '2026-05-23').dataset.day);
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'Tab' });
      expect((deepActive() as HTMLElement).dataset.key).to.equal('online');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog(el).open);
      expect(dialog(el).textContent).to.contain('Freitag, 22. Mai 2026');
      expect(dialog(el).contains(deepActive())).to.equal(true);
    });
  });

  describe('details dialog', () => {
    it('opens in the top layer with focus inside, shows the details and returns focus on Escape', async () => {
      const el = await calendar('2026-05');
      const chip = chips(el, '2026-05-22')[0]!;
      chip.click();
      await waitUntil(() => dialog(el).open);
      const d = dialog(el);
      expect(d.contains(deepActive())).to.equal(true);
      expect(d.matches(':modal')).to.equal(true);
      // Names come from the API (the organiser's on opening, the alliances' once the page is idle).
      await waitUntil(() => d.textContent!.includes('IHK Hochrhein-Bodensee') && d.textContent!.includes('Fachkräfteallianz Landkreis Ludwigsburg'), 'names loaded');
      const t = d.textContent!.replace(/\s+/g, ' ');
      expect(t).to.contain('Test: Online-Sprechstunde');
      expect(t).to.contain('22. Mai 2026, 10:00–11:00 Uhr');
      expect(t).to.contain('Fachkräfteallianz Landkreis Ludwigsburg');
      expect(t).to.contain('Zweiter Absatz.');
      expect(d.querySelector<HTMLAnchorElement>('a[href^="https://meet.example.org"]')!.textContent).to.equal('meet.example.org');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !d.open);
      expect(deepActive()).to.equal(chips(el, '2026-05-22')[0]);
    });

    it('shows the venue with address and the registration link, and closes with its button', async () => {
      const el = await calendar('2026-05');
      chips(el, '2026-05-28')[0]!.click();
      await waitUntil(() => dialog(el).open);
      const t = dialog(el).innerText.replace(/\s+/g, ' ');
      expect(t).to.contain('Testraum Lörrach Palmstraße 3 79539 Lörrach');
      expect(dialog(el).querySelector<HTMLAnchorElement>('a[href="https://example.org/anmeldung"]')).to.exist;
      dialog(el).querySelector<HTMLButtonElement>('.close')!.click();
      // The dialog's close event comes a task later; then focus is back on the event.
      await waitUntil(() => !dialog(el).open && (deepActive() as HTMLElement).dataset.key === 'messe', 'focus back on the event');
    });

    it('offers the event as .ics, which ical.js reads back with the right dates', async () => {
      const el = await calendar('2026-05');
      chips(el, '2026-05-28')[0]!.click();
      await waitUntil(() => dialog(el).open);
      const link = dialog(el).querySelector<HTMLAnchorElement>('a[download]')!;
      expect(link.href).to.equal(`${API}/events/messe.ics`);
      const res = await fetch(link.href);
      expect(res.headers.get('content-type')).to.contain('text/calendar');
      const vevent = new ICAL.Component(ICAL.parse(await res.text())).getAllSubcomponents('vevent')[0]!;
      const event = new ICAL.Event(vevent);
      expect(event.summary).to.equal('Test: Messe über sechs Tage');
      expect(event.startDate.isDate).to.equal(true);
      expect(event.startDate.toString()).to.equal('2026-05-28');
      expect(event.endDate.toString()).to.equal('2026-06-03'); // exclusive
    });

    it('gives the timed DST event in the .ics the same instant as the calendar shows', async () => {
      const ics = await (await fetch(`${API}/events/dst-sonntag.ics`)).text();
      const comp = new ICAL.Component(ICAL.parse(ics));
      for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
      const event = new ICAL.Event(comp.getAllSubcomponents('vevent')[0]!);
      expect(event.startDate.toJSDate().toISOString()).to.equal('2026-03-29T08:00:00.000Z');
    });
  });

  describe('subscription', () => {
    it('links the feed of the current filter as webcal:// and https://', async () => {
      const el = await calendar('2026-05');
      const [webcal, https] = $$(el, '[part~="subscribe"] a') as HTMLAnchorElement[];
      expect(https!.href).to.equal(`${API}/events.ics`);
      expect(webcal!.getAttribute('href')).to.equal(https!.href.replace(/^http:/, 'webcal:'));
      choose($(el, '#fk-cal-category') as HTMLSelectElement, 'messe');
      $(el, '#fk-cal-category').dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      const feed = ($$(el, '[part~="subscribe"] a')[1] as HTMLAnchorElement).href;
      expect(feed).to.equal(`${API}/events.ics?category=messe`);
      const comp = new ICAL.Component(ICAL.parse(await (await fetch(feed)).text()));
      expect(comp.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('summary'))).to.include('Test: Messe über sechs Tage')
        .and.not.include('Test: Ganztägiger Aktionstag');
    });
  });

  describe('filters, views and configuration', () => {
    it('filters by category, text and alliance', async () => {
      const el = await calendar('2026-05');
      const category = $(el, '#fk-cal-category') as HTMLSelectElement;
      category.value = 'workshop';
      category.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect($$(el, '[role="gridcell"] [data-key]').map((c) => c.dataset.key)).to.deep.equal(['abgesagt']);
      category.value = '';
      category.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      typeInto($(el, '#fk-cal-q') as HTMLInputElement, 'sprechstunde');
      await el.updateComplete;
      expect($$(el, '[role="gridcell"] [data-key]').map((c) => c.dataset.key)).to.deep.equal(['online']);
      expect($(el, STATUS).textContent).to.equal('Mai 2026: ein Termin');
      typeInto($(el, '#fk-cal-q') as HTMLInputElement, 'gibtesnicht');
      await el.updateComplete;
      expect($(el, '[part~="empty"]').textContent).to.equal('In diesem Monat passt kein Termin zu Ihrer Auswahl.');
      typeInto($(el, '#fk-cal-q') as HTMLInputElement, '');
      await waitFor(el, '#fk-cal-alliance option[value="fachkraefteallianz-landkreis-ludwigsburg"]');
      const alliance = $(el, '#fk-cal-alliance') as HTMLSelectElement;
      alliance.value = 'fachkraefteallianz-landkreis-ludwigsburg';
      alliance.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await waitUntil(() => $$(el, '[role="gridcell"] [data-key]').length === 2, 'two Ludwigsburg events');
      expect(($$(el, '[part~="subscribe"] a')[1] as HTMLAnchorElement).href).to.contain('alliance=fachkraefteallianz-landkreis-ludwigsburg');
    });

    it('shows only the alliance of the attribute, without an alliance filter', async () => {
      const el = await calendar('2026-05', 1000, { alliance: 'fachkraefteallianz-landkreis-ludwigsburg' });
      expect($$(el, '[role="gridcell"] [data-key]').map((c) => c.dataset.key).sort()).to.deep.equal(['online', 'verlegt']);
      expect($$(el, '#fk-cal-alliance')).to.have.length(0);
    });

    it('switches to the list when its own container is narrow, and back', async () => {
      const el = await calendar('2026-05', 320);
      await waitFor(el, '[part~="list"]');
      expect($$(el, '[role="grid"]')).to.have.length(0);
      await expect(el).to.be.accessible();
      el.parentElement!.style.width = '1000px';
      await waitFor(el, '[role="grid"]');
      const fixed = await calendar('2026-05', 1000, { view: 'list' });
      expect($$(fixed, '[part~="list"]')).to.have.length(1);
      expect($$(fixed, '[aria-pressed]')).to.have.length(0);
    });

    it('paints a narrow calendar as a list from its first frame, never the month grid first', async () => {
      const seen = async (api: string) => {
        const id = `cal-${unique()}`;
        const frames: string[] = [];
        let running = true;
        const watch = () => {
          const r = document.getElementById(id)?.shadowRoot;
          frames.push(!r?.firstElementChild ? 'none' : r.querySelector('[role="grid"]') ? 'grid' : r.querySelector('[part~="skeleton"]') ? 'skeleton' : r.querySelector('[part~="list"]') ? 'list' : 'other');
          if (running) requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
        const wrapper = await fixture(html`<div style="width:360px"><fk-event-calendar id=${id} api=${api} month="2026-05"></fk-event-calendar></div>`);
        await loaded(wrapper.querySelector('fk-event-calendar')!);
        await new Promise((r) => requestAnimationFrame(r));
        running = false;
        return [...new Set(frames.filter((f) => f !== 'none'))];
      };
      const fast = await seen(API);
      expect(fast).to.not.include('grid');
      expect(fast).to.include('list');
      // A slow answer gets the placeholder first (after a short wait for the data), then the list.
      expect(await seen(`${CAL_FAULTS}/slow/${unique()}/v1`)).to.deep.equal(['skeleton', 'list']);
    });

    it('lists the month by day in the list view, all-day and timed, with status', async () => {
      const el = await calendar('2026-05', 1000, { view: 'list' });
      const t = text(el);
      expect(t).to.contain('Mittwoch, 13. Mai 2026 ganztägig Test: Ganztägiger Aktionstag');
      expect(t).to.contain('Dienstag, 19. Mai 2026 17:00–19:00 Uhr abgesagt Test: Abgesagter Workshop');
      expect(t).to.contain('28. Mai – 2. Juni 2026');
      ($(el, '[part~="list"] [data-key="abgesagt"]')).click();
      await waitUntil(() => dialog(el).open);
      expect(dialog(el).textContent).to.contain('abgesagt');
    });

    it('speaks English (en-GB) with lang="en"', async () => {
      const el = await calendar('2026-05', 1000, { lang: 'en' });
      expect($(el, '#fk-cal-month').textContent).to.equal('May 2026');
      expect($$(el, '[role="columnheader"]').map((h) => h.textContent)).to.deep.equal(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
      expect(nameOf($$(el, '[role="columnheader"]')[0]!)).to.equal('Monday');
      expect(chips(el, '2026-05-19')[0]!.textContent).to.contain('cancelled');
      expect(nameOf(chips(el, '2026-05-19')[0]!)).to.match(/^cancelled Abgesagter Workshop, 19 May 2026, 17:00–19:00/);
      expect($(el, STATUS).textContent).to.equal('May 2026: 6 events');
    });

    it('shows times in another zone with time-zone', async () => {
      const el = await calendar('2026-03', 1000, { tz: 'America/New_York' });
      expect(chipText(el, '2026-03-28')[0]).to.match(/^05:00 Samstag/);
      expect(chipText(el, '2026-03-29')[0]).to.match(/^04:00 Sonntag/);
    });

    it('keeps month and filters in the URL hash with history, and restores them', async () => {
      const before = location.href;
      history.replaceState(null, '', '#anker&fk-cal-month=2026-09&fk-cal-q=stammtisch');
      try {
        const wrapper = await fixture(html`<div style="width:1000px"><fk-event-calendar api=${API} history></fk-event-calendar></div>`);
        const el = wrapper.querySelector('fk-event-calendar')!;
        await loaded(el);
        expect($(el, '#fk-cal-month').textContent).to.equal('September 2026');
        expect(($(el, '#fk-cal-q') as HTMLInputElement).value).to.equal('stammtisch');
        expect($$(el, '[role="gridcell"] [data-key]').every((c) => c.dataset.key!.startsWith('serie-monatlich'))).to.equal(true);
        $(el, '[aria-label="Nächster Monat"]').click();
        // The hash writer is its own small module (loaded when the calendar connects with history).
        await waitUntil(() => location.hash.includes('fk-cal-month=2026-10'), 'hash written');
        expect(location.hash).to.contain('anker');
        history.back();
        await waitUntil(() => $(el, '#fk-cal-month').textContent === 'September 2026', 'back restores September');
      } finally {
        history.replaceState(null, '', before.split('#')[0]);
      }
    });

    it('without a valid month, shows this month in Berlin and asks for each of its weeks once', async () => {
      const asked = () => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.startsWith(`${API}/events?`));
      performance.clearResourceTimings();
      const wrapper = await fixture(html`<div style="width:1000px"><fk-event-calendar api=${API} alliance="fachkraefteallianz-landkreis-ludwigsburg"></fk-event-calendar></div>`);
      const el = wrapper.querySelector('fk-event-calendar')!;
      await loaded(el);
      const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
      const thisMonth = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, 1));
      expect($(el, '#fk-cal-month').textContent).to.equal(thisMonth);
      for (const week of monthWeeks(y!, m!)) {
        const from = new Date(week[0]! * 864e5).toISOString().slice(0, 10);
        expect(asked().filter((u) => u.includes(`from=${from}&`)), from).to.have.length(1);
      }
      // A month that is not YYYY-MM (month 13, month 00, a name) means this month too.
      for (const month of ['2026-13', '2026-00', 'März']) {
        const bad = (await fixture(html`<div style="width:1000px"><fk-event-calendar api=${API} month=${month}></fk-event-calendar></div>`)).querySelector('fk-event-calendar')!;
        await loaded(bad);
        expect($(bad, '#fk-cal-month').textContent, month).to.equal(thisMonth);
      }
    });

    it('loads the shown weeks in parallel, one request per week, and prefetches the neighbouring months', async () => {
      const asked = () => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.startsWith(`${API}/events?`));
      performance.clearResourceTimings();
      // November 2026 shows 26 October – 6 December: six weeks, six requests.
      await calendar('2026-11', 1000, { alliance: 'fachkraefteallianz-suedwest' });
      const weeks = ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'];
      for (const w of weeks) expect(asked().filter((u) => u.includes(`from=${w}&`)), w).to.have.length(1);
      // December's grid shares the week of 30 November: only its other weeks are asked for.
      await waitUntil(() => asked().some((u) => u.includes('from=2026-12-28')), 'December prefetched');
      await waitUntil(() => asked().some((u) => u.includes('from=2026-09-28')), 'October prefetched');
      expect(asked().filter((u) => u.includes('from=2026-11-30&'))).to.have.length(1);
    });

    it('prints the visible month as a list', async () => {
      const el = await calendar('2026-05');
      window.dispatchEvent(new Event('beforeprint'));
      expect($$(el, '[part~="list"]')).to.have.length(1);
      window.dispatchEvent(new Event('afterprint'));
      await el.updateComplete;
      expect($$(el, '[role="grid"]')).to.have.length(1);
    });

    it('writes schema.org Event JSON-LD into the light DOM with json-ld', async () => {
      const el = await fixture<FkEventCalendar>(html`<fk-event-calendar api=${API} month="2026-07" json-ld></fk-event-calendar>`);
      await loaded(el);
      await el.updateComplete;
      const script = el.querySelector('script[type="application/ld+json"]')!;
      expect(script.textContent).to.not.contain('<');
      const data = JSON.parse(script.textContent!) as { '@type': string; name: string; startDate: string; eventStatus: string }[];
      expect(data[0]).to.include({ '@type': 'Event', startDate: '2026-07-07T08:00:00.000Z', eventStatus: 'https://schema.org/EventScheduled' });
      expect(data[0]!.name).to.contain('<script>');
    });

    it('shows a readable message when "api" is missing', async () => {
      const errors: FkErrorEvent[] = [];
      const el = await fixture<FkEventCalendar>(html`<fk-event-calendar @fk-error=${(e: FkErrorEvent) => errors.push(e)}></fk-event-calendar>`);
      await el.updateComplete;
      expect($(el, '[part~="error"]').textContent).to.contain('Es ist keine Datenquelle angegeben');
      expect(errors[0]!.detail).to.include({ code: 'config', attribute: 'api' });
    });
  });

  describe('faults and hostile data', () => {
    it('shows a server error with a retry button and dispatches fk-error', async () => {
      const errors: FkErrorEvent[] = [];
      const el = await fixture<FkEventCalendar>(html`<fk-event-calendar api=${`${FAULTY}/500/v1`} month="2026-05" @fk-error=${(e: FkErrorEvent) => errors.push(e)}></fk-event-calendar>`);
      const box = await waitFor(el, '[part~="error"]');
      expect(box.textContent).to.contain('Der Server meldet einen Fehler (500).');
      expect(errors[0]!.detail).to.include({ code: 'http', status: 500 });
    });

    it('loads after a retry once the server recovers, and reports malformed answers', async () => {
      const el = await fixture<FkEventCalendar>(html`<fk-event-calendar api=${`${CAL_FAULTS}/recover/${unique()}/v1`} month="2016-11"></fk-event-calendar>`);
      await waitFor(el, '[part~="retry-button"]');
      $(el, '[part~="retry-button"]').click();
      await loaded(el);
      expect(text(el)).to.contain('Jahresvollversammlung');
      const bad = await fixture<FkEventCalendar>(html`<fk-event-calendar api=${`${FAULTY}/malformed/v1`} month="2016-11"></fk-event-calendar>`);
      expect((await waitFor(bad, '[part~="error"]')).textContent).to.contain('Der Server hat unerwartete Daten geliefert.');
    });

    it('keeps the month visible when a refresh fails', async () => {
      const el = await fixture<FkEventCalendar>(html`<fk-event-calendar api=${`${CAL_FAULTS}/flip/${unique()}/v1`} month="2016-11"></fk-event-calendar>`);
      await loaded(el);
      await el.refresh();
      await waitFor(el, '[part~="stale-notice"]');
      expect(text(el)).to.contain('Jahresvollversammlung');
      await expect(el).to.be.accessible();
    });

    it('renders hostile strings in every field as text', async () => {
      const w = window as { __xss?: number };
      const el = await calendar('2026-07');
      const chip = chips(el, '2026-07-07')[0]!;
      expect(chip.textContent).to.contain('<script>window.__xss=1</script>');
      chip.click();
      await waitUntil(() => dialog(el).open);
      const d = dialog(el);
      expect(d.textContent).to.contain('Ort <img src=x');
      expect(d.textContent).to.contain('Straße <img');
      expect(d.querySelectorAll('img, script')).to.have.length(0);
      expect(el.shadowRoot!.querySelectorAll('img, script')).to.have.length(0);
      for (const a of d.querySelectorAll('a')) expect(a.protocol).to.match(/^https?:$/);
      await expect(el).to.be.accessible();
      await new Promise((r) => setTimeout(r, 50));
      expect(w.__xss).to.equal(undefined);
      d.close();
    });

    it('survives two copies of the bundle on one page: no error, one warning', async () => {
      const frame = await fixture<HTMLIFrameElement>(html`<iframe src="/__cal/two-copies.html" title="Two copies" style="width:1000px"></iframe>`);
      const win = () => frame.contentWindow as (Window & { __warnings?: string[]; __errors?: string[] }) | null;
      await waitUntil(() => win()?.document.querySelector('fk-event-calendar')?.shadowRoot?.querySelector('[data-key="messe"]'), 'two-copies calendar', { timeout: 15_000 });
      await waitUntil(() => frame.contentDocument?.readyState === 'complete', 'two-copies page complete', { timeout: 15_000 });
      expect(win()!.__errors).to.deep.equal([]);
      expect(win()!.__warnings!.filter((w) => w.includes('already defined')), JSON.stringify(win()!.__warnings)).to.have.length(1);
      // The element of the first copy works: the details open (their code is a lazily loaded chunk).
      const el = win()!.document.querySelector('fk-event-calendar')!;
      (el.shadowRoot!.querySelector('[data-key="messe"]') as HTMLElement).click();
      await waitUntil(() => (el.shadowRoot!.querySelector('dialog') as HTMLDialogElement).open, 'dialog in the two-copies page');
      expect(win()!.__errors).to.deep.equal([]);
    });

    it('keeps its layout on a hostile page, with the dialog above a z-index 1000 element', async () => {
      const style = document.createElement('style');
      style.textContent = `html { font-size: 10px !important; } * { box-sizing: content-box !important; margin: 0; padding: 0; border: 0; line-height: 0.8; letter-spacing: 0.3em; text-transform: uppercase; }
        button, dialog { all: unset; } .hostile { transform: translateX(0) rotate(0.001deg); font-size: 16px; width: 1000px; }
        .overlay { position: fixed; inset: 0; z-index: 1000; background: rgb(255 0 0 / 0.2); pointer-events: none; }
        .lid { position: relative; z-index: 1000; height: 10px; }`;
      document.head.append(style);
      try {
        const wrapper = await fixture(html`<div class="hostile"><div class="lid"></div><div class="overlay"></div><fk-event-calendar api=${API} month="2026-05"></fk-event-calendar></div>`);
        const el = wrapper.querySelector('fk-event-calendar')!;
        await loaded(el);
        expect(parseFloat(getComputedStyle($(el, '.root')).fontSize)).to.equal(16);
        expect(getComputedStyle($(el, '.day')).boxSizing).to.equal('border-box');
        expect(getComputedStyle($(el, '.ev')).textTransform).to.equal('none');
        expect($(el, '[aria-label="Nächster Monat"]').getBoundingClientRect().height).to.be.at.least(44);
        // Seven columns fill the widget, none overflows it.
        const days = $$(el, '[role="row"]:nth-child(2) [role="gridcell"]');
        expect(days).to.have.length(7);
        expect(days[6]!.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
        const chip = chips(el, '2026-05-22')[0]!;
        chip.click();
        await waitUntil(() => dialog(el).open);
        // The dialog is in the top layer: the page's z-index 1000 overlay does not cover it.
        const close = dialog(el).querySelector<HTMLElement>('.close')!;
        const r = close.getBoundingClientRect();
        expect(r.height).to.be.at.least(44);
        expect(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)).to.equal(el);
        expect(el.shadowRoot!.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)).to.equal(close);
        await expect(el).to.be.accessible();
        dialog(el).close();
      } finally {
        style.remove();
      }
    });

    it('runs on a strict-CSP page without a single violation', async () => {
      const frame = document.createElement('iframe');
      frame.src = '/__cal/csp.html';
      frame.style.width = '1000px';
      document.body.append(frame);
      try {
        const win = () => frame.contentWindow as (Window & { __violations?: string[]; __errors?: string[] }) | null;
        await waitUntil(() => frame.contentDocument?.querySelector('fk-event-calendar')?.shadowRoot?.querySelector('[data-key="messe"]'), 'calendar in CSP page', { timeout: 15_000 });
        expect(win()!.__violations).to.deep.equal([]);
        expect(win()!.__errors).to.deep.equal([]);
        expect(frame.contentDocument!.querySelector('script[type="application/ld+json"]')).to.exist;
      } finally {
        frame.remove();
      }
    });
  });
});
