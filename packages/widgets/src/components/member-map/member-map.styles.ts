import { css } from 'lit';

/**
 * Styles of `<fk-member-map>`; the shared tokens and base come first. The map area is its own
 * stacking context (`isolation`), so the tile engine's z-indices (up to 1000 in Leaflet) never
 * compete with the host page: its dialogs and menus stay above the map.
 *
 * One rule per line where it is short: the text ships as is (minifiers leave template literals
 * alone). Markers: `c0`–`c5` set the colour, `s0`–`s5` the shape of the `::before`; a white ring
 * (drop shadows of the unclipped button) keeps every marker at 3:1 or more against any tile and
 * either theme's plane (WCAG 1.4.11).
 */
export const styles = css`
.root { container-type: inline-size; display: flex; flex-direction: column; gap: 0.75em; }
.legend.skeleton { block-size: max(2.75em, 44px); }
.legend summary { display: list-item; padding-block: 0.625em; inline-size: fit-content; font-weight: 600; cursor: pointer; }
.legend fieldset { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 15em), 1fr)); gap: 0 1em; margin: 0; padding: 0; border: 0; min-inline-size: 0; }
.legend label { display: flex; align-items: center; gap: 0.4em; min-block-size: 2.25em; overflow-wrap: normal; hyphens: auto; cursor: pointer; }
.legend .name { min-inline-size: 0; }
.legend input { flex: none; inline-size: 1.125em; block-size: 1.125em; accent-color: var(--_accent); }
.sym { position: relative; display: inline-block; flex: none; inline-size: 1em; block-size: 1em; margin-inline-end: 0.35em; vertical-align: -0.1em; }
.sym { filter: drop-shadow(0 0 0.04em #fff) drop-shadow(0 0 0.04em #fff) drop-shadow(0 0 0.04em #fff); }
.mk { filter: drop-shadow(0 0 0.05em #fff) drop-shadow(0 0 0.05em #fff) drop-shadow(0 0 0.05em #fff) drop-shadow(0 0.0625em 0.125em rgb(0 0 0 / 0.6)); }
.sym::before, .mk::before { content: ''; position: absolute; inset: 0; background: var(--_g); }
.c0 { --_g: #0b5cad; } .c1 { --_g: #1b6e35; } .c2 { --_g: #8a4b00; } .c3 { --_g: #b3261e; } .c4 { --_g: #6a3d9a; } .c5 { --_g: #3d4650; }
.s0::before { border-radius: 50%; }
.s1::before { clip-path: inset(8%); }
.s2::before { clip-path: polygon(50% 0, 100% 50%, 50% 100%, 0 50%); }
.s3::before { clip-path: polygon(50% 0, 100% 92%, 0 92%); }
.s4::before { clip-path: polygon(0 8%, 100% 8%, 50% 100%); }
.s5::before { clip-path: polygon(33% 0, 67% 0, 67% 33%, 100% 33%, 100% 67%, 67% 67%, 67% 100%, 33% 100%, 33% 67%, 0 67%, 0 33%, 33% 33%); }
.layout { display: grid; gap: 0.75em; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 48em) { .layout { grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); } }
.map { position: relative; isolation: isolate; overflow: hidden; block-size: var(--fk-map-height, 26em); border: 0.0625em solid var(--_border); border-radius: var(--_radius); background: var(--_surface-alt); }
.fill { block-size: 100%; }
.surface {
  position: absolute; inset: 0; overflow: hidden; touch-action: none; cursor: grab;
  background: linear-gradient(var(--_skeleton) 0.0625em, transparent 0) 0 0 / 4em 4em, linear-gradient(90deg, var(--_skeleton) 0.0625em, transparent 0) 0 0 / 4em 4em, var(--_surface-alt);
}
.surface:focus-visible { outline-offset: -0.1875em; }
.tiles { position: absolute; inset: 0; z-index: 0; background: var(--_surface-alt); }
/* The Länder of the tile-free map: orientation behind the markers, lines of one pixel at any zoom. */
.outline { position: absolute; inset: 0; z-index: 0; inline-size: 100%; block-size: 100%; overflow: visible; pointer-events: none; }
.outline path { fill: var(--_surface); fill-opacity: 0.6; stroke: var(--_muted); stroke-width: 1; stroke-linejoin: round; vector-effect: non-scaling-stroke; }
.marks { position: absolute; inset: 0; z-index: 1; pointer-events: none; }
.marks button { position: absolute; top: 0; left: 0; pointer-events: auto; cursor: pointer; }
.mk { inline-size: 1.75em; block-size: 1.75em; padding: 0.25em; border: 0; background: none; }
.mk::before { inset: 0.25em; }
.cl { min-inline-size: 2.25em; block-size: 2.25em; padding: 0 0.4em; border: 0.1875em solid #fff; border-radius: 1.125em; background: var(--_accent); color: var(--_accent-contrast); font-weight: 700; font-size: 0.9375em; box-shadow: 0 0.0625em 0.25em rgb(0 0 0 / 0.5); }
.marks [aria-current='true'] { z-index: 1; outline: 0.1875em solid var(--_text); outline-offset: 0.0625em; border-radius: 50%; }
.controls { position: absolute; top: 0.5em; inset-inline-end: 0.5em; z-index: 2; display: flex; flex-direction: column; gap: 0.25em; }
.ctl { inline-size: max(2.25em, 44px); block-size: max(2.25em, 44px); padding: 0; border: 0.0625em solid var(--_border); border-radius: var(--_radius); background: var(--_surface); font-size: 1.125em; line-height: 1; cursor: pointer; }
.attribution { position: absolute; bottom: 0; inset-inline-end: 0; z-index: 2; max-inline-size: 100%; padding: 0.1em 0.5em; background: rgb(255 255 255 / 0.9); color: #1a1a1a; font-size: 0.75em; }
.consent { display: flex; flex-direction: column; align-items: flex-start; justify-content: center; gap: 0.75em; block-size: 100%; padding: 1.25em; overflow: auto; }
.consent p:first-child { max-inline-size: 36em; }
.small { font-size: 0.875em; }
.list { display: flex; flex-direction: column; gap: 0.25em; min-block-size: 0; max-block-size: var(--fk-map-height, 26em); }
.list-title { font-weight: 700; }
.count { min-block-size: 1.5em; color: var(--_muted); font-size: 0.9375em; }
.rows { flex: 1 1 auto; min-block-size: 6em; overflow: auto; border-block-start: 0.0625em solid var(--_border); }
.rows li { display: flex; flex-direction: column; padding: 0.35em 0.25em; border-block-end: 0.0625em solid var(--_surface-alt); }
.rows li.sel { background: var(--_surface-alt); box-shadow: inset 0.25em 0 0 var(--_accent); }
.row { display: inline; padding: 0; border: 0; background: none; color: inherit; font-weight: 600; text-align: start; cursor: pointer; }
button.row { color: var(--_accent); text-decoration: underline; text-underline-offset: 0.15em; }
dialog { max-inline-size: min(30em, calc(100vw - 2em)); padding: 1.25em; border: 0.0625em solid var(--_border); border-radius: var(--_radius); background: var(--_surface); color: var(--_text); font-family: var(--fk-font-family, inherit); line-height: 1.5; }
dialog::backdrop { background: rgb(0 0 0 / 0.45); }
dialog h2 { margin: 0 0 0.5em; font-size: 1.25em; line-height: 1.3; }
dialog dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25em 1em; margin: 0 0 1em; }
dialog dt { font-weight: 600; }
dialog dd { margin: 0; }
dialog .group { display: flex; flex-direction: column; gap: 0.5em; margin-block-end: 1em; }
`;
