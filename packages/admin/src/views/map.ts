import { html, LitElement, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { L } from '../i18n.js';

// Germany's outline, coarse (lon, lat): enough to find one's region, drawn without any tile server.
const OUTLINE: [number, number][] = [
  [6.0, 51.85], [5.9, 50.75], [6.4, 50.3], [6.1, 49.5], [6.7, 49.2], [7.5, 49.05], [8.2, 48.95], [7.6, 48.1], [7.55, 47.6],
  [8.6, 47.6], [9.6, 47.5], [10.2, 47.3], [10.9, 47.5], [12.2, 47.6], [13.0, 47.5], [12.75, 48.1], [13.8, 48.6], [12.6, 49.4],
  [12.1, 50.3], [13.0, 50.5], [14.3, 50.9], [14.8, 50.85], [15.0, 51.1], [14.6, 52.0], [14.3, 52.8], [14.4, 53.3], [14.2, 53.9],
  [13.0, 54.45], [11.0, 54.0], [10.9, 54.4], [9.9, 54.8], [8.6, 54.9], [8.9, 53.9], [7.0, 53.6], [7.2, 53.2], [7.0, 52.2], [6.1, 52.0],
];
const W = 5.5, E = 15.5, N = 55.2, S = 47.0;
const K = Math.cos((51 * Math.PI) / 180);
const x = (lon: number) => (lon - W) * K * 100;
const y = (lat: number) => (N - lat) * 100;
const WIDTH = x(E), HEIGHT = y(S);

/**
 * @summary A tile-free map of Germany to place an organisation: click (or move with the arrow
 * keys) to set the position; other members are shown as dots.
 * @fires fk-place - `detail: { lat, lon }` when a position is chosen.
 */
export class FkAdminMap extends LitElement {
  @property({ type: Number }) accessor lat: number | null = null;
  @property({ type: Number }) accessor lon: number | null = null;
  @property({ attribute: false }) accessor others: { lat: number; lon: number; name: string }[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private place(lat: number, lon: number) {
    lat = Math.round(Math.min(N, Math.max(S, lat)) * 10000) / 10000;
    lon = Math.round(Math.min(E, Math.max(W, lon)) * 10000) / 10000;
    this.dispatchEvent(new CustomEvent('fk-place', { detail: { lat, lon }, bubbles: true }));
  }

  private handleClick(e: MouseEvent) {
    const el = e.currentTarget as SVGSVGElement;
    const r = el.getBoundingClientRect();
    const px = ((e.clientX - r.left) / r.width) * WIDTH;
    const py = ((e.clientY - r.top) / r.height) * HEIGHT;
    this.place(N - py / 100, W + px / 100 / K);
  }

  private handleKey(e: KeyboardEvent) {
    const step = e.shiftKey ? 0.5 : 0.05;
    const lat = this.lat ?? 51.0, lon = this.lon ?? 10.4;
    const moves: Record<string, [number, number]> = { ArrowUp: [step, 0], ArrowDown: [-step, 0], ArrowLeft: [0, -step], ArrowRight: [0, step] };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    this.place(lat + m[0], lon + m[1]);
  }

  override render() {
    const has = this.lat !== null && this.lon !== null;
    const label = has
      ? L(`Karte: Position ${this.lat}, ${this.lon}. Klicken oder Pfeiltasten setzen die Position (Umschalt: große Schritte).`, `Map: position ${this.lat}, ${this.lon}. Click or use the arrow keys to set the position (Shift: large steps).`)
      : L('Karte: noch keine Position. Klicken oder Pfeiltasten setzen die Position.', 'Map: no position yet. Click or use the arrow keys to set the position.');
    return html`<svg class="map" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="application" tabindex="0" aria-label=${label}
        @click=${this.handleClick} @keydown=${this.handleKey}>
      ${svg`<polygon class="land" points=${OUTLINE.map(([lo, la]) => `${x(lo)},${y(la)}`).join(' ')}></polygon>`}
      ${this.others.map((o) => svg`<circle class="other" cx=${x(o.lon)} cy=${y(o.lat)} r="5"><title>${o.name}</title></circle>`)}
      ${has ? svg`<g class="pin" transform="translate(${x(this.lon!)},${y(this.lat!)})"><circle r="11"></circle><circle r="4" class="pin-dot"></circle></g>` : ''}
    </svg>`;
  }
}

if (!customElements.get('fk-admin-map')) customElements.define('fk-admin-map', FkAdminMap);
