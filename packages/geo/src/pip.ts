// Exact point-in-polygon on flat typed arrays (PNPOLY crossing number, even–odd rule).
//
// Rings are stored without their closing position: vertex k of the whole store is
// (coords[2k], coords[2k+1]); ring r spans vertices ringOffsets[r] .. ringOffsets[r+1]-1, and the edge
// from its last vertex back to its first is implied. Even–odd over all rings of a shape is exact for
// valid Polygons (holes inside the outer ring) and MultiPolygons (parts not overlapping), and needs no
// orientation convention.
//
// "On the boundary" is decided exactly: the only arithmetic is the sign of an orientation determinant,
// computed with Shewchuk's adaptive predicate (robust-predicates), so a point on a shared edge is
// reported as boundary by every polygon sharing that edge — which the grid index's boundary rule
// relies on.
import { orient2d } from 'robust-predicates';

/** Outcome of classifying a point against a shape. */
export const OUTSIDE = -1;
export const ON_BOUNDARY = 0;
export const INSIDE = 1;
export type PointClass = typeof OUTSIDE | typeof ON_BOUNDARY | typeof INSIDE;

/**
 * Classifies (px, py) against rings [ringFrom, ringTo): INSIDE (1), ON_BOUNDARY (0) or OUTSIDE (-1),
 * combining the rings even–odd.
 */
export function classifyPoint(
  coords: Float64Array,
  ringOffsets: Uint32Array,
  ringFrom: number,
  ringTo: number,
  px: number,
  py: number,
): PointClass {
  let inside = false;
  for (let r = ringFrom; r < ringTo; r++) {
    const c = classifyRing(coords, ringOffsets[r]!, ringOffsets[r + 1]!, px, py);
    if (c === ON_BOUNDARY) return ON_BOUNDARY;
    if (c === INSIDE) inside = !inside;
  }
  return inside ? INSIDE : OUTSIDE;
}

/**
 * Classifies (px, py) against the single ring of vertices [start, end). A ray is cast towards +x; an
 * edge counts when it straddles the ray's line under the half-open rule (one end strictly above, the
 * other at or below) and p lies strictly on its inner side.
 */
export function classifyRing(coords: Float64Array, start: number, end: number, px: number, py: number): PointClass {
  if (end - start < 2) return OUTSIDE;
  let inside = false;
  let xj = coords[2 * end - 2]!;
  let yj = coords[2 * end - 1]!;
  for (let i = start; i < end; i++) {
    const xi = coords[2 * i]!;
    const yi = coords[2 * i + 1]!;
    if (yi > py !== yj > py) {
      // The edge crosses the line y = py. orient2d < 0 ⇔ p is left of j→i, = 0 ⇔ p is on the edge
      // (its y lies within the edge's y-range, so on the line means on the segment).
      const o = orient2d(xj, yj, xi, yi, px, py);
      if (o === 0) return ON_BOUNDARY;
      // Upward edge with p on its left, or downward edge with p on its right: crossing at x > px.
      if (yi > yj === o < 0) inside = !inside;
    } else if (yi === py) {
      if (xi === px) return ON_BOUNDARY;
      // Horizontal edge on the ray's line: never counted, but p may lie on it.
      if (yj === py && xi < px !== xj < px) return ON_BOUNDARY;
    }
    xj = xi;
    yj = yi;
  }
  return inside ? INSIDE : OUTSIDE;
}
