import { expect } from '@open-wc/testing';
import { resolveApiBase, matchLocale } from './config.js';
import { defineElement } from './define.js';
import { formatPartialDate } from '../components/alliance-directory/partial-date.js';
import { serializeJsonLd } from './json-ld.js';
import { mailtoHref, safeHttpUrl, telHref } from './safe-url.js';
import { buildIndex, fold, search, sortByText } from './search.js';
import { readHash, writeHash } from '../components/alliance-directory/hash-state.js';
import { hashWith } from './hash.js';
import { loadTranslation, translation } from '../translations/catalog.js';

describe('internal helpers', () => {
  it('hashWith changes only the given keys and keeps anchors and other widgets\' keys as written', () => {
    expect(hashWith('#kontakt&fk-q=ihk', { 'fk-cal-month': '2026-10', 'fk-cal-q': '' })).to.equal('#kontakt&fk-q=ihk&fk-cal-month=2026-10');
    expect(hashWith('#kontakt&fk-cal-month=2026-10', { 'fk-cal-month': '2026-11' })).to.equal('#kontakt&fk-cal-month=2026-11');
    expect(hashWith('#fk-cal-month=2026-10', { 'fk-cal-month': null })).to.equal('');
    expect(hashWith('', { 'fk-cal-q': 'Lörrach & Waldshut' })).to.equal('#fk-cal-q=L%C3%B6rrach+%26+Waldshut');
  });

  it('safeHttpUrl accepts http(s) only', () => {
    expect(safeHttpUrl('https://www.loerrach-landkreis.de/')).to.equal('https://www.loerrach-landkreis.de/');
    for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,<b>', '/relative', 'vbscript:x', '', null]) {
      expect(safeHttpUrl(bad), String(bad)).to.equal(null);
    }
    expect(mailtoHref('a@b.de?cc=x@y.de')).to.equal(null);
    expect(mailtoHref('edmund.rohde@arl-lw.niedersachsen.de')).to.equal('mailto:edmund.rohde@arl-lw.niedersachsen.de');
    expect(telHref('+49 (0)7621 410-0')).to.equal('tel:+49076214100');
    expect(telHref('javascript:1')).to.equal(null);
  });

  it('formats partial dates as given', async () => {
    await loadTranslation('en');
    const de = translation('de');
    const en = translation('en');
    expect(formatPartialDate('2013', de)).to.equal('2013');
    expect(formatPartialDate('2013-04', de)).to.equal('April 2013');
    expect(formatPartialDate('2016-11-30', de)).to.equal('30. November 2016');
    expect(formatPartialDate('2016-11-30', en)).to.equal('30 November 2016');
    expect(formatPartialDate('kein Datum', de)).to.equal('kein Datum');
    // Parts out of range (data the SDK would have refused) are shown as given, not as a wrong month.
    for (const odd of ['2013-13', '2013-00', '2013-04-00', '2013-04-32', '<b>2013</b>']) expect(formatPartialDate(odd, de)).to.equal(odd);
    expect(formatPartialDate('2013-04', en)).to.equal('April 2013');
    expect(formatPartialDate('2016-03-01', de)).to.equal('1. März 2016');
    // The same as Intl says, for every month in both languages.
    for (let m = 1; m <= 12; m++) {
      const d = new Date(Date.UTC(2020, m - 1, 9));
      for (const t of [de, en]) {
        const intl = new Intl.DateTimeFormat(t.locale, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(d);
        expect(formatPartialDate(`2020-${String(m).padStart(2, '0')}-09`, t)).to.equal(intl);
      }
    }
  });

  it('searches accent- and case-insensitively, every word', () => {
    expect(fold('Lörrach Straße')).to.equal('lorrach strasse');
    const index = buildIndex(['Landkreis Lörrach', 'Landkreis Waldshut', 'IHK Hochrhein-Bodensee'], (s) => [s]);
    expect(search(index, 'LORR')).to.deep.equal(['Landkreis Lörrach']);
    expect(search(index, 'landkreis wald')).to.deep.equal(['Landkreis Waldshut']);
    expect(search(index, '  ')).to.have.length(3);
  });

  it('resolves the API base from the attribute, else the meta element', () => {
    expect(resolveApiBase('https://daten.example.de/v1/')).to.deep.equal({ ok: true, url: 'https://daten.example.de/v1' });
    expect(resolveApiBase('/v1')).to.deep.equal({ ok: true, url: `${location.origin}/v1` });
    expect(resolveApiBase('ftp://x')).to.deep.include({ ok: false, reason: 'invalid' });
    expect(resolveApiBase('')).to.deep.include({ ok: false, reason: 'missing' });
    expect(matchLocale('de-AT')).to.equal('de');
    expect(matchLocale('EN_gb')).to.equal('en');
    expect(matchLocale('fr')).to.equal(null);
  });

  it('escapes JSON-LD so data cannot close the script block', () => {
    const out = serializeJsonLd({ name: '</script><script>alert(1)</script>&' });
    expect(out).to.not.match(/[<>&]/);
    expect(JSON.parse(out).name).to.equal('</script><script>alert(1)</script>&');
  });

  it('reads the hash state and ignores plain anchors and bad slugs', () => {
    expect(readHash('#kontakt')).to.deep.equal({ alliance: null, q: '', state: '', kind: '' });
    expect(readHash('#fk-alliance=fachkraefteallianz-suedwest&fk-q=ihk').alliance).to.equal('fachkraefteallianz-suedwest');
    expect(readHash('#fk-alliance=<script>').alliance).to.equal(null);
  });

  it('has German at once and loads another catalog on demand, once', async () => {
    expect(loadTranslation('de')).to.equal(undefined);
    expect(translation('de').locale).to.equal('de-DE');
    const first = loadTranslation('en');
    if (first) {
      expect(loadTranslation('en')).to.equal(first);
      await first;
    }
    expect(loadTranslation('en')).to.equal(undefined);
    expect(translation('en').locale).to.equal('en-GB');
    expect(translation('en').errors['not-found']).to.equal('This entry was not found.');
  });

  it('writes the hash state and leaves the URL alone when nothing changes', () => {
    const page = location.pathname + location.search;
    try {
      writeHash({ alliance: 'fachkraefteallianz-suedwest', q: 'ihk', state: '', kind: 'district' }, 'replace');
      expect(location.hash).to.equal('#fk-alliance=fachkraefteallianz-suedwest&fk-q=ihk&fk-kind=district');
      expect(readHash(location.hash)).to.deep.equal({ alliance: 'fachkraefteallianz-suedwest', q: 'ihk', state: '', kind: 'district' });
      const length = history.length;
      writeHash(readHash(location.hash), 'push');
      expect(history.length).to.equal(length);
      writeHash({ alliance: null, q: '', state: '', kind: '' }, 'replace');
      expect(location.href).to.equal(location.origin + page);
    } finally {
      history.replaceState(null, '', page);
    }
  });

  it('defines a tag once, never throws, and warns once for a second class', () => {
    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class A extends HTMLElement {}
      class B extends HTMLElement {}
      defineElement('fk-test-define', A);
      expect(() => defineElement('fk-test-define', B)).to.not.throw();
      expect(() => defineElement('fk-test-define', B)).to.not.throw();
      expect(customElements.get('fk-test-define')).to.equal(A);
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});

describe('sortByText', () => {
  it('orders names as a German collator does, without building one', () => {
    const names = ['Zell', 'Öhringen', 'Ost', 'Apfel', 'Äpfel', 'Straße', 'Strasse', 'Stuttgart', 'agentur', 'Ärzte', 'Baden', 'Ölmühle'];
    const collator = new Intl.Collator('de');
    const sorted = sortByText(names, (s) => s);
    expect(sorted.map(fold)).to.deep.equal([...names].sort(collator.compare).map(fold));
    // Every name kept once, the input untouched.
    expect([...sorted].sort()).to.deep.equal([...names].sort());
    expect(names[0]).to.equal('Zell');
  });

  it('formats counts with digit groups as Intl does, without loading it', async () => {
    const de = translation('de');
    await loadTranslation('en');
    const en = translation('en');
    expect(en.locale).to.equal('en-GB');
    for (const x of [0, 7, 999, 1000, 12345, 1234567]) {
      expect(de.directory.resultCount(x, x)).to.contain(x.toLocaleString('de-DE'));
      expect(en.directory.resultCount(x, x)).to.contain(x.toLocaleString('en-GB'));
    }
  });
});
