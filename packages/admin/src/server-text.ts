/**
 * The server's problem details in German. The API writes `detail` and `errors[].message` in
 * English; their wording is stable (zod issues through `formatIssues` in @fachkraefte/schema, the
 * schema's own checks, the routes' refusals), so the German app translates the known sentences by
 * their shape. Anything not recognised is shown as the server wrote it: never hidden, never guessed.
 *
 * Values the server quotes (slugs, ids, numbers, allowed values) are carried over unchanged.
 */

type Rule = [RegExp, (...groups: string[]) => string];

const TYPES: Record<string, string> = {
  string: 'Text', number: 'Zahl', boolean: 'ja/nein', object: 'Objekt', array: 'Liste', null: 'nichts (null)',
  undefined: 'nichts', integer: 'ganze Zahl', int: 'ganze Zahl', bigint: 'ganze Zahl', date: 'Datum',
};
const type = (t: string) => TYPES[t] ?? t;
/** `"a"` → `„a“`: German quotation marks around the values the server quotes. */
const quotes = (s: string) => s.replace(/"([^"]*)"/g, '„$1“');
const FORMATS: Record<string, string> = {
  url: 'eine gültige Internetadresse (URL)', email: 'eine gültige E-Mail-Adresse', uuid: 'eine gültige UUID', regex: 'ein gültiges Muster',
};

/** Why the recurrence parser refuses a part of a rule (`RRULE BYDAY=XY <why>`). */
const RRULE_WHY: [RegExp, string][] = [
  [/^is not supported$/, 'wird nicht unterstützt'],
  [/^is out of range$/, 'liegt außerhalb des erlaubten Bereichs'],
  [/^is given twice$/, 'ist doppelt angegeben'],
  [/^is not a date or date-time$/, 'ist kein Datum'],
  [/^is not a weekday such as (.+) or (.+)$/, 'ist kein Wochentag wie $1 oder $2'],
  [/^must be (.+) or (\w+)$/, 'muss $1 oder $2 sein'],
  [/^has ordinals, which (FREQ=\w+) does not allow$/, 'hat Ordnungszahlen, die $1 nicht erlaubt'],
  [/^and UNTIL exclude each other$/, 'und UNTIL schließen einander aus'],
  [/^is supported with FREQ=MONTHLY or YEARLY and BYDAY only$/, 'geht nur mit FREQ=MONTHLY oder YEARLY und BYDAY'],
];

