import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Event } from '@fachkraefte/schema';
import { $, $$, deepActive, text } from '../../../test/helpers.js';
import './event-preview.js';
import type { FkEventPreview } from './event-preview.js';

/** An event as the API returns it; the preview gets drafts of this shape. */
function draft(over: Partial<Event> = {}): Event {
  return {
    id: 'entwurf', title: 'Ausbildungsabend Lörrach', summary: 'Betriebe stellen sich vor.', description: null,
    start: '2031-03-04T17:00:00+01:00', end: '2031-03-04T19:30:00+01:00', allDay: false, timeZone: 'Europe/Berlin',
    venue: { name: 'Landratsamt Lörrach', address: { streetAddress: 'Palmstraße 3', postalCode: '79539', locality: 'Lörrach', countryCode: 'DE' }, position: null },
    onlineUrl: null, registrationUrl: 'https://example.org/anmeldung', categories: ['berufsorientierung', 'messe'],
    status: 'scheduled', recurrence: null, alliances: ['fachkraefteallianz-suedwest'], organisers: [], fictitious: true,
    ...over,
  } as Event;
}

async function preview(events: Event[], lang = 'de'): Promise<FkEventPreview> {
  const el = await fixture<FkEventPreview>(html`<fk-event-preview lang=${lang} .events=${events}
    .labels=${{ 'fachkraefteallianz-suedwest': 'Fachkräfteallianz Südwest' }}><p slot="list-caption">In der Liste:</p></fk-event-preview>`);
  await waitUntil(() => el.shadowRoot?.querySelector('.root'), 'preview rendered');
  await el.updateComplete;
  return el;
}

describe('<fk-event-preview>', () => {
  it('passes axe, with the list entry and the details of a draft', async () => {
    const el = await preview([draft()]);
    await expect(el).to.be.accessible();
  });

  it('shows date, time, venue, categories and organiser as the calendar does, without a request', async () => {
    const before = performance.getEntriesByType('resource').length;
    const el = await preview([draft()]);
    const list = $(el, '[part~="entry"]');
    expect(list.querySelector('.day-title')!.textContent).to.equal('Dienstag, 4. März 2031');
    expect(list.querySelector('.when')!.textContent!.trim()).to.equal('17:00–19:30 Uhr');
    expect(list.textContent).to.contain('Landratsamt Lörrach, Lörrach');
    const details = $(el, '[part~="details"]');
    expect(details.textContent).to.contain('Berufsorientierung, Messe');
    expect(details.textContent).to.contain('Fachkräfteallianz Südwest');
    expect(details.textContent).to.contain('Palmstraße 3');
    // The registration link, as in the dialog; no .ics download: the event has no URL yet.
    expect([...details.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/anmeldung']);
    // The slotted caption is projected.
    expect(($(el, 'slot[name="list-caption"]') as HTMLSlotElement).assignedElements()).to.have.length(1);
    // Nothing was fetched: no API, not even the page's meta element would be used.
    await new Promise((r) => setTimeout(r, 300));
    const requests = performance.getEntriesByType('resource').slice(before).map((e) => e.name).filter((n) => !/\.(ts|js|mjs)(\?|$)/.test(n));
    expect(requests).to.deep.equal([]);
  });

  it('ignores a page-wide API meta element: a preview never asks a server', async () => {
    const meta = document.createElement('meta');
    meta.name = 'fachkraefte:api';
    meta.content = 'http://127.0.0.1:9/v1';
    document.head.append(meta);
    try {
      const before = performance.getEntriesByType('resource').length;
      const el = await preview([draft()]);
      await new Promise((r) => setTimeout(r, 300));
      expect(performance.getEntriesByType('resource').slice(before).filter((e) => e.name.includes('127.0.0.1:9'))).to.have.length(0);
      expect(text(el)).to.contain('Ausbildungsabend Lörrach');
      expect($$(el, '[part~="error"]')).to.have.length(0);
    } finally {
      meta.remove();
    }
  });

  it('marks a cancelled event and a rescheduled one with its former date, in German and English', async () => {
    const cancelled = await preview([draft({ status: 'cancelled' })]);
    expect($(cancelled, '[part~="entry"] [part~="status"]').textContent).to.equal('abgesagt');
    const moved = await preview([draft({ status: 'rescheduled', previousStart: '2031-02-25T17:00:00+01:00' })]);
    expect($(moved, '[part~="entry"] [part~="status"]').textContent).to.equal('verschoben vom 25. Februar');
    const postponed = await preview([draft({ status: 'postponed' })], 'en');
    await waitUntil(() => text(postponed).includes('postponed'), 'English texts loaded');
    expect($(postponed, '[part~="details"]').textContent).to.contain('Career guidance, Fair');
    await expect(postponed).to.be.accessible();
  });

  it('shows an online event, an all-day event over several days, and the next dates of a series', async () => {
    const online = await preview([draft({ venue: null, onlineUrl: 'https://meet.example.org/abc' })]);
    expect($(online, '[part~="entry"]').textContent).to.contain('Online teilnehmen');
    expect($(online, '[part~="details"] a').getAttribute('href')).to.equal('https://meet.example.org/abc');
    const days = await preview([draft({ allDay: true, start: '2031-05-06', end: '2031-05-08' })]);
    expect($(days, '[part~="entry"] .when').textContent).to.match(/6\.[\s–-]+8\. Mai 2031/);
    const series = await preview([draft({ recurrence: { rrule: 'FREQ=WEEKLY;COUNT=5', exdates: ['2031-03-11'] } })]);
    const dates = $$(series, '[part~="entry"] .day-title').map((d) => d.textContent);
    expect(dates).to.deep.equal(['Dienstag, 4. März 2031', 'Dienstag, 18. März 2031', 'Dienstag, 25. März 2031']);
  });

  it('says so when there is nothing to show, and moves focus to the details on a title click', async () => {
    const empty = await preview([]);
    expect($(empty, '[part~="empty"]').textContent).to.not.equal('');
    const el = await preview([draft()]);
    ($(el, '[part~="entry"] [data-key]')).click();
    expect(deepActive()).to.equal($(el, '[part~="details"]'));
  });
});
