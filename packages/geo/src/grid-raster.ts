// The GridIndex's fast path: a raster over the items' extent whose cells remember the lookup answer
// wherever that answer is the same for every point of the cell, so most lookups are one array read
// and never touch the polygons.
//
// Exactness. A cell is "marked" (value −1: ask the exact path) when any edge of any item may pass
// through it: every cell covered by the edge's bounding box, or for long edges by a one-cell-padded
// walk along it. Cell coordinates are floor((v − min) · scale), monotonic in v, so any point lying on
// an edge maps to a marked cell. An unmarked cell therefore contains no boundary point at all: it lies
// inside one face of the arrangement of all edges, where every item is either strictly containing or
// not containing, so the boundary rule reduces to "smallest item number among the containing ones"
// and one sample (the cell centre, at least half a cell away from any edge) decides it. Items are
// processed in ascending order and a fill never overwrites a mark or an earlier item, while marks
// override fills — so each unmarked cell ends up holding the smallest containing item.

/** Crossings kept per row of an item in the single pass; more are recomputed for that row. */
const SLOTS = 6;

/** Cell value meaning "no fast answer, use the exact path". 0 means no item; k + 1 means item k. */
export const EXACT = -1;

export interface Raster {
  minX: number;
  minY: number;
  cols: number;
  rows: number;
  scaleX: number;
  scaleY: number;
  /** Fast answers for unit grids, and for micro-grids when there are any. */
  grid: Int32Array;
  micro: Int32Array | null;
}

export interface RasterSource {
  coords: Float64Array;
  ringOffsets: Uint32Array;
  itemRings: Uint32Array;
  /** [minX, minY, maxX, maxY] per item; minX > maxX for an item without coordinates. */
  boxes: Float64Array;
  isMicro: (item: number) => boolean;
  extent: [number, number, number, number];
}

/** Builds the raster with about `cellsPerItem` cells per item (capped at `maxCells`). */
export function buildRaster(src: RasterSource, hasMicro: boolean, cellsPerItem = 48, maxCells = 12_000_000): Raster {
  const [minX, minY, maxX, maxY] = src.extent;
  const n = src.boxes.length / 4;
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const cells = Math.max(1, Math.min(maxCells, n * cellsPerItem));
  const ratio = spanX > 0 && spanY > 0 ? spanX / spanY : 1;
  const cols = spanX > 0 ? Math.max(1, Math.min(cells, Math.round(Math.sqrt(cells * ratio)))) : 1;
  const rows = spanY > 0 ? Math.max(1, Math.min(cells, Math.ceil(cells / cols))) : 1;
  const raster: Raster = {
    minX,
    minY,
    cols,
    rows,
    scaleX: spanX > 0 ? cols / spanX : 0,
    scaleY: spanY > 0 ? rows / spanY : 0,
    grid: new Int32Array(cols * rows),
    micro: hasMicro ? new Int32Array(cols * rows) : null,
  };
  const builder = new RasterBuilder(raster, src);
  // One pass per item: mark the cells its edges may touch, then fill its unmarked interior cells.
  for (let k = 0; k < n; k++) {
    if (src.boxes[4 * k]! <= src.boxes[4 * k + 2]!) builder.addItem(k, src.isMicro(k) ? raster.micro! : raster.grid);
  }
  return raster;
}

/** Column (or row) of v: floor((v − min) · scale) clamped to [0, count − 1]. Monotonic in v. */
export function cellOf(v: number, min: number, scale: number, count: number): number {
  const c = Math.floor((v - min) * scale);
  return c < 0 ? 0 : c >= count ? count - 1 : c;
}

// Small methods on one class keep the hot loops monomorphic and inlinable.
class RasterBuilder {
  private readonly minX: number;
  private readonly minY: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly scaleX: number;
  private readonly scaleY: number;
  private readonly grid: Int32Array;
  private readonly micro: Int32Array | null;
  private readonly coords: Float64Array;
  private readonly ringOffsets: Uint32Array;
  private readonly itemRings: Uint32Array;
  private readonly boxes: Float64Array;
  /** Each row's centre line, and whether it maps back to its own row (not at degenerate scales). */
  private readonly centreY: Float64Array;
  private readonly centreOk: Uint8Array;
  private counts = new Int32Array(64);
  private xs = new Float64Array(64 * SLOTS);
  private spill = new Float64Array(64);

