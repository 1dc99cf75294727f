import { isApiError } from '@fachkraefte/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Ctx, View } from './ctx.js';
import { L } from './i18n.js';
import type { Trouble } from './problems.js';

/**
 * The draft of a form, shared by the forms (the profile, the member form …): what was typed is
 * kept in `ctx.drafts` under the view's key, so that it survives any failed save, a 401 and the
 * new sign-in after it, and the view counts as dirty (the app warns before leaving it). One place
 * for what each form used to repeat by hand.
 */
export class Draft<F> {
  constructor(private readonly host: View, private readonly key: () => string) {}

  private get ctx(): Ctx {
    return this.host.ctx;
  }

  /** The kept draft, if any (and the view is dirty again); else undefined. */
  restore(): F | undefined {
    const draft = this.ctx.drafts.get(this.key()) as F | undefined;
    if (draft !== undefined) this.ctx.setDirty(true);
    return draft;
  }

  /** Keeps what the form holds now; the view has unsaved changes. */
  keep(form: F): void {
    this.ctx.drafts.set(this.key(), form);
    this.ctx.setDirty(true);
  }

  /** Saved (or given up): nothing to keep, nothing to warn about. */
  clear(): void {
    this.ctx.drafts.delete(this.key());
    this.ctx.setDirty(false);
  }
}

/** After a failed save: focus the first field with an error, else the error banner. */
export async function focusFirstError(host: View, problem: Trouble, idOf: (name: string) => string | undefined = (n) => n): Promise<void> {
  await host.updateComplete;
  const first = Object.keys(problem.fields).map(idOf).find((id) => id && host.querySelector(`#${CSS.escape(id)}`));
  (first ? host.querySelector<HTMLElement>(`#${CSS.escape(first)}`) : host.querySelector<HTMLElement>('[data-trouble]'))?.focus();
}

/**
 * A server's parameter as a path in brackets: `body.contacts[2].email` and `contacts.2.email`
 * both become `contacts[2].email`; `body` alone becomes ''.
 */
export function normalisePath(parameter: string): string {
  return parameter.replace(/^body\.?/, '').replace(/\.(\d+)(?=\.|\[|$)/g, '[$1]');
}

/**
 * Places each `errors[]` entry of a failed request at a field: `resolve` turns a path
 * (`contacts[2].email`) into the id of the input that shows it, or null. What no input shows is
 * listed in the banner. The rest of the {@link Trouble} (kind, message) is the app's usual one.
 */
export function placeErrors(t: Trouble, error: unknown, resolve: (path: string) => string | null): Trouble {
  if (!isApiError(error)) return t;
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const e of error.problem?.errors ?? []) {
    const path = normalisePath(e.parameter);
    const id = resolve(path);
    const message = humanise(e.message);
    if (id) fields[id] ??= message;
    else other.push(`${path || L('Inhalt', 'content')}: ${message}`);
  }
  // Errors the problem has no `errors[]` for (a 403's detail …) stay as the app put them.
  const fromDetail = error.problem?.errors?.length ? [] : t.other;
  return { ...t, fields, other: [...fromDetail, ...other] };
}

/**
 * The server's words for the usual mistakes (packages/schema's messages), said as a coordinator
 * needs them, in German too; anything else as the server put it.
 */
export function humanise(message: string): string {
  const n = /(\d+)/.exec(message)?.[1] ?? '';
  const known: [RegExp, string, string][] = [
    [/^must not be empty$/, 'Bitte ausfüllen.', 'Please fill this in.'],
    [/^must be at most \d+ characters$/, `Zu lang: höchstens ${n} Zeichen.`, `Too long: at most ${n} characters.`],
    [/^must have at most \d+ items$/, `Zu viele Einträge: höchstens ${n}.`, `Too many entries: at most ${n}.`],
    [/^expected an e-mail address$/, 'Bitte eine E-Mail-Adresse eingeben, z. B. info@beispiel.de.', 'Please enter an e-mail address, e.g. info@example.org.'],
    [/^expected an absolute http\(s\) URL$/, 'Bitte eine vollständige Adresse mit https:// eingeben.', 'Please enter a full address starting with https://.'],
    [/^expected a phone number/, 'Bitte eine Telefonnummer eingeben (Ziffern, Leerzeichen, + - / ( )).', 'Please enter a phone number (digits, spaces, + - / ( )).'],
    [/^expected a date as YYYY, YYYY-MM or YYYY-MM-DD$/, 'Bitte als Jahr (2019), Monat (2019-04) oder Tag (2019-04-12) eingeben.', 'Please enter a year (2019), month (2019-04) or day (2019-04-12).'],
    [/^expected a real calendar date$/, 'Dieses Datum gibt es nicht.', 'There is no such date.'],
    [/\bexpected (int|number)\b/, 'Bitte eine ganze Zahl eingeben (oder leer lassen).', 'Please enter a whole number (or leave it empty).'],
    [/^must be ≥ 0$/, 'Bitte eine Zahl ab 0 eingeben.', 'Please enter a number from 0.'],
  ];
  const hit = known.find(([re]) => re.test(message));
  return hit ? L(hit[1], hit[2]) : message;
}

