import type { ImportReport } from '@fachkraefte/sdk/admin';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { doneBox, troubleBox, View } from '../ctx.js';
import { formatDate, formatTime, L } from '../i18n.js';
import { freshnessNote, trouble, type Trouble } from '../problems.js';

const MAX = 2 * 1024 * 1024;

/** @summary Imports an `.ics` file: a dry run reported by title first, then the import. */
export class FkAdminImport extends View {
  @state() accessor file: { name: string; text: string } | null = null;
  @state() accessor report: ImportReport | null = null;
  @state() accessor problem: Trouble | null = null;
  @state() accessor done: string | null = null;
  @state() accessor busy = false;

  private async pick(e: Event) {
    const input = e.target as HTMLInputElement;
    const f = input.files?.[0];
    this.report = null;
    this.done = null;
    this.problem = null;
    if (!f) return;
    if (f.size > MAX) {
      this.problem = { kind: 'invalid', message: L('Die Datei ist größer als 2 MB.', 'The file is larger than 2 MB.'), fields: {}, other: [] };
      this.file = null;
      return;
    }
    this.file = { name: f.name, text: await f.text() };
  }

  private async run(dryRun: boolean) {
    if (!this.file) return;
    this.busy = true;
    this.problem = null;
    this.done = null;
    try {
      this.report = await this.ctx.client.alliances.importIcs(this.ctx.alliance, this.file.text, { dryRun });
      if (!dryRun) {
        this.done = `${L('Import abgeschlossen.', 'Import done.')} ${freshnessNote()}`;
        this.ctx.announce(this.done);
      }
      await this.updateComplete;
      this.querySelector<HTMLElement>('#report-h')?.focus();
    } catch (error) {
      this.problem = trouble(error, []);
      this.ctx.fail(this.problem);
    } finally {
      this.busy = false;
    }
  }

  private when(start: string | null) {
    if (!start) return '';
    return start.length === 10 || start.length === 7 ? formatDate(start) : `${formatDate(start)}, ${formatTime(start)}`;
  }

  override render() {
    const r = this.report;
    return html`<h1 tabindex="-1">${L('Kalender importieren (.ics)', 'Import a calendar (.ics)')}</h1>
      <p>${L('Laden Sie eine Kalenderdatei hoch, z. B. einen Export aus Outlook. Sie sehen zuerst, was sich ändern würde, und entscheiden dann. Derselbe Import ein zweites Mal ändert nichts.', 'Upload a calendar file, e.g. an Outlook export. You first see what would change, then decide. The same import a second time changes nothing.')}</p>
      ${troubleBox(this.problem)}
      ${doneBox(this.done)}
      <div class="field">
        <label for="ics-file">${L('Kalenderdatei (.ics, höchstens 2 MB)', 'Calendar file (.ics, at most 2 MB)')}</label>
        <input id="ics-file" type="file" accept=".ics,text/calendar" @change=${this.pick}>
      </div>
      <div class="actions">
        <button type="button" ?disabled=${!this.file || this.busy} @click=${() => this.run(true)}>${L('Prüfen (ändert nichts)', 'Check (changes nothing)')}</button>
        ${r?.dryRun ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.run(false)}>${L('Jetzt importieren', 'Import now')}</button>` : nothing}
      </div>
      ${this.busy ? html`<p class="loading" role="status">${L('Wird bearbeitet …', 'Working …')}</p>` : nothing}
      ${r ? html`<section class="report" aria-labelledby="report-h">
        <h2 id="report-h" tabindex="-1">${r.dryRun ? L('Ergebnis der Prüfung – noch nichts geändert', 'Result of the check – nothing changed yet') : L('Ergebnis des Imports', 'Result of the import')}</h2>
        <p data-summary>${L(`${r.added.length} neu, ${r.changed.length} geändert, ${r.unchanged.length} unverändert, ${r.skipped.length} übersprungen`, `${r.added.length} new, ${r.changed.length} changed, ${r.unchanged.length} unchanged, ${r.skipped.length} skipped`)}</p>
        ${this.group(L('Neu', 'New'), r.added.map((e) => html`<li>${e.title} <span class="meta">${this.when(e.start)}</span></li>`))}
        ${this.group(L('Geändert', 'Changed'), r.changed.map((e) => html`<li>${e.title} <span class="meta">${this.when(e.start)} · ${e.fields.join(', ')}</span></li>`))}
        ${this.group(L('Unverändert', 'Unchanged'), r.unchanged.map((e) => html`<li>${e.title} <span class="meta">${this.when(e.start)}</span></li>`))}
        ${this.group(L('Übersprungen', 'Skipped'), r.skipped.map((e) => html`<li>${e.title ?? L('(ohne Titel)', '(no title)')} <span class="meta">${L('Eintrag', 'entry')} ${e.vevent}${e.line ? `, ${L('Zeile', 'line')} ${e.line}` : ''}: ${e.reason}</span></li>`))}
      </section>` : nothing}`;
  }

  private group(title: string, items: unknown[]) {
    return items.length ? html`<h3>${title} (${items.length})</h3><ul>${items}</ul>` : nothing;
  }
}

if (!customElements.get('fk-admin-import')) customElements.define('fk-admin-import', FkAdminImport);
