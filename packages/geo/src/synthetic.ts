// Synthetic grid tilings for tests, benchmarks and demo data: a lattice whose corners are jittered and
// whose edges are subdivided and wiggled, each edge computed once and shared (reversed) by the two
// cells on either side — so the cells cover the extent exactly, with no gap and no overlap. Border
// corners only slide along the border and border edges stay straight, so the union is the extent.
import type { Polygon, Position } from 'geojson';
import type { GridIndexItem } from './grid-index.ts';

export interface TilingOptions {
  cols: number;
  rows: number;
  /** [minLon, minLat, maxLon, maxLat] */
  extent: [number, number, number, number];
  /** Vertices per cell, a multiple of 4 (default 40: 10 per side). */
  verticesPerCell?: number;
  /** Corner jitter as a fraction of the cell size (default 0.2). */
  jitter?: number;
  /** Sideways wiggle of edge points as a fraction of the cell size (default 0.06). */
  wiggle?: number;
  seed?: number;
  /** Grid code prefix (default "4101"); codes are prefix + sequence, 15 digits, west→east, north→south. */
  codePrefix?: string;
}

/** cols × rows unit grids tiling `extent`. */
export function jitteredTiling(options: TilingOptions): GridIndexItem[] {
  const { cols, rows, extent } = options;
  const perSide = (options.verticesPerCell ?? 40) / 4;
  const jitter = options.jitter ?? 0.2;
  const wiggle = options.wiggle ?? 0.06;
  const prefix = options.codePrefix ?? '4101';
  const random = mulberry32(options.seed ?? 1);
  const [minX, minY, maxX, maxY] = extent;
  const w = (maxX - minX) / cols;
  const h = (maxY - minY) / rows;
  const shift = () => (random() * 2 - 1) * jitter;

  const corners: Position[] = []; // (cols+1) × (rows+1), index i + j*(cols+1)
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i <= cols; i++) {
      const x = i === 0 ? minX : i === cols ? maxX : minX + (i + shift()) * w;
      const y = j === 0 ? minY : j === rows ? maxY : minY + (j + shift()) * h;
      corners.push([x, y]);
    }
  }
  const corner = (i: number, j: number) => corners[i + j * (cols + 1)]!;
  /** The positions from a towards b, b excluded: a, then perSide-1 wiggled intermediate points. */
  const edge = (a: Position, b: Position, onBorder: boolean): Position[] => {
    const out: Position[] = [a];
    const [ax, ay] = a as [number, number];
    const [bx, by] = b as [number, number];
    const len = Math.hypot(bx - ax, by - ay);
    for (let k = 1; k < perSide; k++) {
      const t = k / perSide;
      // Wiggle fades out towards the corners so neighbouring edges never cross.
      const off = onBorder ? 0 : (random() * 2 - 1) * wiggle * Math.min(w, h) * Math.sin(Math.PI * t);
      out.push([ax + t * (bx - ax) - (off * (by - ay)) / len, ay + t * (by - ay) + (off * (bx - ax)) / len]);
    }
    return out;
  };
  const horizontal: Position[][] = []; // from corner(i, j) east, index i + j*cols
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i < cols; i++) horizontal.push(edge(corner(i, j), corner(i + 1, j), j === 0 || j === rows));
  }
  const vertical: Position[][] = []; // from corner(i, j) north, index i + j*(cols+1)
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i <= cols; i++) vertical.push(edge(corner(i, j), corner(i, j + 1), i === 0 || i === cols));
  }
  const reversed = (positions: Position[], end: Position): Position[] => [end, ...positions.slice(1).reverse()];

  const items: GridIndexItem[] = [];
  let seq = 0;
  for (let j = rows - 1; j >= 0; j--) {
    for (let i = 0; i < cols; i++) {
      // Counter-clockwise: bottom east, right north, top west, left south.
      const ring = [
        ...horizontal[i + j * cols]!,
        ...vertical[i + 1 + j * (cols + 1)]!,
        ...reversed(horizontal[i + (j + 1) * cols]!, corner(i + 1, j + 1)),
        ...reversed(vertical[i + j * (cols + 1)]!, corner(i, j + 1)),
        corner(i, j),
      ];
      const geometry: Polygon = { type: 'Polygon', coordinates: [ring] };
      seq++;
      items.push({
        id: `g${seq}`,
        code: prefix + String(seq).padStart(15 - prefix.length, '0'),
        kind: 'grid',
        geometry,
      });
    }
  }
  return items;
}

/** Small seeded PRNG (Mulberry32) so a tiling is reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
