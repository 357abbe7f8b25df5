// Topological checks on structurally valid rings: simple rings, rings of a polygon not crossing,
// holes inside the outer ring and not inside each other, parts of a multipolygon not overlapping.
// Segment relations use exact orientation predicates, so touching and crossing are told apart exactly.
import type { Position } from 'geojson';
import { intersection, type Geom } from 'polyclip-ts';
import { areaM2 } from './area.ts';
import { classifyPoint, INSIDE, ON_BOUNDARY, OUTSIDE, type PointClass } from './pip.ts';
import { forEachNearbySegmentPair, meetingPoint, relateSegments, NONE, TOUCH } from './segments.ts';
import { fmt, MAX_ERRORS, ringName, ringPath, type GeoError, type Parsed } from './validate-errors.ts';

/** Overlap between parts of a multipolygon smaller than this is taken as rounding (1 dm²). */
const PART_OVERLAP_TOLERANCE_M2 = 0.01;

export function checkTopology(parsed: Parsed, errors: GeoError[]): void {
  parsed.polygons.forEach((rings, p) => checkPolygon(parsed.isMulti, p, rings, errors));
  if (errors.length === 0 && parsed.polygons.length > 1) checkPartsDisjoint(parsed.polygons, errors);
}

function checkPolygon(isMulti: boolean, p: number, rings: Position[][], errors: GeoError[]): void {
  // Segments of all rings, consecutive duplicate positions skipped (they are harmless).
  const segs: number[] = [];
  const segRing: number[] = [];
  const segFrom: number[] = []; // index in the ring of the segment's start position
  const segTo: number[] = [];
  const segNo: number[] = []; // the segment's number within its ring
  const ringSegments: number[] = [];
  rings.forEach((ring, r) => {
    let n = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i]!;
      let k = i + 1;
      while (k < ring.length - 1 && ring[k]![0] === a[0] && ring[k]![1] === a[1]) k++;
      const b = ring[k]!;
      if (a[0] === b[0] && a[1] === b[1]) continue;
      segs.push(a[0]!, a[1]!, b[0]!, b[1]!);
      segRing.push(r);
      segFrom.push(i);
      segTo.push(k);
      segNo.push(n++);
      i = k - 1;
    }
    ringSegments.push(n);
  });
  const before = errors.length;
  const flat = Float64Array.from(segs);
  forEachNearbySegmentPair(flat, (i, j) => {
    if (errors.length >= MAX_ERRORS) return;
    const s = (k: number, c: number) => flat[4 * k + c]!;
    const rel = relateSegments(s(i, 0), s(i, 1), s(i, 2), s(i, 3), s(j, 0), s(j, 1), s(j, 2), s(j, 3));
    if (rel === NONE) return;
    const ri = segRing[i]!;
    const rj = segRing[j]!;
    const [x, y] = meetingPoint(s(i, 0), s(i, 1), s(i, 2), s(i, 3), s(j, 0), s(j, 1), s(j, 2), s(j, 3));
    if (ri === rj) {
      const gap = Math.abs(segNo[j]! - segNo[i]!);
      const adjacent = gap === 1 || gap === ringSegments[ri]! - 1;
      if (adjacent && rel === TOUCH) return; // consecutive segments share their common position
      const at = nearestPosition(rings[ri]!, [segFrom[i]!, segTo[i]!, segFrom[j]!, segTo[j]!], x, y);
      errors.push({
        code: 'geo.self_intersection',
        message: `${ringName(isMulti, p, ri)}在第 ${at + 1} 个点附近自相交（约 ${fmt(x, y)}）`,
        path: ringPath(isMulti, p, ri, at),
      });
    } else if (rel !== TOUCH) {
      // Rings of one polygon may touch at a point, never cross or run along each other.
      errors.push({
        code: 'geo.rings_intersect',
        message: `${ringName(isMulti, p, ri)}与${ringName(isMulti, p, rj)}相交（约 ${fmt(x, y)}）`,
        path: ringPath(isMulti, p, rj, nearestPosition(rings[rj]!, [segFrom[j]!, segTo[j]!], x, y)),
      });
    }
  });
  if (errors.length > before || rings.length < 2) return;

  const outer = flatRing(rings[0]!);
  const holes = rings.slice(1).map(flatRing);
  holes.forEach((hole, h) => {
    if (placeOf(hole, outer) === OUTSIDE) {
      errors.push({
        code: 'geo.hole_outside',
        message: `${ringName(isMulti, p, h + 1)}不在外环之内`,
        path: ringPath(isMulti, p, h + 1),
      });
    }
  });
  for (let a = 0; a < holes.length; a++) {
    for (let b = a + 1; b < holes.length; b++) {
      const [inner, around] =
        placeOf(holes[b]!, holes[a]!) === INSIDE
          ? [b, a]
          : placeOf(holes[a]!, holes[b]!) === INSIDE
            ? [a, b]
            : [-1, -1];
      if (inner < 0) continue;
      errors.push({
        code: 'geo.holes_overlap',
        message: `${ringName(isMulti, p, inner + 1)}位于${ringName(isMulti, p, around + 1)}之内`,
        path: ringPath(isMulti, p, inner + 1),
      });
    }
  }
}

