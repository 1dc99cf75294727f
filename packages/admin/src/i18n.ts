/**
 * Languages of the app: German first, English complete. Every text is written as a pair where it
 * is used (`L('Speichern', 'Save')`), so that no English text can be missing; the language is
 * switched in the header and kept for the tab (sessionStorage).
 */
export type Lang = 'de' | 'en';

let current: Lang = 'de';

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}
export const lang = (): Lang => current;

/** The text in the current language. */
export const L = (de: string, en: string): string => (current === 'de' ? de : en);

/** The locale for Intl. */
export const locale = (): string => (current === 'de' ? 'de-DE' : 'en-GB');

export const TZ = 'Europe/Berlin';

/** A date-time as people read it, in Berlin time: "Di., 4. März 2027, 17:00". */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: TZ }).format(new Date(iso));
}

/** A date (`2027-03-04`, or a date-time) as people read it, with the weekday. */
export function formatDate(value: string, withWeekday = true): string {
  if (/^\d{4}-\d{2}$/.test(value)) {
    const [y, m] = value.split('-').map(Number);
    return new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, 1));
  }
  const ms = value.length === 10 ? Date.parse(`${value}T12:00:00Z`) : Date.parse(value);
  return new Intl.DateTimeFormat(locale(), { ...(withWeekday ? { weekday: 'short' } : {}), day: 'numeric', month: 'long', year: 'numeric', timeZone: value.length === 10 ? 'UTC' : TZ }).format(ms);
}

export const formatTime = (iso: string): string =>
  new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', timeZone: TZ }).format(new Date(iso));

/** The words of a status, as the calendar widget shows them. */
export function statusLabel(status: string): string {
  switch (status) {
    case 'cancelled': return L('abgesagt', 'cancelled');
    case 'postponed': return L('verschoben', 'postponed');
    case 'rescheduled': return L('verlegt', 'rescheduled');
    default: return L('findet statt', 'scheduled');
  }
}

export const CATEGORY_LABELS: Record<string, [string, string]> = {
  vollversammlung: ['Vollversammlung', 'General assembly'],
  berufsorientierung: ['Berufsorientierung', 'Career guidance'],
  informationsveranstaltung: ['Informationsveranstaltung', 'Information event'],
  netzwerktreffen: ['Netzwerktreffen', 'Networking meeting'],
  konferenz: ['Konferenz', 'Conference'],
  unterzeichnung: ['Unterzeichnung', 'Signing'],
  workshop: ['Workshop', 'Workshop'],
  messe: ['Messe', 'Fair'],
  sonstige: ['Sonstige', 'Other'],
};

export const ORG_TYPE_LABELS: Record<string, [string, string]> = {
  landkreis: ['Landkreis', 'District'],
  gemeinde: ['Stadt/Gemeinde', 'Town/municipality'],
  arbeitsagentur: ['Agentur für Arbeit', 'Employment agency'],
  jobcenter: ['Jobcenter', 'Jobcentre'],
  ihk: ['IHK', 'Chamber of commerce (IHK)'],
  handwerkskammer: ['Handwerkskammer', 'Chamber of crafts'],
  kreishandwerkerschaft: ['Kreishandwerkerschaft', 'District crafts association'],
  gewerkschaft: ['Gewerkschaft', 'Trade union'],
  verband: ['Arbeitgeber-/Branchenverband', 'Employers’/industry association'],
  wirtschaftsfoerderung: ['Wirtschaftsförderung', 'Economic development agency'],
  berufsschule: ['berufliche Schule', 'Vocational school'],
  schulamt: ['Schulamt', 'School authority'],
  hochschule: ['Hochschule', 'University'],
  bildungsregion: ['Bildungsregion', 'Education region'],
  schulewirtschaft: ['Arbeitskreis SchuleWirtschaft', 'SchoolBusiness working group'],
  unternehmen: ['Unternehmen', 'Company'],
  landesbehoerde: ['Landesbehörde/Ministerium', 'State authority/ministry'],
  sonstige: ['Sonstige', 'Other'],
};

export const ROLE_LABELS: Record<string, [string, string]> = {
  founding: ['Gründungsmitglied', 'Founding member'],
  lead: ['federführend', 'Lead'],
  member: ['Mitglied', 'Member'],
};

export const pair = (p: [string, string] | undefined, fallback: string): string => (p ? L(p[0], p[1]) : fallback);
