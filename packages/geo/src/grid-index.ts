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
// Layout: every ring's vertices (closing position dropped) in one Float64Array, ring and item offsets
// in Uint32Arrays, and the items' bounding boxes in a Flatbush packed Hilbert R-tree. Items are stored
// in boundary-rule order (by code, then id), so "smallest code" is "smallest item number" and a lookup
// can stop at the first candidate that strictly contains the point.
import Flatbush from 'flatbush';
import { classifyPoint, INSIDE, ON_BOUNDARY } from './pip.ts';
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

const KIND_GRID = 0;
const KIND_MICRO = 1;

/** A static spatial index of grid boundaries; rebuild it from scratch when grids change. */
export class GridIndex {
  /** Number of grids and micro-grids indexed. */
  readonly size: number;
  private readonly ids: string[];
  private readonly kinds: Uint8Array;
  /** Rings of item i are itemRings[i] .. itemRings[i+1]-1. */
  private readonly itemRings: Uint32Array;
  /** Vertices of ring r are ringOffsets[r] .. ringOffsets[r+1]-1. */
  private readonly ringOffsets: Uint32Array;
  private readonly coords: Float64Array;
  private readonly tree: Flatbush | null;
  private readonly itemOfBox: Uint32Array;
  private readonly hasMicro: boolean;
  /** Candidates of the current lookup (item numbers), filled by the tree search's callback. */
  private candidates = new Int32Array(64);
  private candidateCount = 0;
  private readonly collect = (box: number): boolean => {
    if (this.candidateCount === this.candidates.length) {
      const grown = new Int32Array(this.candidates.length * 2);
      grown.set(this.candidates);
      this.candidates = grown;
    }
    this.candidates[this.candidateCount++] = this.itemOfBox[box]!;
    return false; // keep Flatbush's own result array empty
  };

  constructor(items: readonly GridIndexItem[]) {
    const order = items.map((_, i) => i);
    order.sort((a, b) => compareRule(items[a]!, items[b]!));
    this.size = items.length;
    this.ids = order.map((i) => items[i]!.id);
    this.kinds = new Uint8Array(order.map((i) => (items[i]!.kind === 'micro' ? KIND_MICRO : KIND_GRID)));
    this.hasMicro = this.kinds.includes(KIND_MICRO);

    let ringCount = 0;
    let vertexCount = 0;
    let nonEmpty = 0;
    for (const item of items) {
      const before = vertexCount;
      for (const polygon of polygonsOf(item.geometry)) {
        for (const ring of polygon) {
          ringCount++;
          vertexCount += storedLength(ring);
        }
      }
      if (vertexCount > before) nonEmpty++;
    }
    this.itemRings = new Uint32Array(items.length + 1);
    this.ringOffsets = new Uint32Array(ringCount + 1);
    this.coords = new Float64Array(vertexCount * 2);
    // Flatbush numbers boxes in insertion order; items without coordinates get no box.
    this.tree = nonEmpty > 0 ? new Flatbush(nonEmpty) : null;
    this.itemOfBox = new Uint32Array(nonEmpty);

    let r = 0;
    let v = 0;
    const coords = this.coords;
    for (let k = 0; k < order.length; k++) {
      this.itemRings[k] = r;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const polygon of polygonsOf(items[order[k]!]!.geometry)) {
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
      if (minX <= maxX) this.itemOfBox[this.tree!.add(minX, minY, maxX, maxY)] = k;
    }
    this.itemRings[order.length] = r;
    this.ringOffsets[r] = v;
    this.tree?.finish();
  }

  /** The unit grid and, independently, the micro-grid containing (lon, lat), by the boundary rule. */
  lookup(lon: number, lat: number): GridLookup {
    if (this.tree === null || !(Number.isFinite(lon) && Number.isFinite(lat))) return { gridId: null, microId: null };
    this.candidateCount = 0;
    this.tree.search(lon, lat, lon, lat, this.collect);
    const cand = this.candidates;
    const n = this.candidateCount;
    // Insertion sort: a point rarely has more than a handful of candidate boxes.
    for (let i = 1; i < n; i++) {
      const c = cand[i]!;
      let j = i - 1;
      while (j >= 0 && cand[j]! > c) {
        cand[j + 1] = cand[j]!;
        j--;
      }
      cand[j + 1] = c;
    }
    let grid = -1;
    let gridOnEdge = -1;
    let micro = this.hasMicro ? -1 : -2; // -2: nothing to look for
    let microOnEdge = -1;
    for (let i = 0; i < n; i++) {
      const item = cand[i]!;
      const isMicro = this.kinds[item] === KIND_MICRO;
      if (isMicro ? micro !== -1 : grid !== -1) continue;
      const cls = classifyPoint(this.coords, this.ringOffsets, this.itemRings[item]!, this.itemRings[item + 1]!, lon, lat);
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

  /** Approximate bytes held: typed arrays, the R-tree, and the id strings. */
  get memoryBytes(): number {
    let idBytes = this.ids.length * 8; // array slots
    for (const id of this.ids) idBytes += 16 + id.length * (/^[\x00-\xff]*$/.test(id) ? 1 : 2);
    return (
      this.coords.byteLength +
      this.ringOffsets.byteLength +
      this.itemRings.byteLength +
      this.kinds.byteLength +
      this.itemOfBox.byteLength +
      this.candidates.byteLength +
      (this.tree?.data.byteLength ?? 0) +
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