/** An item of a list editor: `key` stays with the item when it moves (ids, focus). */
export interface Keyed {
  key: number;
}

/** The next free key of a list. */
export const nextKey = (lists: readonly (readonly Keyed[])[]): number => Math.max(0, ...lists.flat().map((i) => i.key)) + 1;

/** What {@link listEditor} draws. */
export interface ListSpec<T extends Keyed> {
  /** The id of the list's fieldset; items get `${id}-${key}`. */
  id: string;
  legend: string;
  hint?: string;
  items: readonly T[];
  /** "Kontakt 2": what one item is called, by its position (1-based). */
  noun: (position: number) => string;
  /** The item's name, shown after the noun ("Kontakt 2: Gudrun Gempp"); '' when it has none yet. */
  title: (item: T) => string;
  /** An error about the list as a whole (too many items …). */
  error?: string | undefined;
  max: number;
  addLabel: string;
  body: (item: T, index: number) => TemplateResult;
  onAdd: () => void;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
}

/**
 * A list of items to add, edit, remove and put in order, with buttons (no dragging): each item a
 * fieldset named by its position and name, its buttons named after it for screen readers. Buttons
 * that cannot act (the first item's "up") are `aria-disabled`, not `disabled`, so that focus stays
 * on them after a move.
 */
export function listEditor<T extends Keyed>(s: ListSpec<T>): TemplateResult {
  const n = s.items.length;
  const full = n >= s.max;
  const errorId = `${s.id}-error`;
  const hintId = `${s.id}-hint`;
  const describedby = [s.hint ? hintId : '', s.error ? errorId : ''].filter(Boolean).join(' ');
  return html`<fieldset class="list ${s.error ? 'has-error' : ''}" id=${s.id} tabindex="-1" aria-describedby=${describedby || nothing}>
    <legend>${s.legend} <span class="list-count">(${n})</span></legend>
    ${s.hint ? html`<p class="hint" id=${hintId}>${s.hint}</p>` : nothing}
    ${s.error ? html`<p class="error" id=${errorId}>${s.error}</p>` : nothing}
    ${n === 0 ? html`<p class="list-empty">${L('Noch keine Einträge.', 'No entries yet.')}</p>` : html`<ol class="list-items">
      ${repeat(s.items, (item) => item.key, (item, i) => {
        const name = s.title(item);
        const label = `${s.noun(i + 1)}${name ? `: ${name}` : ''}`;
        const hidden = html`<span class="visually-hidden"> – ${label}</span>`;
        return html`<li class="list-item" data-key=${item.key}>
          <fieldset class="item"><legend>${label}</legend>
            ${s.body(item, i)}
            <div class="item-actions">
              <button type="button" class="small secondary" data-act="up" aria-disabled=${i === 0 ? 'true' : 'false'}
                @click=${() => i > 0 && s.onMove(i, -1)}><span aria-hidden="true">↑</span> ${L('Nach oben', 'Move up')}${hidden}</button>
              <button type="button" class="small secondary" data-act="down" aria-disabled=${i === n - 1 ? 'true' : 'false'}
                @click=${() => i < n - 1 && s.onMove(i, 1)}><span aria-hidden="true">↓</span> ${L('Nach unten', 'Move down')}${hidden}</button>
              <button type="button" class="small danger" data-act="remove" @click=${() => s.onRemove(i)}>${L('Entfernen', 'Remove')}${hidden}</button>
            </div>
          </fieldset></li>`;
      })}</ol>`}
    <button type="button" class="secondary add" data-act="add" aria-disabled=${full ? 'true' : 'false'} @click=${() => !full && s.onAdd()}>+ ${s.addLabel}</button>
    ${full ? html`<p class="hint">${L(`Höchstens ${s.max} Einträge.`, `At most ${s.max} entries.`)}</p>` : nothing}
  </fieldset>`;
}

/** `list` with the item at `index` moved by one place. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(index + by, 0, item!);
  return next;
}

/** A title as a slug, as the server derives ids: `Übergang Schule–Beruf` → `uebergang-schule-beruf`. */
export function slugify(text: string, max = 80): string {
  return text.toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
    .slice(0, max).replace(/-+$/g, '');
}
