// Point → grid lookup (落格): which unit grid 网格 and which micro-grid 微网格 a coordinate falls in.
//
// Boundary rule. Neighbouring grids share edges and vertices, so a point exactly on one is in the
// closed polygon of several grids. For each kind (grid, micro) independently the index answers:
//   1. among the grids whose interior strictly contains the point, the one with the smallest `code`;
//   2. failing that, among the grids whose boundary (edge or vertex, holes' rings included) passes
//      through the point, the one with the smallest `code`;
//   3. failing that, null.
// Codes compare as plain strings (UTF-16 code units, which for the numeric 15-digit grid codes is
// numeric order); equal codes fall back to `id`. "On the boundary" is decided with exact arithmetic
// (see pip.ts), so the answer does not depend on the order grids were given in, nor on rounding.
//
// Fast path: a raster remembering the answer for cells that no edge passes through (grid-raster.ts);
// points in other cells take the exact path below.
//
// Layout: every ring's vertices (closing position dropped) in one Float64Array, ring and item offsets
// in Uint32Arrays. Items are numbered in boundary-rule order (by code, then id), so "smallest code" is
// "smallest item number". Candidates come from a uniform bucket directory (see grid-directory.ts):
// each bucket lists, in item order, the items whose bounding box meets it, with the box and vertex
// range inline — so a lookup reads one bucket sequentially, tests boxes, runs the exact test on the
// few survivors, and stops at the first one that strictly contains the point.
import { buildDirectory, ENTRY_SIZE, type Directory } from './grid-directory.ts';
import { buildRaster, EXACT, type Raster } from './grid-raster.ts';
import { classifyPoint, classifyRing, INSIDE, ON_BOUNDARY } from './pip.ts';
import { polygonsOf, type Boundary } from './types.ts';

export type GridKind = 'grid' | 'micro';

export interface GridIndexItem {
  id: string;
  code: string;
  kind: GridKind;
  geometry: Boundary;
}

export interface GridLookup {
  gridId: string | null;
  microId: string | null;
}

/** A static spatial index of grid boundaries; rebuild it from scratch when grids change. */
export class GridIndex {
  /** Number of grids and micro-grids indexed. */
  readonly size: number;
  private readonly ids: string[];
  /** Rings of item i are itemRings[i] .. itemRings[i+1]-1. */
  private readonly itemRings: Uint32Array;
  /** Vertices of ring r are ringOffsets[r] .. ringOffsets[r+1]-1. */
  private readonly ringOffsets: Uint32Array;
  private readonly coords: Float64Array;
  private readonly dir: Directory;
  private readonly raster: Raster | null;
  private readonly hasMicro: boolean;

