import type { Boundary, Position } from './types.ts';

/** Metres per degree of latitude, and of longitude at the equator (WGS84, rounded: ample for drawing). */
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON = 111_320;

/**
 * A boundary with fewer vertices, for drawing (never for lookups or areas): each ring is simplified
 * by Douglas–Peucker with `toleranceM` metres — a vertex stays when it lies farther than that from
 * the line its neighbours kept would draw. Distances are measured on a local plane (longitude scaled
 * by the cosine of the ring's latitude), which at a ring's size is exact enough for a screen.
 *
 * What holds: the output's vertices are a subset of the input's, in order; every ring stays closed;
 * an outer ring that would fall below a triangle is kept as it was (the place stays visible), a hole
 * that would is dropped (it is smaller than the tolerance); the input is not changed. The result may
 * cross itself where the input came within the tolerance of itself — harmless on a map, which is why
 * this is not used where topology matters.
 */
export function simplifyBoundary(boundary: Boundary, toleranceM: number): Boundary {
  if (boundary.type === 'Polygon')
    return { type: 'Polygon', coordinates: simplifyPolygon(boundary.coordinates, toleranceM) };
  return { type: 'MultiPolygon', coordinates: boundary.coordinates.map((p) => simplifyPolygon(p, toleranceM)) };
}

function simplifyPolygon(rings: Position[][], toleranceM: number): Position[][] {
  const out: Position[][] = [];
  rings.forEach((ring, i) => {
    const simplified = simplifyRing(ring, toleranceM);
    if (simplified) out.push(simplified);
    else if (i === 0) out.push(ring.map((p) => [...p]));
  });
  return out;
}

/** A closed ring simplified, or null when fewer than three distinct vertices would remain. */
function simplifyRing(ring: Position[], toleranceM: number): Position[] | null {
  const open = withoutRepeats(ring);
  if (open.length < 3) return null;
  if (!(toleranceM > 0)) return [...open, open[0] as Position].map((p) => [...p]);
  const lat0 = open.reduce((s, p) => s + (p[1] as number), 0) / open.length;
  const kx = M_PER_DEG_LON * Math.cos((lat0 * Math.PI) / 180);
  const xy = open.map((p) => [(p[0] as number) * kx, (p[1] as number) * M_PER_DEG_LAT] as const);
  // A closed ring has no natural ends: split it at the vertex farthest from the first, then simplify
  // both halves as open paths (the second one runs back to the first vertex).
  let far = 1;
  let farDist = -1;
  for (let i = 1; i < xy.length; i++) {
    const d = Math.hypot(xy[i]![0] - xy[0]![0], xy[i]![1] - xy[0]![1]);
    if (d > farDist) {
      farDist = d;
      far = i;
    }
  }
  const keep = new Uint8Array(xy.length + 1);
  keep[0] = 1;
  keep[far] = 1;
  keep[xy.length] = 1;
  const at = (i: number) => xy[i % xy.length]!;
  markKept(at, 0, far, toleranceM, keep);
  markKept(at, far, xy.length, toleranceM, keep);
  const kept: Position[] = [];
  for (let i = 0; i < xy.length; i++) if (keep[i]) kept.push([...(open[i] as Position)]);
  if (kept.length < 3) return null;
  kept.push([...(kept[0] as Position)]);
  return kept;
}

/** Douglas–Peucker over the path first..last (indexes through `at`), without recursion. */
function markKept(
  at: (i: number) => readonly [number, number],
  first: number,
  last: number,
  toleranceM: number,
  keep: Uint8Array,
): void {
  const stack: [number, number][] = [[first, last]];
  while (stack.length) {
    const [a, b] = stack.pop() as [number, number];
    let worst = -1;
    let worstDist = toleranceM;
    for (let i = a + 1; i < b; i++) {
      const d = distanceToSegment(at(i), at(a), at(b));
      if (d > worstDist) {
        worstDist = d;
        worst = i;
      }
    }
    if (worst < 0) continue;
    keep[worst] = 1;
    stack.push([a, worst], [worst, b]);
  }
}

function distanceToSegment(p: readonly [number, number], a: readonly [number, number], b: readonly [number, number]) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** The ring's vertices without the closing repeat and without a vertex equal to the one before it. */
function withoutRepeats(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}