  constructor(r: Raster, src: RasterSource) {
    this.minX = r.minX;
    this.minY = r.minY;
    this.cols = r.cols;
    this.rows = r.rows;
    this.scaleX = r.scaleX;
    this.scaleY = r.scaleY;
    this.grid = r.grid;
    this.micro = r.micro;
    this.coords = src.coords;
    this.ringOffsets = src.ringOffsets;
    this.itemRings = src.itemRings;
    this.boxes = src.boxes;
    this.centreY = new Float64Array(r.rows);
    this.centreOk = new Uint8Array(r.rows);
    for (let row = 0; row < r.rows; row++) {
      this.centreY[row] = r.minY + (row + 0.5) / r.scaleY;
      this.centreOk[row] = cellOf(this.centreY[row]!, r.minY, r.scaleY, r.rows) === row ? 1 : 0;
    }
  }

  private col(x: number): number {
    return cellOf(x, this.minX, this.scaleX, this.cols);
  }

  private row(y: number): number {
    return cellOf(y, this.minY, this.scaleY, this.rows);
  }

  /** Marks cells c0..c1 of row r as needing the exact path. */
  private mark(c0: number, c1: number, r: number): void {
    const end = r * this.cols + c1;
    const grid = this.grid;
    for (let cell = r * this.cols + c0; cell <= end; cell++) grid[cell] = EXACT;
    const micro = this.micro;
    if (micro !== null) for (let cell = r * this.cols + c0; cell <= end; cell++) micro[cell] = EXACT;
  }

  /**
   * Marks every cell the edge from vertex a to vertex b may touch, given its cell range [c0, c1] ×
   * [r0, r1]. (Indices, not coordinates, are passed: doubles handed to a call that is not inlined are
   * boxed, which showed up as GC time.)
   */
  private markEdge(a: number, b: number, c0: number, c1: number, r0: number, r1: number): void {
    if ((c1 - c0 + 1) * (r1 - r0 + 1) <= 16) {
      for (let r = r0; r <= r1; r++) this.mark(c0, c1, r);
      return;
    }
    const xa = this.coords[2 * a]!;
    const ya = this.coords[2 * a + 1]!;
    const xb = this.coords[2 * b]!;
    const yb = this.coords[2 * b + 1]!;
    if (ya === yb) {
      this.mark(c0, c1, r0);
      return;
    }
    // Long slanted edge: per row, the columns it crosses within the row's y-range, padded by one.
    for (let r = r0; r <= r1; r++) {
      const yLo = Math.max(Math.min(ya, yb), this.minY + r / this.scaleY);
      const yHi = Math.min(Math.max(ya, yb), this.minY + (r + 1) / this.scaleY);
      const xLo = xa + ((yLo - ya) * (xb - xa)) / (yb - ya);
      const xHi = xa + ((yHi - ya) * (xb - xa)) / (yb - ya);
      this.mark(Math.max(c0, this.col(Math.min(xLo, xHi)) - 1), Math.min(c1, this.col(Math.max(xLo, xHi)) + 1), r);
    }
  }

  addItem(k: number, target: Int32Array): void {
    const { coords, ringOffsets, boxes, centreY } = this;
    const ringFrom = this.itemRings[k]!;
    const ringTo = this.itemRings[k + 1]!;
    // Crossings of the item's edges with the centre lines of its rows (half-open rule, so even–odd
    // parity holds), up to SLOTS per row; a row crossed more often (very jagged shapes) is recomputed.
    const rs = this.row(boxes[4 * k + 1]!);
    const span = this.row(boxes[4 * k + 3]!) - rs + 1;
    if (this.counts.length < span) {
      this.counts = new Int32Array(2 * span);
      this.xs = new Float64Array(2 * span * SLOTS);
    }
    const counts = this.counts;
    const xs = this.xs;
    counts.fill(0, 0, span);
    for (let rg = ringFrom; rg < ringTo; rg++) {
      const start = ringOffsets[rg]!;
      const end = ringOffsets[rg + 1]!;
      if (end === start) continue;
      // Each vertex's cell is computed once; an edge's cell range is that of its ends (monotonicity).
      let xj = coords[2 * end - 2]!;
      let yj = coords[2 * end - 1]!;
      let cj = this.col(xj);
      let rj = this.row(yj);
      for (let i = start, j = end - 1; i < end; j = i++) {
        const xi = coords[2 * i]!;
        const yi = coords[2 * i + 1]!;
        const ci = this.col(xi);
        const ri = this.row(yi);
        const rLo = ri < rj ? ri : rj;
        const rHi = ri < rj ? rj : ri;
        if (ci === cj && ri === rj) this.mark(ci, ci, ri);
        else this.markEdge(j, i, ci < cj ? ci : cj, ci < cj ? cj : ci, rLo, rHi);
        if (yi !== yj) {
          this.addCrossings(i, j, rLo, rHi, rs, counts, xs);
        }
        xj = xi;
        yj = yi;
        cj = ci;
        rj = ri;
      }
    }
    const c0 = this.col(boxes[4 * k]!);
    const c1 = this.col(boxes[4 * k + 2]!);
    for (let q = 0; q < span; q++) {
      const r = rs + q;
      if (this.centreOk[r] === 0) {
        this.mark(c0, c1, r);
        continue;
      }
      let rowXs = xs;
      let from = q * SLOTS;
      let to = from + counts[q]!;
      if (counts[q]! > SLOTS) {
        if (this.spill.length < counts[q]!) this.spill = new Float64Array(2 * counts[q]!);
        rowXs = this.spill;
        from = 0;
        to = rowCrossings(coords, ringOffsets, ringFrom, ringTo, centreY[r]!, rowXs);
      }
      this.fillRow(k, target, r, c0, c1, rowXs, from, to);
    }
  }