/** Field messages (`errors[].message`), in the order the shapes are tried. */
const FIELD_RULES: Rule[] = [
  // The schema's own checks (packages/schema/src/common.ts, event.ts).
  [/^must not be empty$/, () => 'darf nicht leer sein'],
  [/^must not start or end with white space$/, () => 'darf nicht mit Leerzeichen beginnen oder enden'],
  [/^must not be before start$/, () => 'darf nicht vor dem Beginn liegen'],
  [/^must differ from start \(the new date\)$/, () => 'muss sich vom Beginn (dem neuen Datum) unterscheiden'],
  [/^expected an absolute http\(s\) URL$/, () => 'erwartet wird eine vollständige Internetadresse (URL), die mit https:// oder http:// beginnt'],
  [/^expected an e-mail address$/, () => 'erwartet wird eine E-Mail-Adresse'],
  [/^expected a phone number \(digits, spaces, \+ - \/ \( \)\)$/, () => 'erwartet wird eine Telefonnummer (Ziffern, Leerzeichen, + - / ( ))'],
  [/^expected a five-digit postal code$/, () => 'erwartet wird eine fünfstellige Postleitzahl'],
  [/^expected a slug: lower-case letters, digits and single hyphens$/, () => 'erwartet wird ein Kürzel aus Kleinbuchstaben, Ziffern und einzelnen Bindestrichen'],
  [/^expected an RFC 5545 RRULE value such as (.+)$/, (x) => `erwartet wird eine Wiederholungsregel (RRULE nach RFC 5545), etwa ${x}`],
  [/^expected a date \(YYYY-MM-DD, or YYYY-MM where only the month is known\) for an all-day event$/, () => 'ein ganztägiger Termin braucht ein Datum (TT.MM.JJJJ; oder nur den Monat, wenn der Tag noch offen ist)'],
  [/^expected a date \(YYYY-MM-DD\) for an all-day event$/, () => 'ein ganztägiger Termin braucht ein Datum'],
  [/^expected a date \(YYYY-MM-DD, or YYYY-MM\) like start, as the event is all-day$/, () => 'erwartet wird ein Datum wie beim Beginn, denn der Termin ist ganztägig'],
  [/^expected an ISO 8601 date-time with offset like start$/, () => 'erwartet wird ein Zeitpunkt mit Uhrzeit wie beim Beginn'],
  [/^only a rescheduled event has one \(status is "([^"]*)"\): send null, or status "rescheduled"$/, (s) => `nur ein verlegter Termin hat ein früheres Datum (Status ist „${s}“)`],
  [/^the alliance "([^"]*)" does not exist$/, (s) => `die Allianz „${s}“ gibt es nicht`],
  // The recurrence rule (packages/schema/src/event.ts, rrule.ts's parser).
  [/^FREQ must be YEARLY, MONTHLY, WEEKLY or DAILY$/, () => 'FREQ muss YEARLY, MONTHLY, WEEKLY oder DAILY sein (jährlich, monatlich, wöchentlich, täglich)'],
  [/^RRULE (\S+?=\S*) (.+)$/, (part, why) => {
    const de = RRULE_WHY.find(([re]) => re.test(why));
    return de ? `RRULE ${part}: ${why.replace(de[0], de[1])}` : `RRULE ${part} ${why}`;
  }],
  // The request itself (packages/server/src/http/body.ts).
  [/^is not valid JSON$/, () => 'ist kein gültiges JSON'],
  [/^is empty$/, () => 'ist leer'],
  [/^must not contain a NUL character$/, () => 'darf kein NUL-Zeichen enthalten'],
  [/^is nested more than (\d+) levels deep$/, (n) => `ist tiefer als ${n} Ebenen verschachtelt`],
  [/^may be changed by an admin key only$/, () => 'darf nur mit einem Admin-Schlüssel geändert werden'],
  [/^is taken$/, () => 'ist schon vergeben'],
  [/^must not be before from$/, () => 'darf nicht vor „von“ liegen'],
  // zod's issue codes as formatIssues words them (packages/schema/src/format-issues.ts).
  [/^is not a known field$/, () => 'ist kein bekanntes Feld'],
  [/^expected an ISO 8601 date-time with offset$/, () => 'erwartet wird ein Zeitpunkt mit Datum, Uhrzeit und Zeitzone (ISO 8601)'],
  [/^expected an ISO 8601 date-time$/, () => 'erwartet wird ein Zeitpunkt mit Datum und Uhrzeit (ISO 8601)'],
  [/^expected a date \(YYYY-MM-DD\)$/, () => 'erwartet wird ein Datum (JJJJ-MM-TT)'],
  [/^expected a valid (\w+)$/, (f) => `erwartet wird ${FORMATS[f] ?? `ein gültiger Wert (${f})`}`],
  [/^expected (\w+), got (\w+)$/, (e, g) => `erwartet wird ${type(e)}, gesendet wurde ${type(g)}`],
  [/^expected one of (.+)$/, (v) => `erlaubt sind nur: ${quotes(v).replace(/, …$/, ' …')}`],
  [/^expected ("[^"]*"|\S+)$/, (v) => (v.startsWith('"') ? `erlaubt ist nur ${quotes(v)}` : `erwartet wird ${type(v)}`)],
  [/^must be at least (\d+) characters$/, (n) => `muss mindestens ${n} Zeichen lang sein`],
  [/^must be at most (\d+) characters$/, (n) => `darf höchstens ${n} Zeichen lang sein`],
  [/^must have at least (\d+) items$/, (n) => `braucht mindestens ${n} Einträge`],
  [/^must have at most (\d+) items$/, (n) => `darf höchstens ${n} Einträge haben`],
  [/^must be (≥|>|≤|<) (.+)$/, (op, n) => `muss ${op} ${n} sein`],
  [/^has none of the accepted forms$/, () => 'hat keine der erlaubten Formen'],
  [/^must be a multiple of (.+)$/, (n) => `muss ein Vielfaches von ${n} sein`],
  [/^is not valid$/, () => 'ist ungültig'],
];

/** `"a", "b"` as the server lists alliances → `„a“, „b“`. */
const list = (s: string) => quotes(s);