/** Polygons of a multipolygon must not overlap (touching along an edge or at points is allowed). */
function checkPartsDisjoint(polygons: Position[][][], errors: GeoError[]): void {
  const boxes = polygons.map((rings) => boxOf(rings[0]!));
  for (let a = 0; a < polygons.length && errors.length < MAX_ERRORS; a++) {
    for (let b = a + 1; b < polygons.length; b++) {
      const A = boxes[a]!;
      const B = boxes[b]!;
      if (A[2] < B[0] || B[2] < A[0] || A[3] < B[1] || B[3] < A[1]) continue;
      const overlap = partOverlap(polygons[a]!, polygons[b]!);
      if (overlap === null) continue;
      const where = overlap.at
        ? `（约 ${fmt(overlap.at[0]!, overlap.at[1]!)}${overlap.areaM2 > 0 ? `，重叠面积约 ${formatArea(overlap.areaM2)}` : ''}）`
        : '';
      errors.push({
        code: 'geo.polygons_overlap',
        message: `第 ${a + 1} 个多边形与第 ${b + 1} 个多边形重叠${where}`,
        path: `coordinates[${b}]`,
      });
    }
  }
}

function partOverlap(a: Position[][], b: Position[][]): { at: Position | null; areaM2: number } | null {
  try {
    const pieces = intersection(a as Geom, b as Geom) as Position[][][];
    const area = pieces.length > 0 ? areaM2({ type: 'MultiPolygon', coordinates: pieces }) : 0;
    return area > PART_OVERLAP_TOLERANCE_M2 ? { at: pieces[0]?.[0]?.[0] ?? null, areaM2: area } : null;
  } catch {
    // Clipping gave up: fall back to exact vertex tests (misses only exotic all-vertices-on-edge cases).
    const fa = a.map(flatRing);
    const fb = b.map(flatRing);
    const inside = (rings: FlatRing[], other: FlatRing[]) =>
      rings[0]!.coords.some(
        (_, k) => k % 2 === 0 && classifyShape(other, rings[0]!.coords[k]!, rings[0]!.coords[k + 1]!) === INSIDE,
      );
    return inside(fa, fb) || inside(fb, fa) ? { at: null, areaM2: 0 } : null;
  }
}

interface FlatRing {
  coords: Float64Array;
  offsets: Uint32Array;
}

function flatRing(ring: Position[]): FlatRing {
  const n = ring.length - 1; // closing position implied
  const coords = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    coords[2 * i] = ring[i]![0]!;
    coords[2 * i + 1] = ring[i]![1]!;
  }
  return { coords, offsets: Uint32Array.of(0, n) };
}

function classifyShape(rings: FlatRing[], x: number, y: number): PointClass {
  let inside = false;
  for (const ring of rings) {
    const c = classifyPoint(ring.coords, ring.offsets, 0, 1, x, y);
    if (c === ON_BOUNDARY) return ON_BOUNDARY;
    if (c === INSIDE) inside = !inside;
  }
  return inside ? INSIDE : OUTSIDE;
}

/**
 * Where ring `a` lies relative to ring `b`, given that they do not cross: decided by the first of a's
 * vertices, then of its edge midpoints, that is not on b's boundary; ON_BOUNDARY if none is.
 */
function placeOf(a: FlatRing, b: FlatRing): PointClass {
  const n = a.coords.length / 2;
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < n; i++) {
      let x = a.coords[2 * i]!;
      let y = a.coords[2 * i + 1]!;
      if (pass === 1) {
        const k = (i + 1) % n;
        x = (x + a.coords[2 * k]!) / 2;
        y = (y + a.coords[2 * k + 1]!) / 2;
      }
      const c = classifyPoint(b.coords, b.offsets, 0, 1, x, y);
      if (c !== ON_BOUNDARY) return c;
    }
  }
  return ON_BOUNDARY;
}

function nearestPosition(ring: Position[], candidates: number[], x: number, y: number): number {
  let best = candidates[0]!;
  let bestD = Infinity;
  for (const k of candidates) {
    const d = (ring[k]![0]! - x) ** 2 + (ring[k]![1]! - y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best === ring.length - 1 ? 0 : best; // the closing position is the first one
}

function boxOf(ring: Position[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring as [number, number][]) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}

function formatArea(m2: number): string {
  return m2 >= 1e6 ? `${(m2 / 1e6).toFixed(2)} 平方公里` : `${Math.round(m2 * 100) / 100} 平方米`;
}
