import Supercluster from 'supercluster';
import type { Member } from '@fachkraefte/schema';

/** A member with a known position. */
export type Placed = Member & { position: { lat: number; lon: number } };

/** One thing to draw: a single member or a cluster of them. */
export type Mark =
  | { key: string; lat: number; lon: number; member: Placed }
  | { key: string; lat: number; lon: number; id: number; count: number };

type Props = { cluster?: boolean; cluster_id?: number; point_count?: number; i?: number };
type Feature = { geometry: { coordinates: number[] }; properties: unknown };

/** A supercluster index over members. Radius in pixels at 256 px tiles. */
export class Clusters {
  private readonly index: Supercluster<{ i: number }>;

  constructor(
    readonly members: Placed[],
    maxZoom: number,
  ) {
    this.index = new Supercluster<{ i: number }>({ radius: 48, maxZoom });
    this.index.load(
      members.map((m, i) => ({
        type: 'Feature' as const,
        properties: { i },
        geometry: { type: 'Point' as const, coordinates: [m.position.lon, m.position.lat] },
      })),
    );
  }

  /** What to draw inside `bbox` at `zoom`. */
  marks(bbox: [number, number, number, number], zoom: number): Mark[] {
    return this.index.getClusters(bbox, Math.floor(zoom)).map((f) => this.mark(f));
  }

  private mark(f: Feature): Mark {
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const p = f.properties as Props;
    return p.cluster
      ? { key: `c${p.cluster_id!}`, lat, lon, id: p.cluster_id!, count: p.point_count! }
      : { key: `p${this.members[p.i!]!.id}`, lat, lon, member: this.members[p.i!]! };
  }

  /** The zoom at which a cluster splits; above `maxZoom` when its points share one spot. */
  expansionZoom(id: number): number {
    return this.index.getClusterExpansionZoom(id);
  }

  /** What a cluster splits into at its expansion zoom. */
  children(id: number): Mark[] {
    return this.index.getChildren(id).map((f) => this.mark(f));
  }

  /** Every member in a cluster. */
  leaves(id: number): Placed[] {
    return this.index.getLeaves(id, Infinity).map((f) => this.members[f.properties.i]!);
  }

  /** The lowest zoom (≥ `from`) at which `member` is drawn on its own, or null if never. */
  ownZoom(member: Placed, from: number, max: number): number | null {
    const { lat, lon } = member.position;
    // supercluster keeps coordinates as 32-bit floats: the box must be wider than their rounding.
    const e = 1e-4;
    for (let z = Math.floor(from); z <= max; z++) {
      const hit = this.index.getClusters([lon - e, lat - e, lon + e, lat + e], z);
      if (hit.some((f) => !(f.properties as Props).cluster && this.members[(f.properties as Props).i!] === member)) return z;
    }
    return null;
  }

  /** Bounds of all members as `[west, south, east, north]`, or null when there are none. */
  bbox(): [number, number, number, number] | null {
    if (!this.members.length) return null;
    let w = 180, s = 90, e = -180, n = -90;
    for (const { position: p } of this.members) {
      w = Math.min(w, p.lon); e = Math.max(e, p.lon);
      s = Math.min(s, p.lat); n = Math.max(n, p.lat);
    }
    return [w, s, e, n];
  }

  /** The cluster at `zoom` that holds `member`, to highlight when it is not drawn on its own. */
  holder(member: Placed, marks: Mark[]): Mark | undefined {
    for (const m of marks) {
      if ('member' in m ? m.member === member : this.leaves(m.id).includes(member)) return m;
    }
    return undefined;
  }
}
