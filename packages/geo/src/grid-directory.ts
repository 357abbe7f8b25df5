// The GridIndex's candidate search: a uniform directory of buckets over the items' extent. Each bucket
// lists, in ascending item order, every item whose bounding box meets it, with the box and the item's
// vertex range copied inline, so a point query is one bucket computation and one sequential read.
//
// Why not Flatbush (used elsewhere in this package for box queries)? For single-point queries over
// 200,000 grids its generic tree walk cost ~1.7 µs a query against ~0.3–0.4 µs for this directory
// (measured while building bench/grid-lookup.ts): the walk visits several overlapping nodes per
// level, each a likely cache miss, where a bucket is one computed address and one sequential read.
//
// Buckets are sized like the median item box, so an item usually lands in about 4 buckets and a
// bucket holds a handful of items; their number is capped at 2 per item (plus a few) so a sparse
// extent cannot blow memory up. Where items are much smaller than the median (dense city centres
// among large rural grids) a bucket holds more of them, which costs a longer sequential box scan.
//
// Bucket coordinates are floor((v − min) · scale), which is monotonic in v under IEEE arithmetic, so a
// point inside an item's box always maps to a bucket the item was registered in — no epsilon needed.

/** Doubles per entry: minX, minY, maxX, maxY, tag, vertexFrom, vertexTo. */
export const ENTRY_SIZE = 7;

export interface Directory {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  cols: number;
  rows: number;
  scaleX: number;
  scaleY: number;
  /** Entries of bucket b are bucketStart[b] .. bucketStart[b+1]-1. */
  bucketStart: Uint32Array;
  entries: Float64Array;
}

export interface EntryInfo {
  micro: boolean;
  singleRing: boolean;
  vertexFrom: number;
  vertexTo: number;
}

/** Builds the directory over `boxes` ([minX, minY, maxX, maxY] per item; minX > maxX = no box). */
export function buildDirectory(boxes: Float64Array, info: (item: number) => EntryInfo): Directory {
  const n = boxes.length / 4;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let count = 0;
  const widths: number[] = [];
  const heights: number[] = [];
  for (let k = 0; k < n; k++) {
    if (!(boxes[4 * k]! <= boxes[4 * k + 2]!)) continue;
    count++;
    minX = Math.min(minX, boxes[4 * k]!);
    minY = Math.min(minY, boxes[4 * k + 1]!);
    maxX = Math.max(maxX, boxes[4 * k + 2]!);
    maxY = Math.max(maxY, boxes[4 * k + 3]!);
    widths.push(boxes[4 * k + 2]! - boxes[4 * k]!);
    heights.push(boxes[4 * k + 3]! - boxes[4 * k + 1]!);
  }
  if (count === 0) {
    return {
      minX: 1,
      minY: 1,
      maxX: 0,
      maxY: 0,
      cols: 0,
      rows: 0,
      scaleX: 0,
      scaleY: 0,
      bucketStart: new Uint32Array(1),
      entries: new Float64Array(0),
    };
  }
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  let cols = Math.max(
    1,
    Math.min(1 << 15, Math.ceil(spanX / Math.max(median(widths), spanX / (1 << 15), Number.MIN_VALUE))),
  );
  let rows = Math.max(
    1,
    Math.min(1 << 15, Math.ceil(spanY / Math.max(median(heights), spanY / (1 << 15), Number.MIN_VALUE))),
  );
  const cap = 2 * count + 16;
  if (cols * rows > cap) {
    const f = Math.sqrt((cols * rows) / cap);
    cols = Math.max(1, Math.floor(cols / f));
    rows = Math.max(1, Math.floor(rows / f));
  }
  const scaleX = spanX > 0 ? cols / spanX : 0;
  const scaleY = spanY > 0 ? rows / spanY : 0;
  const col = (x: number) => Math.min(cols - 1, Math.floor((x - minX) * scaleX));
  const row = (y: number) => Math.min(rows - 1, Math.floor((y - minY) * scaleY));

  const bucketStart = new Uint32Array(cols * rows + 1);
  for (let k = 0; k < n; k++) {
    if (!(boxes[4 * k]! <= boxes[4 * k + 2]!)) continue;
    const c1 = col(boxes[4 * k + 2]!);
    const r1 = row(boxes[4 * k + 3]!);
    for (let r = row(boxes[4 * k + 1]!); r <= r1; r++) {
      for (let c = col(boxes[4 * k]!); c <= c1; c++) bucketStart[r * cols + c + 1]!++;
    }
  }
  for (let b = 1; b < bucketStart.length; b++) bucketStart[b]! += bucketStart[b - 1]!;
  const entries = new Float64Array(bucketStart[cols * rows]! * ENTRY_SIZE);
  const next = bucketStart.slice(0, cols * rows);
  for (let k = 0; k < n; k++) {
    if (!(boxes[4 * k]! <= boxes[4 * k + 2]!)) continue;
    const { micro, singleRing, vertexFrom, vertexTo } = info(k);
    const tag = k * 4 + (micro ? 2 : 0) + (singleRing ? 1 : 0);
    const c1 = col(boxes[4 * k + 2]!);
    const r1 = row(boxes[4 * k + 3]!);
    for (let r = row(boxes[4 * k + 1]!); r <= r1; r++) {
      for (let c = col(boxes[4 * k]!); c <= c1; c++) {
        const e = next[r * cols + c]!++ * ENTRY_SIZE;
        entries[e] = boxes[4 * k]!;
        entries[e + 1] = boxes[4 * k + 1]!;
        entries[e + 2] = boxes[4 * k + 2]!;
        entries[e + 3] = boxes[4 * k + 3]!;
        entries[e + 4] = tag;
        entries[e + 5] = vertexFrom;
        entries[e + 6] = vertexTo;
      }
    }
  }
  return { minX, minY, maxX, maxY, cols, rows, scaleX, scaleY, bucketStart, entries };
}

function median(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[sorted.length >> 1]!;
}
