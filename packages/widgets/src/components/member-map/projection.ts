import type { MapView, ViewListener } from './view.js';

const TILE = 256;

/** Web Mercator: `lon, lat` → world coordinates in `[0, 1]` (x east, y south). */
export function toWorld(lat: number, lon: number): [number, number] {
  // Clamped to Web Mercator's limit (±85.0511°): the poles lie at infinity.
  const s = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  return [lon / 360 + 0.5, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}

/** World coordinates → `[lat, lon]`. */
export function fromWorld(x: number, y: number): [number, number] {
  const n = Math.PI - 2 * Math.PI * y;
  return [(180 / Math.PI) * Math.atan(Math.sinh(n)), x * 360 - 180];
}

/**
 * The view of the tile-free mode: a Web-Mercator plane drawn from the data alone, fitted to the
 * members' bounds, panned and zoomed by keyboard, buttons and dragging. The same projection as
 * the tiles, so clusters behave the same in both modes.
 */
export class PlaneView implements MapView {
  zoom = 8;
  readonly maxZoom = 18;
  /** Centre in world coordinates. */
  private cx = 0.5;
  private cy = 0.5;
  private readonly onChange: ViewListener;
  /** The Länder outlines, once their chunk has arrived: paths in world coordinates × 1e6. */
  private outline: SVGGElement | null = null;

  constructor(
    private readonly el: HTMLElement,
    listener: ViewListener,
  ) {
    this.onChange = (settled) => {
      this.placeOutline();
      listener(settled);
    };
    // The outlines of the Länder give a map without tiles its orientation: a chunk of their own
    // (7 KB), from the same folder as the widget, drawn into the surface's SVG when they arrive.
    const svg = el.querySelector<SVGSVGElement>('svg.outline');
    if (svg) {
      import('./laender.js').then(
        (m) => {
          this.outline = drawOutline(svg, m.LAENDER);
          this.placeOutline();
        },
        () => undefined, // without outlines the map still works
      );
    }
  }

  /** Moves and scales the outlines to the view (an SVG transform attribute: no inline style). */
  private placeOutline(): void {
    if (!this.outline) return;
    const [w, h] = this.size;
    const scale = TILE * 2 ** this.zoom;
    this.outline.setAttribute('transform', `translate(${w / 2 - this.cx * scale} ${h / 2 - this.cy * scale}) scale(${scale / 1e6})`);
  }

  private get size(): [number, number] {
    // Never zero: a hidden map must still project without dividing by nothing.
    return [this.el.clientWidth || 300, this.el.clientHeight || 300];
  }

  project(lat: number, lon: number): [number, number] {
    const [x, y] = toWorld(lat, lon);
    const [w, h] = this.size;
    const scale = TILE * 2 ** this.zoom;
    return [(x - this.cx) * scale + w / 2, (y - this.cy) * scale + h / 2];
  }

  bounds(): [number, number, number, number] {
    const [w, h] = this.size;
    const scale = TILE * 2 ** this.zoom;
    const [north, west] = fromWorld(this.cx - w / 2 / scale, this.cy - h / 2 / scale);
    const [south, east] = fromWorld(this.cx + w / 2 / scale, this.cy + h / 2 / scale);
    return [west, south, east, north];
  }

  setView(lat: number, lon: number, zoom: number): void {
    [this.cx, this.cy] = toWorld(lat, lon);
    this.zoom = Math.max(1, Math.min(this.maxZoom, zoom));
    this.onChange(true);
  }

  fit([west, south, east, north]: [number, number, number, number]): void {
    const [x0, y0] = toWorld(north, west);
    const [x1, y1] = toWorld(south, east);
    const [w, h] = this.size;
    // 48 px of margin keeps the outermost markers clear of the edge and the zoom buttons.
    const span = Math.max((x1 - x0) / Math.max(1, w - 96), (y1 - y0) / Math.max(1, h - 96), 1e-9);
    this.cx = (x0 + x1) / 2;
    this.cy = (y0 + y1) / 2;
    // Whole zooms, as with tiles, so a cluster's expansion zoom lands exactly on a level.
    this.zoom = Math.max(1, Math.min(12, Math.floor(Math.log2(1 / (span * TILE)))));
    this.onChange(true);
  }

  panBy(dx: number, dy: number, settled = true): void {
    const scale = TILE * 2 ** this.zoom;
    this.cx += dx / scale;
    this.cy += dy / scale;
    this.onChange(settled);
  }

  zoomBy(delta: number): void {
    this.zoom = Math.max(1, Math.min(this.maxZoom, Math.round(this.zoom + delta)));
    this.onChange(true);
  }

  resize(): void {
    this.onChange(true);
  }

  destroy(): void {
    this.outline?.remove();
    this.outline = null;
  }
}

const SVG = 'http://www.w3.org/2000/svg';

/** One path per Land (named by `data-land`), in world coordinates × 1e6, inside a new group of `svg`. */
function drawOutline(svg: SVGSVGElement, laender: readonly (readonly [string, readonly string[]])[]): SVGGElement {
  const g = document.createElementNS(SVG, 'g');
  for (const [name, rings] of laender) {
    let d = '';
    for (const ring of rings) {
      const n = ring.split(',').map(Number);
      let lon = 0;
      let lat = 0;
      for (let i = 0; i < n.length; i += 2) {
        lon += n[i]!;
        lat += n[i + 1]!;
        const [x, y] = toWorld(lat / 1000, lon / 1000);
        d += `${i ? 'L' : 'M'}${(x * 1e6).toFixed(1)} ${(y * 1e6).toFixed(1)}`;
      }
      d += 'Z';
    }
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    path.setAttribute('data-land', name);
    g.append(path);
  }
  svg.append(g);
  return g;
}
