import { waitUntil } from '@open-wc/testing';

/** The shadow root of a widget. */
export function root(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** One element in the widget's shadow root, or a failed test naming the selector. */
export function $(el: Element, selector: string): HTMLElement {
  const found = root(el).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector} in <${el.localName}>`);
  return found;
}

/** Every element matching `selector` in the shadow root. */
export function $$(el: Element, selector: string): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>(selector)];
}

/** The visible text of the shadow root, white space collapsed. */
export function text(el: Element): string {
  return (root(el).textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until `selector` matches in the shadow root. */
export async function waitFor(el: Element, selector: string, timeout = 15_000): Promise<HTMLElement> {
  await waitUntil(() => el.shadowRoot?.querySelector(selector), `waiting for ${selector}`, { timeout, interval: 20 });
  return $(el, selector);
}

/** The deepest focused element, through shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Sets an input's value and fires `input`, as typing does. */
export function typeInto(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Chooses a `<select>` option and fires `change`. */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** A string unique to this call, to keep requests of different tests apart. */
export function unique(): string {
  return Math.random().toString(36).slice(2, 10);
}
