/**
 * What the component needs from a map engine, so that the markers, clusters, keyboard handling
 * and popups are one implementation for both modes: the tile-free plane ({@link PlaneView}) and the
 * lazily loaded Leaflet adapter. Coordinates are WGS 84; pixels are relative to the map surface.
 */
export interface MapView {
  /** Current zoom (fractional in the plane, whole with Leaflet). */
  readonly zoom: number;
  /** Largest zoom; clusters whose points share one spot never split below it. */
  readonly maxZoom: number;
  /** Pixel position of a point on the surface. */
  project(lat: number, lon: number): [x: number, y: number];
  /** Visible area as `[west, south, east, north]`. */
  bounds(): [number, number, number, number];
  /** Centres `lat, lon` at `zoom`. */
  setView(lat: number, lon: number, zoom: number): void;
  /** Shows all of `[west, south, east, north]`. */
  fit(bbox: [number, number, number, number]): void;
  /** Moves the map by pixels; `settled` false while a drag is still moving (no re-render yet). */
  panBy(dx: number, dy: number, settled?: boolean): void;
  /** Zooms by `delta` around the centre. */
  zoomBy(delta: number): void;
  /** The surface was resized. */
  resize(): void;
  /** Frees the engine. */
  destroy(): void;
}

/** Called by a view after every change: `settled` is false while a drag is still moving. */
export type ViewListener = (settled: boolean) => void;
