import { css } from 'lit';

/**
 * Styles of `<fk-event-calendar>`; the shared tokens and base come first in `styles`. One rule per
 * line: the text ships as written (minifiers leave template literals alone).
 */
export const styles = css`
.root { container-type: inline-size; display: flex; flex-direction: column; gap: 0.75em }
.heading { font-size: 1.375em; font-weight: 700 }
.toolbar, .nav, .views, .subscribe, .actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em }
.month { flex: 1; font-size: 1.25em; font-weight: 700; overflow-wrap: break-word }
.icon { min-inline-size: max(2.75em, 44px); font-size: 1.125em; padding: 0 }
.btn[aria-pressed='true'] { background: var(--_accent); color: var(--_accent-contrast) }
.filters { display: grid; gap: 0.75em }
@container (min-width: 40em) {
.filters { grid-template-columns: repeat(auto-fit, minmax(10em, 1fr)) }
}
.grid { border: 0.0625em solid var(--_border); border-radius: var(--_radius); overflow: hidden }
.week { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)) }
.wd { padding: 0.25em; text-align: center; font-weight: 600; font-size: 0.875em; color: var(--_muted) }
.day { display: flex; flex-direction: column; gap: 0.125em; min-block-size: 8.5em; padding: 0.25em; border-block-start: 0.0625em solid var(--_border); border-inline-start: 0.0625em solid var(--_border); overflow: hidden }
.day:first-child { border-inline-start: 0 }
.out { background: var(--_surface-alt) }
.out .num { color: var(--_muted) }
.num { align-self: flex-start; min-inline-size: 1.75em; text-align: center; font-size: 0.875em; font-weight: 600; border-radius: 1em }
[aria-current='date'] .num { background: var(--_accent); color: var(--_accent-contrast) }
.day:focus-visible, .ev:focus-visible { outline-offset: -0.1875em }
/* Two lines a chip, all of the same height (a bar over several days stays level): time or status, then as much of the title as fits, ending in "…" (whole in the name and the tooltip). Long German words are hyphenated where the browser knows how. */
.ev, .gap { flex: none; font-size: 0.8125em; block-size: 2.6em; line-height: 1.3 }
.ev { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; inline-size: 100%; padding: 0 0.3em; border: 0; border-inline-start: 0.25em solid var(--_accent); border-radius: var(--_radius); background: var(--_surface-alt); color: var(--_text); text-align: start; overflow: hidden; overflow-wrap: anywhere; hyphens: auto; cursor: pointer }
.ev > .status { font-size: 0.875em }
.ev.from { border-inline-start: 0; border-start-start-radius: 0; border-end-start-radius: 0; margin-inline-start: -0.35em; inline-size: calc(100% + 0.35em) }
.ev.to { border-start-end-radius: 0; border-end-end-radius: 0; margin-inline-end: -0.35em; inline-size: calc(100% + 0.35em) }
.ev.from.to { inline-size: calc(100% + 0.7em) }
.time { font-weight: 600; font-variant-numeric: tabular-nums }
.cancelled .title { text-decoration: line-through }
.status { font-weight: 700; color: var(--_muted) }
.status.cancelled { color: var(--_danger) }
.more, .linklike { padding: 0; border: 0; background: none; color: var(--_accent); text-align: start; text-decoration: underline; cursor: pointer }
.more { font-size: 0.8125em; font-weight: 600 }
.month-only { display: flex; flex-wrap: wrap; gap: 0.5em }
.month-only .ev { inline-size: auto; block-size: auto }
/* Day cells under some 8em: the title gets both lines, the time is in the name, the tooltip, the list and the details. */
@container (max-width: 56em) {
.ev .time { display: none }
}
@container (max-width: 30em) {
.day { min-block-size: 6em }
/* Visually hidden only: the status stays in the event's accessible name. */
.ev .status { display: none }
}
.agenda, .agenda ul { display: flex; flex-direction: column; gap: 0.75em }
.day-title { font-weight: 700; border-block-end: 0.0625em solid var(--_border) }
.item { display: grid; gap: 0.125em 1em }
@container (min-width: 36em) {
.item { grid-template-columns: 11em 1fr }
.item > :last-child:nth-child(3) { grid-column: 2 }
/* An event over several days: its range ("30. November, 18:00 – 2. Dezember 2016, 14:00") gets the whole line, title and place stay in the second column. */
.when.wide { grid-column: 1 / -1 }
.when.wide ~ * { grid-column: 2 }
}
.item .title { font-weight: 600 }
.upcoming { display: flex; flex-direction: column; gap: 0.75em; padding: 0.75em 1em; border: 0.0625em solid var(--_border); border-radius: var(--_radius); background: var(--_surface-alt) }
.next-title { font-weight: 700 }
.when, .small, .subscribe { font-size: 0.9375em }
.line { block-size: 1.25em }
.w80 { inline-size: 80% }
.w60 { inline-size: 60% }
.w70 { inline-size: 70% }
dialog { inline-size: min(36em, calc(100vw - 2em)); max-block-size: calc(100vh - 2em); padding: 1.25em; border: 0.0625em solid var(--_border); border-radius: var(--_radius); background: var(--_surface); color: var(--_text) }
dialog::backdrop { background: rgb(0 0 0 / 0.45) }
dialog[open] { display: flex; flex-direction: column; gap: 0.75em }
.close-row { display: flex; justify-content: flex-end }
.dlg-title { font-size: 1.25em; font-weight: 700 }
.facts dt { font-weight: 700 }
.facts { display: grid; gap: 0.5em }
@media print {
.nav, .views, .filters, .subscribe, .notice, dialog { display: none !important }
.linklike { color: inherit; text-decoration: none }
.item { break-inside: avoid }
}
`;
