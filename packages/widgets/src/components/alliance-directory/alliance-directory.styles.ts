import { css } from 'lit';

/**
 * Styles of `<fk-alliance-directory>`; the shared tokens and base come first in `styles`. One rule
 * per line where it is short: the text ships as is (minifiers leave template literals alone).
 */
export const styles = css`
  /* The bottom padding keeps the last row's card border: a widget right below (its own background,
     its own stacking context) otherwise paints over it when the edge falls on a fractional pixel. */
  .root { container-type: inline-size; display: flex; flex-direction: column; gap: var(--_space); padding-block-end: 0.125em; }
  .title, .card-title, .section-title, .group-title { font-weight: 700; }
  .title { font-size: 1.375em; line-height: 1.25; }
  .card-title { font-size: 1.0625em; line-height: 1.3; }
  .section-title { font-size: 1.125em; }
  .count, .small, .tag { font-size: 0.9375em; }
  .count { min-block-size: 1.5em; color: var(--_muted); }
  /* Narrow: one column. Wide: the search field twice as wide as each select. */
  .filters { display: grid; gap: 0.75em; }
  @container (min-width: 40em) {
    .filters { grid-template-columns: 2fr; grid-auto-columns: 1fr; grid-auto-flow: column; align-items: end; }
    .facts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  }
  .cards, .people { display: grid; gap: 0.75em; grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr)); }
  .cards { grid-template-columns: repeat(auto-fill, minmax(min(100%, 18em), 1fr)); }
  .card, .person, .profile, .profile section, .groups, .empty { display: flex; flex-direction: column; }
  /*
   * Every card has one height, the skeleton's cards too, so that the list replaces the skeleton
   * without a layout shift: 2 title lines, the badge, 2 lines of areas (clamped: the profile has
   * them all), 2 lines of founding and members (which say stated and named members apart: "26
   * Mitglieder laut Allianz, 1 namentlich bekannt"), gaps and padding. Longer content still grows the
   * card (min-, not block-size), so nothing is ever cut off for larger text.
   */
  .card { gap: 0.35em; min-block-size: 12.75em; padding: 0.875em 1em; border: 0.0625em solid var(--_border); border-radius: var(--_radius); }
  .card .areas { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; overflow: hidden; }
  .linklike { padding: 0; border: 0; background: none; color: var(--_accent); font-weight: inherit; text-align: start; text-decoration: underline; text-underline-offset: 0.15em; cursor: pointer; }
  .badge { align-self: flex-start; padding: 0.05em 0.5em; border-radius: 1em; background: var(--_surface-alt); font-size: 0.8125em; font-weight: 600; }
  .line { block-size: 1em; margin-block: 0.25em; }
  .w40 { inline-size: 40%; }
  .w60 { inline-size: 60%; }
  .w80 { inline-size: 80%; }
  .empty { align-items: flex-start; gap: 0.75em; padding: var(--_space); border: 0.0625em dashed var(--_border); border-radius: var(--_radius); }
  .profile { gap: 1.25em; }
  .profile section { gap: 0.5em; }
  .facts { display: grid; gap: 0.5em 1.5em; padding: 0.875em 1em; border-radius: var(--_radius); background: var(--_surface-alt); }
  .facts dt { font-weight: 600; font-size: 0.875em; color: var(--_muted); }
  .person { gap: 0.1em; }
  .person-name, .member-name { font-weight: 600; }
  .tags { display: flex; flex-wrap: wrap; gap: 0.4em; }
  .tag { padding: 0.2em 0.7em; border: 0.0625em solid var(--_border); border-radius: 1em; }
  /* Layout containment: a keystroke re-lays out the member list, not the whole profile above it. */
  .groups { gap: 1em; contain: layout style; }
  .group-title { padding-block-end: 0.25em; border-block-end: 0.0625em solid var(--_border); }
  .members li { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.1em 0.75em; padding-block: 0.4em; border-block-end: 0.0625em solid var(--_surface-alt); }
  .prose p + p { margin-block-start: 0.75em; }
  .back { align-self: flex-start; }
`;
