// Exact segment–segment relations for boundary validation, and a Flatbush-backed search for every
// pair of segments whose boxes meet (O(n log n) on real boundaries with tens of thousands of points).
import Flatbush from 'flatbush';
import { orient2d } from 'robust-predicates';

export const NONE = 0;
/** The segments cross at a single point interior to both. */
export const CROSS = 1;
/** They meet at a single point that is an endpoint of at least one of them. */
export const TOUCH = 2;
/** They are collinear and share a stretch of positive length. */
export const OVERLAP = 3;
export type SegmentRelation = typeof NONE | typeof CROSS | typeof TOUCH | typeof OVERLAP;

/** How segment ab relates to segment cd (neither of zero length). */
export function relateSegments(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): SegmentRelation {
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return NONE;
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return NONE;
  const o1 = Math.sign(orient2d(ax, ay, bx, by, cx, cy));
  const o2 = Math.sign(orient2d(ax, ay, bx, by, dx, dy));
  if (o1 === 0 && o2 === 0) {
    // Collinear: compare the projections on the segment's longer axis.
    const useX = Math.abs(bx - ax) >= Math.abs(by - ay);
    const [a0, a1] = useX ? minmax(ax, bx) : minmax(ay, by);
    const [c0, c1] = useX ? minmax(cx, dx) : minmax(cy, dy);
    const lo = Math.max(a0, c0);
    const hi = Math.min(a1, c1);
    if (lo < hi) return OVERLAP;
    return lo === hi ? TOUCH : NONE;
  }
  const o3 = Math.sign(orient2d(cx, cy, dx, dy, ax, ay));
  const o4 = Math.sign(orient2d(cx, cy, dx, dy, bx, by));
  if (o1 * o2 > 0 || o3 * o4 > 0) return NONE;
  // Opposite sides both ways (or an endpoint exactly on the other segment, boxes already overlap).
  return o1 === 0 || o2 === 0 || o3 === 0 || o4 === 0 ? TOUCH : CROSS;
}

/** Where segments ab and cd meet (an approximation for messages; exact when they touch at an end). */
export function meetingPoint(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): [number, number] {
  const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
  if (den === 0) {
    // Collinear: the first endpoint of one lying within the other's box.
    for (const [x, y] of [
      [cx, cy],
      [dx, dy],
      [ax, ay],
      [bx, by],
    ] as const) {
      if (within(x, ax, bx) && within(y, ay, by) && within(x, cx, dx) && within(y, cy, dy)) return [x, y];
    }
    return [ax, ay];
  }
  const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
  return [ax + t * (bx - ax), ay + t * (by - ay)];
}

/** Calls `visit(i, j)` once for each pair i < j of segments whose bounding boxes meet. */
export function forEachNearbySegmentPair(
  segs: Float64Array, // [ax, ay, bx, by] per segment
  visit: (i: number, j: number) => void,
): void {
  const n = segs.length / 4;
  if (n < 2) return;
  const tree = new Flatbush(n);
  for (let i = 0; i < n; i++) {
    const ax = segs[4 * i]!;
    const ay = segs[4 * i + 1]!;
    const bx = segs[4 * i + 2]!;
    const by = segs[4 * i + 3]!;
    tree.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  }
  tree.finish();
  for (let i = 0; i < n; i++) {
    const ax = segs[4 * i]!;
    const ay = segs[4 * i + 1]!;
    const bx = segs[4 * i + 2]!;
    const by = segs[4 * i + 3]!;
    tree.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (j) => {
      if (j > i) visit(i, j);
      return false;
    });
  }
}

function minmax(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

function within(v: number, a: number, b: number): boolean {
  return v >= Math.min(a, b) && v <= Math.max(a, b);
}
