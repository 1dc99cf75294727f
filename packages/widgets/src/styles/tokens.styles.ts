import { css } from 'lit';

/** The dark values of the tokens, written once and used by both ways into dark mode below. */
const dark = css`
  --_accent: var(--fk-color-accent, #8cc4ff);
  --_accent-contrast: var(--fk-color-accent-contrast, #0a1a2b);
  --_text: var(--fk-color-text, #eceff2);
  --_muted: var(--fk-color-muted, #b4bcc4);
  --_surface: var(--fk-color-surface, #161a1e);
  --_surface-alt: var(--fk-color-surface-alt, #22282e);
  --_border: var(--fk-color-border, #6b747d);
  --_danger: var(--fk-color-danger, #ffb4ab);
  --_focus: var(--fk-color-focus, #8cc4ff);
  --_skeleton: var(--fk-color-skeleton, #2c333a);
  color-scheme: dark;
`;

/**
 * Design tokens every widget shares, as CSS custom properties a host page may set on the element
 * or any ancestor. Light defaults, dark values through `prefers-color-scheme` (theme="auto", the
 * default) or `theme="dark"`. Sizes are in `em`, never `rem`: a host page with
 * `html { font-size: 10px }` must not shrink the widget below the text around it.
 */
export const tokens = css`
  :host {
    --_accent: var(--fk-color-accent, #0b5cad);
    --_accent-contrast: var(--fk-color-accent-contrast, #ffffff);
    --_text: var(--fk-color-text, #1a1a1a);
    --_muted: var(--fk-color-muted, #52575c);
    --_surface: var(--fk-color-surface, #ffffff);
    --_surface-alt: var(--fk-color-surface-alt, #f3f5f7);
    --_border: var(--fk-color-border, #8a9199);
    --_danger: var(--fk-color-danger, #b3261e);
    --_focus: var(--fk-color-focus, #0b5cad);
    --_radius: var(--fk-radius, 0.375em);
    --_space: var(--fk-spacing, 1em);
    --_skeleton: var(--fk-color-skeleton, #e3e7eb);
    color-scheme: light;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) { ${dark} }
  }
  :host([theme='dark']) { ${dark} }
`;

/**
 * The base every widget's shadow root starts from. It re-sets what a host page's CSS can push in
 * through inheritance (line-height, letter-spacing, text-transform, white-space, text-align …) and
 * sizes boxes itself, so resets and `* { box-sizing: content-box }` outside change nothing inside.
 * One rule per line where it is short: the text ships as is (minifiers leave template literals alone).
 */
export const base = css`
  :host { display: block; contain: layout style; }
  :host([hidden]) { display: none; }
  .root {
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--fk-font-family, inherit);
    font-size: var(--fk-font-size, 1em);
    font-style: normal;
    font-weight: 400;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
    visibility: visible;
    overflow-wrap: anywhere;
  }
  .root *, .root *::before, .root *::after { box-sizing: border-box; }
  h2, h3, h4, h5, h6, p, ul, ol, dl, dd, figure { margin: 0; padding: 0; }
  ul, ol { list-style: none; }
  a { color: var(--_accent); text-decoration: underline; text-underline-offset: 0.15em; }
  :focus-visible { outline: 0.1875em solid var(--_focus); outline-offset: 0.125em; }
  button, input, select { font: inherit; color: inherit; letter-spacing: inherit; margin: 0; }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-block-size: max(2.75em, 44px);
    padding: 0.4em 1em;
    border: 0.0625em solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 600;
    cursor: pointer;
  }
  .btn.secondary { background: transparent; color: var(--_accent); }
  .field { display: flex; flex-direction: column; gap: 0.25em; min-inline-size: 0; }
  .field label { font-weight: 600; font-size: 0.9375em; }
  .control {
    min-block-size: max(2.75em, 44px);
    inline-size: 100%;
    padding: 0.4em 0.6em;
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .muted { color: var(--_muted); }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .skeleton { border-radius: var(--_radius); background: var(--_skeleton); }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton { animation: fk-pulse 1.4s ease-in-out infinite; }
  }
  @keyframes fk-pulse { 50% { opacity: 0.55; } }
  .error, .notice { display: flex; gap: 0.75em; border-radius: var(--_radius); }
  .error { flex-direction: column; align-items: flex-start; padding: var(--_space); border: 0.125em solid var(--_danger); }
  .notice {
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: 0.5em 0.75em;
    border-inline-start: 0.25em solid var(--_danger);
    background: var(--_surface-alt);
  }
`;
