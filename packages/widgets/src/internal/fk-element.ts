import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { fkErrorEvent, type FkErrorDetail } from '../events/fk-error.js';
import { loadTranslation, translation } from '../translations/catalog.js';
import type { Locale, Translation } from '../translations/translation.js';
import { formatTime } from './format.js';
import { resolveApiBase, resolveLocale, THEMES, type ApiBase } from './config.js';

/**
 * Resolves in a task of its own, so that the work after it does not lengthen the task running now
 * (a long task delays the visitor's input: Total Blocking Time). `scheduler.yield()` where the
 * browser has it (the continuation goes before other waiting tasks), else a zero-delay timer.
 */
export const nextTask = (): Promise<void> =>
  (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield?.() ?? new Promise((r) => setTimeout(r));

/** A problem with the element's attributes, shown in the widget instead of a blank box. */
export interface ConfigProblem {
  attribute: string;
  message: string;
}

/**
 * What every `fk-*` widget shares: configuration from attributes (`api`, `lang`, `theme`) with the
 * page-wide `<meta name="fachkraefte:api">` as default, the translation, typed `fk-error` events,
 * and an error boundary — nothing a widget does may throw into the host page.
 *
 * Reactive properties are declared in `static properties`, not with decorators: esbuild lowers
 * standard decorators into a few kilobytes of helpers and per-field boilerplate, which every
 * widget bundle would carry. Subclasses may use either.
 */
export class FkElement extends LitElement {
  static override properties: PropertyDeclarations = {
    api: {},
    lang: {},
    theme: { reflect: true },
  };

  /**
   * Base URL of the Fachkräfte API, e.g. `https://daten.example.de/v1` or `/v1`. Falls back to
   * `<meta name="fachkraefte:api" content="…">`.
   */
  declare api: string | undefined;

  /**
   * Language of the widget: `de` (default) or `en`. Without it the page's language applies.
   * @attr lang
   */
  declare lang: string;

  /**
   * Colour scheme: `auto` (follows the visitor's system, default), `light` or `dark`.
   * @attr theme
   */
  declare theme: 'auto' | 'light' | 'dark';

  /** The last failure a render itself caused (a bug); shown instead of the widget. */
  #crashed: unknown = null;
  readonly #warned = new Set<string>();

  constructor() {
    super();
    // Assigned here, not as field initialisers: a [[Define]] class field would shadow Lit's
    // accessor whatever the compiler's useDefineForClassFields says.
    this.lang = '';
    this.theme = 'auto';
  }

  /** The active locale. */
  protected get locale(): Locale {
    return resolveLocale(this, this.lang).locale;
  }

  /** The active translation (German until another locale's catalog has arrived, see {@link pending}). */
  protected get t(): Translation {
    return translation(this.locale);
  }

  /**
   * The `lang` to put on text that comes from the API (names, descriptions, areas, roles): the
   * data is German, so inside an English widget it is marked `lang="de"` and screen readers switch
   * voice for it. `nothing` (no attribute) when the widget speaks German itself.
   */
  protected get dataLang(): 'de' | typeof nothing {
    return this.locale === 'de' ? nothing : 'de';
  }

  /** The API base, resolved from the attribute or the page-wide meta element. */
  protected get apiBase(): ApiBase {
    return resolveApiBase(this.api);
  }

  /**
   * Work the next render must wait for: here the active locale's catalog, fetched on first use. A
   * subclass adds its own (e.g. a lazily imported module) and returns `super.pending()` with it.
   * The promise must not reject; `undefined` means nothing to wait for.
   */
  protected pending(): Promise<unknown> | undefined {
    return loadTranslation(this.locale);
  }

  /** Delays an update until {@link pending} is done, so no text flashes in the wrong language. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    // The first render in a task of its own: not in the one that evaluated the module and
    // defined the element (fk.css keeps the element's space meanwhile).
    const pending = this.pending();
    const wait = this.hasUpdated ? pending : nextTask().then(() => pending);
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * Calls `start` once the element comes within a screen's height of the viewport: for work a
   * widget below the fold can leave until the visitor scrolls near. Returns a function that stops
   * waiting (for `disconnectedCallback`).
   */
  protected whenNear(start: () => void): () => void {
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        start();
      }
    }, { rootMargin: '100% 0px' });
    io.observe(this);
    return () => io.disconnect();
  }

  /**
   * Marks the element as drawn (`data-fk-ready`): fk.css reserves its space until then, also
   * between its definition and a first render that waits for {@link pending} (a language, a
   * lazily loaded module, the first data), when it would otherwise collapse to nothing.
   */
  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    this.toggleAttribute('data-fk-ready', true);
  }

  /**
   * Attribute problems of this widget; a subclass adds its own to `super.configProblems()`.
   * Each problem is warned about once on the console, naming the attribute.
   */
  protected configProblems(): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const api = this.apiBase;
    if (!api.ok) {
      problems.push({
        attribute: 'api',
        message:
          api.reason === 'missing'
            ? 'no API base: set the "api" attribute or <meta name="fachkraefte:api" content="…">'
            : `"${api.value ?? ''}" is not an http(s) URL`,
      });
    }
    const locale = resolveLocale(this, this.lang);
    if (locale.unknown) {
      // A language we do not ship is not fatal: German is shown, and the console says why.
      this.warnOnce('lang', `"${locale.unknown}" is not a supported language (de, en); showing German`);
    }
    if (!THEMES.includes(this.theme)) {
      this.warnOnce('theme', `"${this.theme}" is not one of ${THEMES.join(', ')}; using auto`);
    }
    return problems;
  }

  /** Warns once per attribute and value, naming the element and the attribute. */
  protected warnOnce(attribute: string, message: string): void {
    const key = `${attribute}\n${message}`;
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    console.warn(`[fachkraefte] <${this.localName}> attribute "${attribute}": ${message}`);
  }

  /** Dispatches a typed `fk-error` event; never throws, whatever a listener does. */
  protected reportError(detail: FkErrorDetail): void {
    try {
      this.dispatchEvent(fkErrorEvent(detail));
    } catch {
      // A throwing listener belongs to the host page; it must not break the widget.
    }
  }

  /** The translated sentence for a failure. */
  protected errorText(detail: FkErrorDetail): string {
    const e = this.t.errors;
    const code = detail.code;
    return code === 'http' ? e.http(detail.status ?? 500) : detail.attribute === 'api' ? e.api : (e[code] ?? e.unknown);
  }

  /** The shared error box: the failure in plain words and, when given, a retry button. */
  protected renderError(detail: FkErrorDetail, retry?: () => void): TemplateResult {
    return html`<div class="error" role="alert" part="error" tabindex="-1">
      <p>${this.errorText(detail)}</p>
      ${detail.code === 'config' ? html`<p class="muted"><code>${detail.attribute}</code>: ${detail.message}</p>` : nothing}
      ${retry ? html`<button type="button" class="btn" part="retry-button" @click=${retry}>${this.t.retry}</button>` : nothing}
    </div>`;
  }

  /**
   * The notice over data that a refresh failed to renew: how old the data is, and a retry button.
   * Shown above the stale data, which stays visible.
   */
  protected renderStale(at: Date, retry: () => void): TemplateResult {
    return html`<div class="notice" role="alert" part="stale-notice">
      <p>${this.t.refreshFailed(formatTime(at, this.t.locale))}</p>
      <button type="button" class="btn secondary" part="retry-button" @click=${retry}>${this.t.retry}</button>
    </div>`;
  }

  /**
   * The error boundary: a failure while rendering is caught, reported as `fk-error` and shown,
   * instead of escaping as an unhandled rejection into the host page.
   */
  protected override update(changed: PropertyValues): void {
    try {
      super.update(changed);
    } catch (error) {
      if (this.#crashed) return; // the fallback itself failed: stay quiet rather than loop
      this.#crashed = error;
      this.reportError({ code: 'unknown', status: null, message: error instanceof Error ? error.message : String(error), cause: error });
      try {
        super.update(new Map());
      } catch {
        // Nothing more to do: never rethrow into the page.
      }
    }
  }

  /** Subclasses implement {@link renderWidget}; `render` adds the shared guards. */
  protected override render(): unknown {
    if (this.#crashed) {
      return html`<div class="root">${this.renderError({ code: 'unknown', status: null, message: '' })}</div>`;
    }
    const problems = this.configProblems();
    if (problems.length > 0) {
      for (const p of problems) this.warnOnce(p.attribute, p.message);
      const first = problems[0]!;
      return html`<div class="root" lang=${this.locale}>
        ${this.renderError({ code: 'config', status: null, message: first.message, attribute: first.attribute })}
      </div>`;
    }
    return this.renderWidget();
  }

  /** The widget's own markup, rendered once the configuration is valid. */
  protected renderWidget(): unknown {
    return nothing;
  }
}
