/**
 * The tile engine, loaded by dynamic `import()` only once tiles are shown (after consent, or at
 * once for a self-hosted tile server): the map element without tiles never downloads Leaflet.
 *
 * Leaflet only draws tiles and handles dragging here. Markers, clusters, keyboard and popups are
 * the component's own accessible elements above it (Leaflet's markers have no usable names and
 * its popups take no focus: Leaflet#8115, markercluster#1107). Leaflet's CSS goes into the shadow
 * root as a constructed stylesheet; its pane transforms are CSSOM writes, which a strict
 * `style-src 'self'` allows.
 */
import { DomUtil, GridLayer, Map as LeafletMap, TileLayer } from 'leaflet/dist/leaflet-src.esm.js';
import type { MapView, ViewListener } from './view.js';

/** The part of leaflet.css (BSD-2-Clause, © Vladimir Agafonkin, CloudMade) a tile layer needs. */
const leafletCss = `
  .leaflet-pane, .leaflet-tile, .leaflet-tile-container, .leaflet-layer { position: absolute; left: 0; top: 0; }
  .leaflet-container { overflow: hidden; -webkit-tap-highlight-color: transparent; touch-action: none; }
  .leaflet-tile { user-select: none; -webkit-user-drag: none; filter: inherit; visibility: hidden; }
  .leaflet-tile-loaded { visibility: inherit; }
  .leaflet-container .leaflet-tile { max-width: none !important; max-height: none !important; width: auto; padding: 0; }
  .leaflet-pane { z-index: 400; }
  .leaflet-tile-pane { z-index: 200; }
  .leaflet-zoom-animated { transform-origin: 0 0; }
  .leaflet-grab { cursor: grab; }
  .leaflet-dragging .leaflet-grab { cursor: grabbing; }
  .leaflet-tile-container { pointer-events: none; }
  .leaflet-fade-anim .leaflet-tile { will-change: opacity; }
  @media (prefers-reduced-motion: no-preference) {
    .leaflet-fade-anim .leaflet-tile { transition: opacity 0.2s linear; }
  }
`;

let sheet: CSSStyleSheet | undefined;

type Tiles = { _tiles: Record<string, { el: HTMLImageElement; coords: { z: number } }>; _tileZoom: number };

/**
 * Leaflet cancels a tile by pointing it at a `data:` GIF, which a strict `img-src` without
 * `data:` reports as a violation on every pan. Dropping `src` cancels the request just as well.
 */
const StrictTileLayer = TileLayer.extend({
  _removeTile(this: Tiles, key: string) {
    this._tiles[key]?.el.removeAttribute('src');
    return (GridLayer.prototype as unknown as { _removeTile(k: string): void })._removeTile.call(this, key);
  },
  _abortLoading(this: Tiles) {
    for (const [key, tile] of Object.entries(this._tiles)) {
      if (tile.coords.z === this._tileZoom || tile.el.complete) continue;
      tile.el.onload = tile.el.onerror = null;
      tile.el.removeAttribute('src');
      DomUtil.remove(tile.el);
      delete this._tiles[key];
    }
  },
}) as unknown as typeof TileLayer;

/** Leaflet in `el` (inside `root`), showing tiles from `template`. */
export function createLeafletView(el: HTMLElement, root: ShadowRoot, template: string, onChange: ViewListener): MapView {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(leafletCss);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const maxZoom = 18;
  const map = new LeafletMap(el, {
    // Zoom and keyboard belong to the component (one implementation for both modes); the wheel
    // stays with the page so scrolling past the map never gets stuck in it.
    zoomControl: false,
    attributionControl: false,
    keyboard: false,
    scrollWheelZoom: false,
    boxZoom: false,
    zoomAnimation: false,
    markerZoomAnimation: false,
    minZoom: 3,
    maxZoom,
  });
  // The tile server learns the IP address anyway; it need not learn the page as well.
  new StrictTileLayer(template, { maxZoom, referrerPolicy: 'no-referrer' }).addTo(map);
  map.on('move', () => onChange(false));
  map.on('moveend', () => onChange(true));
  return {
    get zoom() {
      return map.getZoom();
    },
    maxZoom,
    project(lat, lon) {
      const p = map.latLngToContainerPoint([lat, lon]);
      return [p.x, p.y];
    },
    bounds() {
      const b = map.getBounds();
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    },
    setView(lat, lon, zoom) {
      map.setView([lat, lon], Math.min(maxZoom, zoom), { animate: false });
    },
    fit([w, s, e, n]) {
      map.fitBounds([[s, w], [n, e]], { padding: [48, 48], maxZoom: 12, animate: false });
    },
    panBy(dx, dy) {
      map.panBy([dx, dy], { animate: false });
    },
    zoomBy(delta) {
      map.setZoom(map.getZoom() + delta, { animate: false });
    },
    resize() {
      map.invalidateSize({ animate: false });
    },
    destroy() {
      map.remove();
    },
  };
}
