import { isApiError, isNetworkError, isTimeoutError } from '@fachkraefte/sdk';
import { L, lang } from './i18n.js';
import { germanDetail, germanField, knownDetail } from './server-text.js';

/** What went wrong, in the terms the app shows it. */
export interface Trouble {
  kind: 'offline' | 'auth' | 'forbidden' | 'conflict' | 'rate' | 'invalid' | 'notfound' | 'server';
  /** A sentence for the person: what happened and what to do. */
  message: string;
  /** Field errors by field name (`title`, `venue.address.locality`), from `errors[].parameter`. */
  fields: Record<string, string>;
  /** Errors the form has no field for. */
  other: string[];
}

/** `body.venue.address.locality` → `venue.address.locality`; `body` → '' (the whole body). */
const fieldOf = (parameter: string) => parameter.replace(/^body\.?/, '').replace(/\[\d+\]$/, '');

/**
 * Turns any failure of a request into a {@link Trouble}. `known` lists the field names the form
 * shows; errors naming other parameters are listed apart.
 */
export function trouble(error: unknown, known: readonly string[] = []): Trouble {
  const t: Trouble = { kind: 'server', message: '', fields: {}, other: [] };
  if (isNetworkError(error) || isTimeoutError(error) || (typeof navigator !== 'undefined' && !navigator.onLine)) {
    t.kind = 'offline';
    t.message = L(
      'Der Server ist nicht erreichbar (keine Verbindung oder der Server ist aus). Ihre Eingaben bleiben erhalten – versuchen Sie es gleich noch einmal.',
      'The server cannot be reached (no connection, or the server is down). What you typed is kept – try again in a moment.',
    );
    return t;
  }
  if (!isApiError(error)) {
    t.message = L(`Unerwarteter Fehler: ${String((error as Error)?.message ?? error)}`, `Unexpected error: ${String((error as Error)?.message ?? error)}`);
    return t;
  }
  const raw = error.problem?.detail ?? error.problem?.title ?? '';
  // The server speaks English; the German app shows the sentences it knows in German (server-text.ts).
  const de = lang() === 'de';
  const detail = de ? germanDetail(raw) : raw;
  // A refusal the app can word itself is said plainly; any other is quoted as the server wrote it.
  const said = de && knownDetail(raw) ? ` ${detail}` : L(` Der Server sagt: „${raw}“`, ` The server says: “${raw}”`);
  for (const e of error.problem?.errors ?? []) {
    const name = fieldOf(e.parameter);
    const message = de ? germanField(e.message) : e.message;
    if (known.includes(name)) t.fields[name] ??= message;
    else t.other.push(`${e.parameter.replace(/^body\.?/, '') || L('Inhalt', 'content')}: ${message}`);
  }
  switch (error.status) {
    case 400:
    case 413:
    case 415:
      t.kind = 'invalid';
      t.message = L('Bitte prüfen Sie die markierten Angaben.', 'Please check the marked fields.');
      if (!error.problem?.errors?.length && detail) t.other.push(detail);
      break;
    case 401:
      t.kind = 'auth';
      t.message = L('Ihr Schlüssel gilt nicht mehr (widerrufen oder unbekannt). Bitte melden Sie sich neu an.', 'Your key is no longer valid (revoked or unknown). Please sign in again.');
      break;
    case 403:
      t.kind = 'forbidden';
      t.message = L(`Nicht erlaubt.${said}`, `Not allowed.${said}`);
      break;
    case 404:
      t.kind = 'notfound';
      t.message = L(`Nicht gefunden – vielleicht wurde es gerade gelöscht. (${detail})`, `Not found – perhaps it was just deleted. (${detail})`);
      break;
    case 409:
      t.kind = 'conflict';
      t.message = L(`Konflikt: Das gibt es schon oder es wurde gerade anders geändert. (${detail})`, `Conflict: this exists already or was just changed elsewhere. (${detail})`);
      break;
    case 429: {
      t.kind = 'rate';
      const seconds = /(\d+)\s*s\b/.exec(raw)?.[1];
      t.message = seconds
        ? L(`Zu viele Änderungen in kurzer Zeit. Bitte warten Sie ${seconds} Sekunden und speichern Sie dann erneut; Ihre Eingaben bleiben erhalten.`, `Too many changes in a short time. Please wait ${seconds} seconds, then save again; what you typed is kept.`)
        : L('Zu viele Änderungen in kurzer Zeit. Bitte warten Sie einen Moment.', 'Too many changes in a short time. Please wait a moment.');
      break;
    }
    default:
      t.message = L(`Der Server hat einen Fehler gemeldet (${error.status}). Ihre Eingaben bleiben erhalten.`, `The server reported an error (${error.status}). What you typed is kept.`);
  }
  return t;
}

/** When a change reaches the municipalities' pages: max-age 60 s + stale-while-revalidate 60 s. */
export function freshnessNote(now = new Date()): string {
  const by = new Intl.DateTimeFormat(L('de-DE', 'en-GB'), { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(new Date(now.getTime() + 120_000));
  return L(
    `Gespeichert. Auf den Seiten der Kommunen ist die Änderung spätestens in 2 Minuten zu sehen (gegen ${by} Uhr).`,
    `Saved. The municipalities’ pages show the change within 2 minutes (by about ${by}).`,
  );
}