  /** Records where the edge between vertices i and j, spanning rows [rLo, rHi], crosses those rows' centre lines. */
  private addCrossings(
    i: number,
    j: number,
    rLo: number,
    rHi: number,
    rs: number,
    counts: Int32Array,
    xs: Float64Array,
  ): void {
    const xi = this.coords[2 * i]!;
    const yi = this.coords[2 * i + 1]!;
    const xj = this.coords[2 * j]!;
    const yj = this.coords[2 * j + 1]!;
    const lo = yi < yj ? yi : yj;
    const hi = yi < yj ? yj : yi;
    for (let r = rLo; r <= rHi; r++) {
      const y = this.centreY[r]!;
      if (!(lo <= y && y < hi)) continue;
      const q = r - rs;
      if (counts[q]! < SLOTS) xs[q * SLOTS + counts[q]!] = xi + ((y - yi) * (xj - xi)) / (yj - yi);
      counts[q]!++;
    }
  }

  /** Sorts one row's crossings and fills the unmarked cells whose centre lies between a pair. */
  private fillRow(
    k: number,
    target: Int32Array,
    r: number,
    c0: number,
    c1: number,
    xs: Float64Array,
    from: number,
    to: number,
  ): void {
    for (let a = from + 1; a < to; a++) {
      // Insertion sort: a row line crosses an item a few times.
      const v = xs[a]!;
      let p = a - 1;
      while (p >= from && xs[p]! > v) {
        xs[p + 1] = xs[p]!;
        p--;
      }
      xs[p + 1] = v;
    }
    for (let a = from; a + 1 < to; a += 2) {
      const xa = xs[a]!;
      const xb = xs[a + 1]!;
      const last = Math.min(c1, this.col(xb));
      for (let c = Math.max(c0, this.col(xa)); c <= last; c++) {
        const x = this.minX + (c + 0.5) / this.scaleX;
        if (!(x > xa && x < xb)) continue;
        const cell = r * this.cols + c;
        if (target[cell] !== 0) continue; // marked, or a smaller item already there
        if (this.col(x) !== c) this.mark(c, c, r);
        else target[cell] = k + 1;
      }
    }
  }
}

/** x of every crossing of rings [ringFrom, ringTo) with the line y (half-open rule), into `out`. */
function rowCrossings(
  coords: Float64Array,
  ringOffsets: Uint32Array,
  ringFrom: number,
  ringTo: number,
  y: number,
  out: Float64Array,
): number {
  let count = 0;
  for (let rg = ringFrom; rg < ringTo; rg++) {
    const start = ringOffsets[rg]!;
    const end = ringOffsets[rg + 1]!;
    for (let i = start, j = end - 1; i < end; j = i++) {
      const yi = coords[2 * i + 1]!;
      const yj = coords[2 * j + 1]!;
      if (yi > y === yj > y) continue;
      const xi = coords[2 * i]!;
      out[count++] = xi + ((y - yi) * (coords[2 * j]! - xi)) / (yj - yi);
    }
  }
  return count;
}