  constructor(items: readonly GridIndexItem[]) {
    const order = items.map((_, i) => i);
    order.sort((a, b) => compareRule(items[a]!, items[b]!));
    const sorted = order.map((i) => items[i]!);
    this.size = items.length;
    this.ids = sorted.map((item) => item.id);
    this.hasMicro = sorted.some((item) => item.kind === 'micro');

    let ringCount = 0;
    let vertexCount = 0;
    for (const item of sorted) {
      for (const polygon of polygonsOf(item.geometry)) {
        for (const ring of polygon) {
          ringCount++;
          vertexCount += storedLength(ring);
        }
      }
    }
    this.itemRings = new Uint32Array(sorted.length + 1);
    this.ringOffsets = new Uint32Array(ringCount + 1);
    this.coords = new Float64Array(vertexCount * 2);
    const boxes = new Float64Array(sorted.length * 4);

    let r = 0;
    let v = 0;
    const coords = this.coords;
    for (let k = 0; k < sorted.length; k++) {
      this.itemRings[k] = r;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const polygon of polygonsOf(sorted[k]!.geometry)) {
        for (const ring of polygon) {
          this.ringOffsets[r++] = v;
          const n = storedLength(ring);
          for (let i = 0; i < n; i++) {
            const x = ring[i]![0]!;
            const y = ring[i]![1]!;
            coords[2 * v] = x;
            coords[2 * v + 1] = y;
            v++;
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
          }
        }
      }
      boxes[4 * k] = minX; // an item without coordinates keeps minX > maxX and gets no bucket
      boxes[4 * k + 1] = minY;
      boxes[4 * k + 2] = maxX;
      boxes[4 * k + 3] = maxY;
    }
    this.itemRings[sorted.length] = r;
    this.ringOffsets[r] = v;
    this.dir = buildDirectory(boxes, (k) => {
      const ringFrom = this.itemRings[k]!;
      const ringTo = this.itemRings[k + 1]!;
      return {
        micro: sorted[k]!.kind === 'micro',
        singleRing: ringTo - ringFrom === 1,
        vertexFrom: this.ringOffsets[ringFrom]!,
        vertexTo: this.ringOffsets[ringTo]!,
      };
    });
    const d = this.dir;
    this.raster =
      d.cols > 0
        ? buildRaster(
            {
              coords,
              ringOffsets: this.ringOffsets,
              itemRings: this.itemRings,
              boxes,
              isMicro: (k) => sorted[k]!.kind === 'micro',
              extent: [d.minX, d.minY, d.maxX, d.maxY],
            },
            this.hasMicro,
          )
        : null;
  }

  /** The unit grid and, independently, the micro-grid containing (lon, lat), by the boundary rule. */
  lookup(lon: number, lat: number): GridLookup {
    const d = this.dir;
    // Also false for NaN.
    if (!(lon >= d.minX && lon <= d.maxX && lat >= d.minY && lat <= d.maxY)) return { gridId: null, microId: null };
    const fast = this.raster;
    if (fast !== null) {
      // Same cell arithmetic as buildRaster; lon ≥ minX so no lower clamp is needed.
      const c = Math.min(fast.cols - 1, Math.floor((lon - fast.minX) * fast.scaleX));
      const r = Math.min(fast.rows - 1, Math.floor((lat - fast.minY) * fast.scaleY));
      const g = fast.grid[r * fast.cols + c]!;
      if (g !== EXACT) {
        const m = fast.micro === null ? 0 : fast.micro[r * fast.cols + c]!;
        if (m !== EXACT) return { gridId: g > 0 ? this.ids[g - 1]! : null, microId: m > 0 ? this.ids[m - 1]! : null };
      }
    }
    let bx = Math.floor((lon - d.minX) * d.scaleX);
    let by = Math.floor((lat - d.minY) * d.scaleY);
    if (bx >= d.cols) bx = d.cols - 1;
    if (by >= d.rows) by = d.rows - 1;
    const bucket = by * d.cols + bx;
    const entries = d.entries;
    const end = d.bucketStart[bucket + 1]! * ENTRY_SIZE;
    let grid = -1;
    let gridOnEdge = -1;
    let micro = this.hasMicro ? -1 : -2; // -2: nothing to look for
    let microOnEdge = -1;
    for (let e = d.bucketStart[bucket]! * ENTRY_SIZE; e < end; e += ENTRY_SIZE) {
      if (lon < entries[e]! || lat < entries[e + 1]! || lon > entries[e + 2]! || lat > entries[e + 3]!) continue;
      const tag = entries[e + 4]!; // item * 4 + (micro ? 2 : 0) + (single ring ? 1 : 0)
      const isMicro = (tag & 2) !== 0;
      if (isMicro ? micro !== -1 : grid !== -1) continue;
      const item = tag >>> 2;
      const cls =
        (tag & 1) !== 0
          ? classifyRing(this.coords, entries[e + 5]!, entries[e + 6]!, lon, lat)
          : classifyPoint(this.coords, this.ringOffsets, this.itemRings[item]!, this.itemRings[item + 1]!, lon, lat);
      if (cls === INSIDE) {
        if (isMicro) micro = item;
        else grid = item;
        if (grid !== -1 && micro !== -1) break;
      } else if (cls === ON_BOUNDARY) {
        if (isMicro) {
          if (microOnEdge === -1) microOnEdge = item;
        } else if (gridOnEdge === -1) gridOnEdge = item;
      }
    }
    if (grid === -1) grid = gridOnEdge;
    if (micro < 0) micro = microOnEdge;
    return { gridId: grid >= 0 ? this.ids[grid]! : null, microId: micro >= 0 ? this.ids[micro]! : null };
  }

  /** Approximate bytes held: typed arrays, the bucket directory, the raster, and the id strings. */
  get memoryBytes(): number {
    let idBytes = this.ids.length * 8; // array slots
    // V8 keeps Latin-1 strings at one byte a character, others at two; ~16 bytes of header each.
    for (const id of this.ids) idBytes += 16 + id.length * (/[\u0100-\uffff]/.test(id) ? 2 : 1);
    return (
      this.coords.byteLength +
      this.ringOffsets.byteLength +
      this.itemRings.byteLength +
      this.dir.bucketStart.byteLength +
      this.dir.entries.byteLength +
      (this.raster?.grid.byteLength ?? 0) +
      (this.raster?.micro?.byteLength ?? 0) +
      idBytes
    );
  }
}

/** Boundary-rule order: smaller code first, then smaller id. */
function compareRule(a: GridIndexItem, b: GridIndexItem): number {
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** Positions kept for a ring: the closing position is implied. */
function storedLength(ring: readonly (readonly number[])[]): number {
  const n = ring.length;
  if (n > 1) {
    const first = ring[0]!;
    const last = ring[n - 1]!;
    if (first[0] === last[0] && first[1] === last[1]) return n - 1;
  }
  return n;
}