/** Whole-request sentences (`detail`) of the refusals and conflicts (packages/server/src). */
const DETAIL_RULES: Rule[] = [
  [/^The event "([^"]*)" also belongs to (.+): a key of "([^"]*)" may only add or remove its own alliance \(co-organise or withdraw\), and change nothing else of it\.$/,
    (id, others, own) => `Der Termin „${id}“ gehört auch ${list(others)}. Ein Schlüssel von „${own}“ darf dort nur die eigene Allianz hinzufügen oder entfernen (mitveranstalten oder sich zurückziehen) und sonst nichts ändern – auch keine anderen Allianzen eintragen.`],
  [/^A key of "([^"]*)" may not create events in the calendar of (.+)\. Create it for "([^"]*)"; the other alliances can then add themselves as co-organisers\.$/,
    (own, others) => `Ein Schlüssel von „${own}“ darf keine Termine im Kalender von ${list(others)} anlegen. Legen Sie den Termin für Ihre Allianz an; die anderen Allianzen können sich dann selbst als Mitveranstalter eintragen.`],
  [/^The event "([^"]*)" also belongs to (.+): a key of "([^"]*)" may not delete it\. Withdraw instead .*$/,
    (id, others, own) => `Der Termin „${id}“ gehört auch ${list(others)}: Ein Schlüssel von „${own}“ darf ihn nicht löschen. Ziehen Sie stattdessen Ihre Allianz zurück.`],
  [/^The API key is scoped to the alliance "([^"]*)" and may not change the event "([^"]*)" of (.+)\.$/,
    (own, id, others) => `Der Schlüssel gilt für die Allianz „${own}“ und darf den Termin „${id}“ von ${list(others)} nicht ändern.`],
  [/^The API key is scoped to the alliance "([^"]*)" and may not change (.+)\.$/,
    (own, what) => `Der Schlüssel gilt für die Allianz „${own}“ und darf ${quotes(what)} nicht ändern.`],
  [/^Only an admin key may (.+); this key is scoped to the alliance "([^"]*)"\.$/,
    (what, own) => `Das darf nur ein Admin-Schlüssel (${quotes(what)}); dieser Schlüssel gilt für die Allianz „${own}“.`],
  [/^The organisation "([^"]*)" also belongs to (.+); a key of "([^"]*)" may not (\w+) it\. Ask an admin, or those alliances\.$/,
    (id, others, own, verb) => `Die Organisation „${id}“ gehört auch zu ${list(others)}; ein Schlüssel von „${own}“ darf sie nicht ${verb === 'delete' ? 'löschen' : 'ändern'}. Fragen Sie die Administration oder diese Allianzen.`],
  [/^The organisation "([^"]*)" belongs to no alliance and was not created with a key of "([^"]*)": only an admin key may (\w+) it\.$/,
    (id, own, verb) => `Die Organisation „${id}“ gehört zu keiner Allianz und wurde nicht mit einem Schlüssel von „${own}“ angelegt: Nur ein Admin-Schlüssel darf sie ${verb === 'delete' ? 'löschen' : 'ändern'}.`],
  [/^Only an admin key may change (.+) of an alliance\.$/, (what) => `Nur ein Admin-Schlüssel darf ${what} einer Allianz ändern.`],
  [/^A scoped key may revoke only itself; ask an admin to revoke other keys\.$/, () => 'Ein Allianz-Schlüssel darf nur sich selbst widerrufen; andere Schlüssel widerruft die Administration.'],
  [/^An event with the id "([^"]*)" exists already; send another id\.$/, (id) => `Einen Termin mit der Kennung „${id}“ gibt es schon.`],
  [/^An organisation with the id "([^"]*)" exists already; send another id, or add it as a member\.$/, (id) => `Eine Organisation mit der Kennung „${id}“ gibt es schon; nehmen Sie sie als Mitglied auf.`],
  [/^An alliance with the slug "([^"]*)" exists already\.$/, (s) => `Eine Allianz mit dem Kürzel „${s}“ gibt es schon.`],
  [/^The (event|organisation|alliance|key) "([^"]*)" does not exist\.$/,
    (what, id) => `${{ event: 'Den Termin', organisation: 'Die Organisation', alliance: 'Die Allianz', key: 'Den Schlüssel' }[what]} „${id}“ gibt es nicht (mehr).`],
];

function apply(rules: Rule[], text: string): string | null {
  for (const [re, to] of rules) {
    const m = re.exec(text);
    if (m) return to(...m.slice(1));
  }
  return null;
}

/** A field message in German, or the server's own text when its shape is not known. */
export function germanField(message: string): string {
  return apply(FIELD_RULES, message.trim()) ?? message;
}

/**
 * A problem's `detail` in German, or the server's own text. A 400's detail is the first errors
 * joined (`body.title: must not be empty; body.end: …`): each part is translated on its own.
 */
export function germanDetail(detail: string): string {
  const whole = apply(DETAIL_RULES, detail.trim());
  if (whole) return whole;
  const parts = detail.split('; ');
  const translated = parts.map((p) => {
    const m = /^([\w.[\]]+): (.+)$/.exec(p);
    if (m) return knownField(m[2]!) ? `${m[1]}: ${germanField(m[2]!)}` : null;
    const more = /^and (\d+) more$/.exec(p);
    return more ? `und ${more[1]} weitere` : null;
  });
  return translated.every((t) => t !== null) ? translated.join('; ') : detail;
}

/** Whether `germanField`/`germanDetail` knew the text (for tests and for marking English text). */
export const knownField = (message: string): boolean => apply(FIELD_RULES, message.trim()) !== null;
export const knownDetail = (detail: string): boolean => germanDetail(detail) !== detail;
