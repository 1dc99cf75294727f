import type { Alliance } from '@fachkraefte/sdk';
import type { ApiKey } from '@fachkraefte/sdk/admin';
import type { FkAdminClient } from '@fachkraefte/sdk/admin';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Lang } from './i18n.js';
import { L } from './i18n.js';
import type { Trouble } from './problems.js';

/** What every view gets from the app: the client, who is signed in, and the app's services. */
export interface Ctx {
  client: FkAdminClient;
  me: ApiKey;
  /** The alliance the views work on: the key's own, or the one an admin key picked. */
  alliance: string;
  alliances: Alliance[];
  lang: Lang;
  /** The path after `#/`, split: `['events', 'abc']`. */
  route: string[];
  /** Something went wrong: 401 signs out (the draft stays), the rest is shown by the view. */
  fail(t: Trouble): void;
  /** A message in the app's live region (after saves). */
  announce(message: string): void;
  /** Whether the current view has unsaved changes (warned about before leaving). */
  setDirty(dirty: boolean): void;
  /** Form contents kept across errors and a new sign-in, by route. */
  drafts: Map<string, unknown>;
  go(path: string): void;
}

/** A view: light DOM (one style sheet for the app, axe sees everything), the context as a property. */
export class View extends LitElement {
  @property({ attribute: false }) accessor ctx!: Ctx;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}

/** A labelled input with its server error beside it (`aria-invalid`, `aria-describedby`). */
export function field(
  id: string, label: string, control: (attrs: { id: string; invalid: boolean; describedby: string }) => TemplateResult,
  error: string | undefined, hint?: string,
): TemplateResult {
  const describedby = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field ${error ? 'has-error' : ''}">
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    ${control({ id, invalid: !!error, describedby })}
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
  </div>`;
}

/** The banner of a failed request: what happened, and the errors that name no field. */
export function troubleBox(t: Trouble | null, withSummary = true): TemplateResult | typeof nothing {
  if (!t) return nothing;
  const fieldCount = Object.keys(t.fields).length;
  return html`<div class="notice notice-${t.kind === 'invalid' ? 'error' : t.kind}" role="alert" tabindex="-1" data-trouble=${t.kind}>
    <p>${t.message}</p>
    ${withSummary && fieldCount ? html`<p>${L(`${fieldCount} Feld(er) markiert.`, `${fieldCount} field(s) marked.`)}</p>` : nothing}
    ${t.other.length ? html`<ul>${t.other.map((o) => html`<li>${o}</li>`)}</ul>` : nothing}
  </div>`;
}

/** A status line after saving, read out by screen readers. */
export function doneBox(message: string | null): TemplateResult | typeof nothing {
  return message ? html`<div class="notice notice-ok" role="status">${message}</div>` : nothing;
}
